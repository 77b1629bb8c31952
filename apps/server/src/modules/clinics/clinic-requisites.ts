import type { Actor } from '../../platform/actor.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { loadClinic } from '../edo/clinics.queries.ts';
import { requisitesView } from './clinics.queries.ts';

/** The requisites of a clinic the user works for. */
export async function clinicRequisites(deps: Pick<AppDeps, 'database'>, actor: Actor, clinicId: string) {
  assertClinicAccess(actor, clinicId);
  return requisitesView(await loadClinic(deps.database.db, clinicId));
}
