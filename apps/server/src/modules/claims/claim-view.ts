import type { ClaimView, Decision, Explanation, FiscalReceipt } from '@remed/core';
import { desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { type claims, clinics, guaranteeLetters, payouts } from '../../db/schema/index.ts';
import { cancelAdvice } from '../payouts/payout-advice.ts';
import { CLAIM_STATUS_TITLES } from './claim-state.ts';

type ClaimRow = typeof claims.$inferSelect;
type PayoutRow = Pick<typeof payouts.$inferSelect, 'status' | 'amount' | 'cancelReason'>;

/** What the insured person sees: each receipt line with the engine's plain-Russian sentence. */
export function toClaimView(
  c: ClaimRow,
  letter: { number: string; clinic: string },
  payout: Pick<typeof payouts.$inferInsert, 'status' | 'amount' | 'cancelReason'> | null,
): ClaimView {
  const receipt = c.receipt as FiscalReceipt | null;
  const decision = c.decision as Decision | null;
  const explanation = c.explanation as Explanation | null;
  return {
    id: c.id,
    letterId: c.letterId,
    letterNumber: letter.number,
    clinicName: letter.clinic,
    receipt: `${c.fn}:${c.fd}`,
    dateTime: c.qrDateTime,
    sum: c.qrSum,
    status: c.status,
    statusTitle: CLAIM_STATUS_TITLES[c.status],
    reasons: decision?.reasons ?? [],
    reimbursement: c.reimbursement,
    cashback: c.cashback,
    summary: c.reviewNote ? `Решение врача-эксперта: ${c.reviewNote}` : (explanation?.summary ?? null),
    lines: (decision?.lines ?? []).map((l, n) => ({
      item: l.item,
      letterLine: l.letterLine,
      name: receipt?.items[l.item]?.name ?? '',
      quantity: receipt?.items[l.item]?.quantity ?? 1,
      paid: l.paid,
      approved: l.approved,
      text: explanation?.lines[n] ?? '',
    })),
    payout: payout
      ? {
          status: payout.status ?? 'created',
          amount: payout.amount,
          advice:
            payout.status === 'canceled' && payout.cancelReason ? cancelAdvice(payout.cancelReason) : null,
        }
      : null,
    createdAt: c.createdAt.toISOString(),
  };
}

/** Claims read back for their pages, with their letter and latest payout. */
export async function claimViews(db: DbOrTx, rows: ClaimRow[]): Promise<ClaimView[]> {
  if (!rows.length) return [];
  const letters = await db
    .select({ id: guaranteeLetters.id, number: guaranteeLetters.number, clinic: clinics.shortName })
    .from(guaranteeLetters)
    .innerJoin(clinics, eq(clinics.id, guaranteeLetters.clinicId))
    .where(inArray(guaranteeLetters.id, [...new Set(rows.map((r) => r.letterId))]));
  const pays: (PayoutRow & { claimId: string })[] = await db
    .select({
      claimId: payouts.claimId,
      status: payouts.status,
      amount: payouts.amount,
      cancelReason: payouts.cancelReason,
    })
    .from(payouts)
    .where(
      inArray(
        payouts.claimId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(desc(payouts.createdAt));
  return rows.map((c) =>
    toClaimView(c, letters.find((l) => l.id === c.letterId)!, pays.find((p) => p.claimId === c.id) ?? null),
  );
}
