import {
  type AdjudicationResult,
  adjudicateReviewed,
  type ClaimView,
  type FiscalReceipt,
  type ReviewedLine,
} from '@remed/core';
import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { claims } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { logHealthViews } from '../../platform/view-log.ts';
import { runClaimEffects } from './claim-jobs.ts';
import { claimNotices } from './claim-notices.ts';
import { letterState } from './claim-state.ts';
import { claimViews } from './claim-view.ts';
import { type LockedLetter, lockLetter } from './letter-lock.ts';
import { type ClaimRow, recordDecision, recordOutcome } from './record-decision.ts';

/** Receipts the engine was unsure about, oldest first; each look at a person's health data is logged. */
export async function listClaimsToReview(deps: AppDeps, actor: Actor): Promise<ClaimView[]> {
  const db = deps.database.db;
  const rows = await db
    .select()
    .from(claims)
    .where(eq(claims.status, 'manual_review'))
    .orderBy(asc(claims.createdAt));
  await logHealthViews(
    deps,
    actor,
    'claim.review',
    rows.map((c) => ({ insuredPersonId: c.insuredPersonId, recordType: 'claim', recordId: c.id })),
  );
  return claimViews(db, rows);
}

/** What a reviewer's line-by-line decision would pay, before they save it. */
export async function previewReview(deps: AppDeps, claimId: string, lines: ReviewedLine[]) {
  const { decision, explanation } = await deps.database.db.transaction(async (tx) => {
    const claim = await reviewable(tx, claimId);
    return reviewed(await lockLetter(tx, claim.letterId), claim, lines);
  });
  return {
    status: decision.status,
    reasons: decision.reasons,
    reimbursement: decision.reimbursement,
    cashback: decision.cashback,
    summary: explanation.summary,
    lines: decision.lines.map((l, n) => ({
      item: l.item,
      approved: l.approved,
      text: explanation.lines[n] ?? '',
    })),
  };
}

/**
 * A person decides a receipt the engine was unsure about: which letter line each item is and, if less,
 * how much; or a refusal. Audited with who and why, then paid.
 */
export async function reviewClaim(
  deps: AppDeps,
  actor: Actor,
  claimId: string,
  input: { action: 'approve' | 'reject'; lines?: ReviewedLine[] | undefined; note: string },
) {
  const out = await deps.database.db.transaction(async (tx) => {
    const claim = await reviewable(tx, claimId);
    const locked = await lockLetter(tx, claim.letterId);
    const at = { locked, claim, isNew: false, audits: [] };
    const base = { reviewNote: input.note, reviewedBy: actor.user!.id, reviewedAt: deps.clock.now() };
    if (input.action === 'reject') {
      return recordOutcome(deps, tx, at, {
        values: { ...base, status: 'rejected' },
        audit: {
          actor,
          record: {
            action: 'claim.rejected_by_reviewer',
            entityType: 'claim',
            entityId: claimId,
            after: { note: input.note },
          },
        },
        notice: () =>
          claimNotices.decided(
            claimId,
            locked.letter.number,
            'rejected',
            `Решение врача-эксперта: ${input.note}`,
            null,
          ),
        amounts: null,
      });
    }
    const result = reviewed(locked, claim, input.lines ?? []);
    return recordDecision(deps, tx, at, result, base, {
      actor,
      record: {
        action: 'claim.decided_by_reviewer',
        entityType: 'claim',
        entityId: claimId,
        before: { status: 'manual_review', decision: claim.decision },
        after: { decision: result.decision, note: input.note },
      },
    });
  });
  await runClaimEffects(deps, out.effects, claimId);
}

async function reviewable(tx: Tx, claimId: string) {
  const [claim] = await tx.select().from(claims).where(eq(claims.id, claimId)).for('update');
  if (!claim) throw new AppError('NOT_FOUND', 'Заявка не найдена');
  if (claim.status !== 'manual_review') throw new AppError('INVALID_STATE', 'Заявка не ждёт проверки');
  return claim;
}

function reviewed(locked: LockedLetter, claim: ClaimRow, lines: ReviewedLine[]): AdjudicationResult {
  const outcome = adjudicateReviewed(
    locked.letter,
    claim.receipt as FiscalReceipt,
    letterState(locked.letter, locked.saved),
    lines,
  );
  if (!outcome.ok) {
    const field = outcome.error.item === null ? 'lines' : `lines.${outcome.error.item}`;
    throw new AppError('VALIDATION_FAILED', outcome.error.message, {
      fields: { [field]: outcome.error.message },
    });
  }
  return outcome.result;
}
