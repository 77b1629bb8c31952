import type { ClaimStatus } from '@remed/core';
import { and, eq, inArray } from 'drizzle-orm';
import { type Tx, writeAll } from '../../db/client.ts';
import { claims, insuredPersons, payouts } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { payoutPlanWrites, planPayout } from './owing.ts';

/** Claims whose payout a person can (re)start: refused by the bank, or approved before СБП details existed. */
export const AWAITING_PAYOUT: readonly ClaimStatus[] = ['payout_failed', 'approved', 'partially_approved'];

/**
 * Starts the payouts of a person's claims that wait for one (they fixed their СБП details, or asked to
 * retry), each with a new key; the person is locked so that open clawbacks come off once. Returns the new
 * payouts, whose jobs the caller queues after commit.
 */
export async function restartPayouts(
  deps: Pick<AppDeps, 'ids' | 'clock'>,
  tx: Tx,
  personId: string,
  claimIds: string[],
): Promise<string[]> {
  const [person] = await tx
    .select()
    .from(insuredPersons)
    .where(eq(insuredPersons.id, personId))
    .for('update');
  const waiting = await tx
    .select()
    .from(claims)
    .where(
      and(
        eq(claims.insuredPersonId, personId),
        inArray(claims.status, [...AWAITING_PAYOUT]),
        inArray(claims.id, claimIds),
      ),
    )
    .for('update');
  const started: string[] = [];
  for (const claim of waiting) {
    const due = { reimbursement: claim.reimbursement, cashback: claim.cashback };
    if (due.reimbursement + due.cashback <= 0) continue;
    if (claim.status !== 'payout_failed' && (await hasPayout(tx, claim.id))) continue;
    const plan = await planPayout(deps, tx, claim.id, person!, claim.status, due, { ledgerWritten: true });
    if (plan.status === claim.status) continue;
    await writeAll(tx, payoutPlanWrites(tx, plan));
    await tx
      .update(claims)
      .set({ status: plan.status, updatedAt: deps.clock.now() })
      .where(eq(claims.id, claim.id));
    if (plan.payout) started.push(plan.payout.id!);
  }
  return started;
}

/** An approved claim may have a payout on its way or made already: it is not started again. */
async function hasPayout(tx: Tx, claimId: string) {
  const [live] = await tx
    .select({ id: payouts.id })
    .from(payouts)
    .where(and(eq(payouts.claimId, claimId), inArray(payouts.status, ['created', 'pending', 'succeeded'])));
  return live !== undefined;
}
