import type { Actor } from '../../platform/actor.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { clinicPrograms } from './clinic-patients.queries.ts';

/** The programs that include the clinic, for the filter of its lists. */
export function listClinicPrograms(deps: Pick<AppDeps, 'database'>, actor: Actor, clinicId: string) {
  assertClinicAccess(actor, clinicId);
  return clinicPrograms(deps.database.db, clinicId);
}
