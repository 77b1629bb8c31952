import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { type ChatSeat, viewerIn } from './chat-access.ts';
import { countUnread } from './chat-threads.queries.ts';

/** Messages from the other side the acting user has not read: in one clinic's threads, or in every clinic's. */
export async function unreadIn(deps: Pick<AppDeps, 'database'>, actor: Actor, seat: ChatSeat) {
  const viewer = viewerIn(actor, seat);
  const where = seat.side === 'clinic' ? sql`t.clinic_id = ${seat.clinicId}` : sql`true`;
  return { total: await countUnread(deps.database.db, viewer, where) };
}
