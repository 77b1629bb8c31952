import type { Role } from '@remed/core';
import { z } from 'zod';
import type { Actor } from './actor.ts';
import { AppError } from './errors.ts';

/** Clinic cabinet routes name the clinic in the path: `/api/clinics/:clinicId/…`. */
export const clinicParamsSchema = z.object({ clinicId: z.uuid('Неверный идентификатор клиники') });

/** Roles of the service's own staff who may open any clinic's cabinet data (support, contracts). */
const SERVICE_STAFF: readonly Role[] = ['admin'];

/** Route access of the clinic cabinet: clinic staff and the service's staff; assertClinicAccess narrows it. */
export const clinicCabinet = { access: ['clinic_user', ...SERVICE_STAFF] as readonly Role[] };

/**
 * A clinic user acts only for the clinics of their network, one at a time (the switcher in the header);
 * the service's staff act for any clinic. Every cabinet use case calls this first.
 */
export function assertClinicAccess(
  actor: Actor,
  clinicId: string,
  staff: readonly Role[] = SERVICE_STAFF,
): void {
  const user = actor.user;
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (user.roles.some((r) => staff.includes(r))) return;
  if (user.roles.includes('clinic_user') && user.clinics.some((c) => c.id === clinicId)) return;
  throw new AppError('FORBIDDEN', 'Нет доступа к данным этой клиники');
}
