import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { insuredPersonOf, ownClaim } from '../claims/claims.queries.ts';
import { queuePayouts } from './payout-jobs.ts';
import { AWAITING_PAYOUT, restartPayouts } from './restart-payouts.ts';

/** After a refused payout the person fixes their СБП details and tries again, with a new key. */
export async function retryPayout(deps: AppDeps, actor: Actor, claimId: string) {
  const { database, clock } = deps;
  const person = await insuredPersonOf(database.db, actor);
  const started = await database.db.transaction(async (tx) => {
    const claim = await ownClaim(tx, person.id, claimId);
    if (!AWAITING_PAYOUT.includes(claim.status) || claim.reimbursement + claim.cashback <= 0)
      throw new AppError('INVALID_STATE', 'Повторить перевод можно только после отказа банка');
    if (!person.payoutPhone || !person.payoutBankId) {
      throw new AppError('VALIDATION_FAILED', 'Укажите телефон и банк для СБП', {
        fields: { payout: 'Укажите телефон и банк для СБП' },
      });
    }
    const ids = await restartPayouts(deps, tx, person.id, [claimId]);
    await writeAudit(tx, clock, actor, {
      action: 'payout.retried',
      entityType: 'claim',
      entityId: claim.id,
      after: { payoutIds: ids },
    });
    return ids;
  });
  await queuePayouts(deps, started);
}
