import { adjudicateReceipt, type FiscalReceipt, formatRub, withQrTime } from '@remed/core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { claims, ledgerEntries } from '../../db/schema/index.ts';
import type { ReceiptLookup } from '../../integrations/fns/receipt-source.ts';
import { systemActor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { fetchRetryDelay } from './claim-jobs.ts';
import { claimNotices } from './claim-notices.ts';
import { letterState, PAYING } from './claim-state.ts';
import { clawbackFor } from './clawback.ts';
import { type Deciding, moveClaim, type Recorded, recordDecision, recordOutcome } from './record-decision.ts';

/** What the receipt source answered decides the claim: the receipt is adjudicated, or the claim waits or fails. */
export function adjudicateLookup(
  deps: AppDeps,
  tx: Tx,
  at: Deciding,
  answer: ReceiptLookup,
): Promise<Recorded> {
  return answer.kind === 'found'
    ? adjudicateFetched(deps, tx, at, answer.receipt)
    : recordNoReceipt(deps, tx, at, answer);
}

/**
 * Decides a fetched receipt against the letter (locked) and records it. The person's QR is the authority
 * for the receipt's local time: a source that reports UTC is corrected by it, and a time no time zone
 * explains goes to a person (TIME_MISMATCH). A refund of a paid receipt is a clawback, not a claim.
 */
async function adjudicateFetched(deps: AppDeps, tx: Tx, at: Deciding, fetched: FiscalReceipt) {
  const { locked, claim } = at;
  const receipt = withQrTime(fetched, claim.qrDateTime);
  const now = deps.clock.now();
  if (receipt.operationType === 2) {
    const paying = await tx
      .select()
      .from(claims)
      .where(and(eq(claims.letterId, locked.id), inArray(claims.status, [...PAYING])))
      .orderBy(asc(claims.adjudicatedAt));
    const owed = clawbackFor(receipt, paying);
    if (owed) return recordClawback(deps, tx, at, { receipt, adjudicatedAt: now }, owed);
  }
  const result = adjudicateReceipt(locked.letter, receipt, letterState(locked.letter, locked.saved));
  return recordDecision(
    deps,
    tx,
    at,
    result,
    { receipt, adjudicatedAt: now },
    {
      actor: systemActor,
      record: {
        action: 'claim.adjudicated',
        entityType: 'claim',
        entityId: claim.id,
        after: {
          status: result.decision.status,
          reasons: result.decision.reasons,
          reimbursement: result.decision.reimbursement,
          cashback: result.decision.cashback,
        },
      },
    },
  );
}

/** The reimbursed share of what the clinic refunded is owed back: a ledger debt, taken off the next payout. */
function recordClawback(
  deps: AppDeps,
  tx: Tx,
  at: Deciding,
  refund: { receipt: FiscalReceipt; adjudicatedAt: Date },
  owed: { claimId: string; amount: number },
) {
  const { claim, locked } = at;
  const summary =
    owed.amount > 0
      ? `Клиника вернула вам деньги по чеку: ${formatRub(owed.amount)} из возмещения удержим из следующей выплаты, или верните их переводом по реквизитам в приложении.`
      : 'Клиника оформила возврат по чеку; возмещения по этим строкам не было, удерживать нечего.';
  return recordOutcome(deps, tx, at, {
    values: { ...refund, status: 'clawback', explanation: { summary, lines: [] } },
    audit: {
      actor: systemActor,
      record: {
        action: 'claim.clawback',
        entityType: 'claim',
        entityId: claim.id,
        after: { originalClaimId: owed.claimId, amount: owed.amount },
      },
    },
    notice: () => claimNotices.clawback(claim.id, summary),
    amounts: null,
    extra:
      owed.amount > 0
        ? [
            tx.insert(ledgerEntries).values({
              insuredPersonId: locked.person.id,
              claimId: claim.id,
              kind: 'clawback',
              amount: -owed.amount,
              createdAt: refund.adjudicatedAt,
            }),
          ]
        : [],
  });
}

/** What a lookup that found no receipt does to a claim: rejected if the source is sure, waiting if not. */
async function recordNoReceipt(
  deps: AppDeps,
  tx: Tx,
  at: Deciding,
  answer: Exclude<ReceiptLookup, { kind: 'found' }>,
): Promise<Recorded> {
  const { claim, locked } = at;
  if (answer.kind === 'not_found') {
    return recordOutcome(deps, tx, at, {
      values: {
        status: 'rejected',
        lastFetchError: answer.message,
        adjudicatedAt: deps.clock.now(),
        explanation: {
          summary: `ФНС не знает такого чека: ${answer.message}. Проверьте данные с QR-кода.`,
          lines: [],
        },
      },
      notice: () => claimNotices.notFound(claim.id, answer.message),
      amounts: null,
    });
  }
  const attempts = claim.fetchAttempts + 1;
  const values = { fetchAttempts: attempts, lastFetchError: answer.message };
  // The person hears once that we wait, when the claim arrives; later attempts change nothing they see.
  const out: Recorded = at.isNew
    ? await recordOutcome(deps, tx, at, {
        values,
        notice: () => claimNotices.waiting(claim.id, locked.letter.number),
        amounts: null,
      })
    : { row: await moveClaim(deps, tx, claim, values), effects: { queues: [] }, payout: null };
  out.effects.retryFetch = { attempts, afterSeconds: fetchRetryDelay(answer, attempts) };
  return out;
}
