import type { AdjudicationResult, ClaimStatus } from '@remed/core';
import { and, eq, type SQLWrapper } from 'drizzle-orm';
import { type Tx, writeAll } from '../../db/client.ts';
import { claims, guaranteeLetters } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { type AuditRecord, auditInsert } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { jobWrite, type QueuedJob } from '../../platform/jobs.ts';
import { type Notice, noticeWrites } from '../notifications/notify.ts';
import { type PayoutPlan, payoutPlanWrites, planPayout } from '../payouts/owing.ts';
import { payoutJob } from '../payouts/payout-jobs.ts';
import { RATING_RECOMPUTE_JOB } from '../rating/rating-jobs.ts';
import type { ClaimEffects } from './claim-jobs.ts';
import { claimNotices } from './claim-notices.ts';
import { CLAIM_STATUS_TITLES, canMove, savedState } from './claim-state.ts';
import type { LockedLetter } from './letter-lock.ts';

export type ClaimRow = typeof claims.$inferSelect;
type ClaimValues = Partial<typeof claims.$inferInsert>;
export type Audit = { actor: Actor; record: AuditRecord };

/** The claim being decided, its letter locked, and what is audited so far (its intake, for a new claim). */
export interface Deciding {
  locked: LockedLetter;
  claim: ClaimRow;
  /** Not written yet: the claim is inserted already decided, in one statement with the rest of the change. */
  isNew: boolean;
  audits: Audit[];
}

/** How a claim's change ends: its values, the person's notice, and the money a paying decision owes. */
interface Outcome {
  values: ClaimValues;
  audit?: Audit;
  notice: (plan: PayoutPlan | null) => Notice;
  amounts: { reimbursement: number; cashback: number } | null;
  /** Other writes of the same change (the letter's state, a clawback entry). */
  extra?: SQLWrapper[];
}

export interface Recorded {
  row: ClaimRow;
  effects: ClaimEffects;
  payout: PayoutPlan['payout'];
}

/**
 * Moves a claim that exists to the status it reached, only from the status it was read in, so that two
 * workers cannot both decide it. `via` is the decided status a payout plan moved on from in the same
 * transaction (approved → payout_pending).
 */
export async function moveClaim(
  { clock }: Pick<AppDeps, 'clock'>,
  tx: Tx,
  claim: ClaimRow,
  values: ClaimValues,
  via?: ClaimStatus,
): Promise<ClaimRow> {
  const to = values.status ?? claim.status;
  const steps = via && via !== to ? [claim.status, via, to] : [claim.status, to];
  if (to !== claim.status && steps.some((from, i) => i > 0 && !canMove(steps[i - 1]!, from)))
    throw new AppError('INVALID_STATE', `Заявка в статусе «${CLAIM_STATUS_TITLES[claim.status]}»`);
  const [row] = await tx
    .update(claims)
    .set({ ...values, updatedAt: clock.now() })
    .where(and(eq(claims.id, claim.id), eq(claims.status, claim.status)))
    .returning();
  if (!row) throw new AppError('INVALID_STATE', 'Заявку уже изменили');
  return row;
}

/**
 * The outcome of a decided receipt: the claim, the money, the records and the notice, all in `tx` and, for
 * a new claim, in one statement with the other writes of the same change.
 */
export async function recordOutcome(
  deps: AppDeps,
  tx: Tx,
  at: Deciding,
  outcome: Outcome,
): Promise<Recorded> {
  const { locked, claim } = at;
  const { values, amounts } = outcome;
  const plan = amounts
    ? await planPayout(deps, tx, claim.id, locked.person, values.status!, amounts, {
        availableHint: locked.available,
      })
    : null;
  const final = { ...values, ...(plan ? { status: plan.status } : {}) };
  let row: ClaimRow;
  const writes: SQLWrapper[] = [];
  if (at.isNew) {
    row = { ...claim, ...final, updatedAt: deps.clock.now() };
    writes.push(tx.insert(claims).values(row));
  } else row = await moveClaim(deps, tx, claim, final, values.status);
  const notes = noticeWrites(deps, tx, locked.person, outcome.notice(plan));
  const jobs: QueuedJob[] = [
    ...deps.outbox.deliveryJobs(notes.messageIds),
    ...(plan?.payout ? [payoutJob(plan.payout)] : []),
    // A decided receipt counts in its clinic's rating (visits, receipts with extra services).
    ...(final.status !== undefined && final.status !== 'waiting_receipt' ? [RATING_RECOMPUTE_JOB] : []),
  ];
  writes.push(
    ...(outcome.extra ?? []),
    ...payoutPlanWrites(tx, plan),
    ...auditInsert(tx, deps.clock, [...at.audits, ...(outcome.audit ? [outcome.audit] : [])]),
    ...notes.writes,
    ...jobs.map(jobWrite),
  );
  await writeAll(tx, writes);
  return { row, effects: { queues: jobs.map((j) => j.queue) }, payout: plan?.payout ?? null };
}

/** Records a decision, the engine's or a person's: only paying decisions use the letter's quantities. */
export function recordDecision(
  deps: AppDeps,
  tx: Tx,
  at: Deciding,
  { decision, explanation, state }: AdjudicationResult,
  extra: ClaimValues,
  audit: Audit,
): Promise<Recorded> {
  const pays = decision.status === 'approved' || decision.status === 'partially_approved';
  return recordOutcome(deps, tx, at, {
    values: {
      ...extra,
      status: decision.status,
      decision,
      explanation,
      reimbursement: decision.reimbursement,
      cashback: decision.cashback,
    },
    audit,
    notice: (plan) =>
      claimNotices.decided(
        at.claim.id,
        at.locked.letter.number,
        decision.status,
        explanation.summary,
        plan?.outcome ?? null,
      ),
    amounts: pays ? { reimbursement: decision.reimbursement, cashback: decision.cashback } : null,
    extra: pays
      ? [
          tx
            .update(guaranteeLetters)
            .set({ adjudicationState: savedState(state) })
            .where(eq(guaranteeLetters.id, at.locked.id)),
        ]
      : [],
  });
}
