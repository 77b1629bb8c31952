import type { ClaimView, Decision, Explanation, FiscalReceipt } from '@remed/core';
import { desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { type claims, clinics, guaranteeLetters, payouts } from '../../db/schema/index.ts';
import { CLAIM_STATUS_TITLES } from './claim-state.ts';
import { cancelAdvice } from './payouts.service.ts';

type ClaimRow = typeof claims.$inferSelect;

/** What the insured person sees: each receipt line with the engine's plain-Russian sentence. */
export async function claimViews(db: DbOrTx, rows: ClaimRow[]): Promise<ClaimView[]> {
  if (!rows.length) return [];
  const letters = await db
    .select({ id: guaranteeLetters.id, number: guaranteeLetters.number, clinic: clinics.shortName })
    .from(guaranteeLetters)
    .innerJoin(clinics, eq(clinics.id, guaranteeLetters.clinicId))
    .where(inArray(guaranteeLetters.id, [...new Set(rows.map((r) => r.letterId))]));
  const pays = await db
    .select()
    .from(payouts)
    .where(
      inArray(
        payouts.claimId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(desc(payouts.createdAt));
  return rows.map((c) => {
    const letter = letters.find((l) => l.id === c.letterId)!;
    const receipt = c.receipt as FiscalReceipt | null;
    const decision = c.decision as Decision | null;
    const explanation = c.explanation as Explanation | null;
    const payout = pays.find((p) => p.claimId === c.id) ?? null;
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
        name: receipt?.items[l.item]?.name ?? '',
        paid: l.paid,
        approved: l.approved,
        text: explanation?.lines[n] ?? '',
      })),
      payout: payout
        ? {
            status: payout.status,
            amount: payout.amount,
            advice:
              payout.status === 'canceled' && payout.cancelReason ? cancelAdvice(payout.cancelReason) : null,
          }
        : null,
      createdAt: c.createdAt.toISOString(),
    };
  });
}
