import { moscowDate } from '@remed/core';
import type { Actor } from '../../platform/actor.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { countPatients, loadPatients, type PatientsFilter } from './clinic-patients.queries.ts';

/** The clinic's attachment lists: who is attached to it through the programs that include it, and who left. */
export async function listPatients(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  actor: Actor,
  clinicId: string,
  q: PatientsFilter & { limit: number; offset: number },
) {
  assertClinicAccess(actor, clinicId);
  const db = deps.database.db;
  const day = moscowDate(deps.clock.now());
  const [items, total] = await Promise.all([
    loadPatients(db, clinicId, q, day, q),
    countPatients(db, clinicId, q, day),
  ]);
  return { items, total };
}
