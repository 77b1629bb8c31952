import type { Role } from '@remed/core';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import { AppError } from '../../platform/errors.ts';
import { findThread, type ThreadRow, type Viewer } from './chat-threads.queries.ts';

/** The service's staff who answer clinics from the console. */
export const CHAT_STAFF: readonly Role[] = ['console_doctor', 'admin'];

/** Where a person writes from: their clinic's cabinet (for the clinic named), or the service's console. */
export type ChatSeat = { side: 'clinic'; clinicId: string } | { side: 'service' };

export const CONSOLE_SEAT: ChatSeat = { side: 'service' };

/**
 * The acting user in that seat, once they may sit there: only the clinic's own people write as the clinic;
 * the service answers from the console.
 */
export function viewerIn(actor: Actor, seat: ChatSeat): Viewer {
  if (seat.side === 'clinic') assertClinicAccess(actor, seat.clinicId, []);
  else {
    if (!actor.user) throw new AppError('UNAUTHENTICATED');
    if (!actor.user.roles.some((r) => CHAT_STAFF.includes(r))) throw new AppError('FORBIDDEN');
  }
  return { userId: actor.user!.id, side: seat.side };
}

/** A thread seen from the seat, or 404: a thread id from another clinic reveals nothing. */
export async function threadIn(db: DbOrTx, seat: ChatSeat, threadId: string): Promise<ThreadRow> {
  const thread = await findThread(db, threadId);
  if (!thread || (seat.side === 'clinic' && thread.clinicId !== seat.clinicId))
    throw new AppError('NOT_FOUND', 'Переписка не найдена');
  return thread;
}
