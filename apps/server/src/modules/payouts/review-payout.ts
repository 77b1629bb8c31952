import type { PayoutReviewDecision, PayoutReviewItem } from '@remed/core';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { payouts } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { settlePayout } from './settle-payout.ts';

const waiting = and(inArray(payouts.status, ['created', 'pending']), isNotNull(payouts.reviewReason));
const DECIDED = 'Выплата не ждёт решения: её уже решили';

/**
 * Payouts no job may send any more (the provider's key expired and the provider does not know them): staff
 * look at the provider's statement and record whether the money went.
 */
export async function listPayoutsToReview(deps: AppDeps): Promise<PayoutReviewItem[]> {
  const rows = await deps.database.db
    .select()
    .from(payouts)
    .where(waiting)
    .orderBy(asc(payouts.reviewRequestedAt));
  return rows.map((p) => ({
    id: p.id,
    claimId: p.claimId,
    insuredPersonId: p.insuredPersonId,
    amount: p.amount,
    phone: p.phone,
    bankId: p.bankId,
    idempotenceKey: p.idempotenceKey,
    providerId: p.providerId,
    reason: p.reviewReason!,
    createdAt: p.createdAt.toISOString(),
    reviewRequestedAt: (p.reviewRequestedAt ?? p.updatedAt).toISOString(),
  }));
}

/**
 * «Не ушли» lets the person retry the payout with a new key; «ушли» records it as paid, once, like the
 * provider's own word.
 */
export async function decidePayoutReview(
  deps: AppDeps,
  actor: Actor,
  payoutId: string,
  input: PayoutReviewDecision,
) {
  const db = deps.database.db;
  const [p] = await db.select().from(payouts).where(eq(payouts.id, payoutId));
  if (!p) throw new AppError('NOT_FOUND', 'Выплата не найдена');
  const [open] = await db
    .select({ id: payouts.id })
    .from(payouts)
    .where(and(eq(payouts.id, payoutId), waiting));
  if (!open) throw new AppError('INVALID_STATE', DECIDED);
  const providerId = p.providerId ?? `manual:${p.id}`;
  const done = await settlePayout(
    deps,
    p.id,
    input.outcome === 'paid'
      ? { status: 'succeeded', providerId }
      : { status: 'canceled', providerId, reason: 'manual_review', party: 'operator' },
    { actor, note: input.note },
  );
  if (!done) throw new AppError('INVALID_STATE', DECIDED);
}
