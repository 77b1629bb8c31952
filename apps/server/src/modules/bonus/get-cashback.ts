import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { assertCashbackClinic, cashbackView } from './cashback.queries.ts';

/** The clinic's bonus program: the cashback now, the changes planned and the history. */
export async function getCashback(deps: Pick<AppDeps, 'database' | 'clock'>, actor: Actor, clinicId: string) {
  await assertCashbackClinic(deps.database.db, actor, clinicId);
  return cashbackView(deps.database.db, clinicId, deps.clock.now());
}
