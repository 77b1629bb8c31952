import type { AppDeps } from '../../platform/deps.ts';
import { findClinicByInn } from './clinics.queries.ts';

/** Whether a clinic with this ИНН can still register, for the form before it is filled in. */
export async function innAvailability(deps: Pick<AppDeps, 'database'>, inn: string) {
  return { available: !(await findClinicByInn(deps.database.db, inn)) };
}
