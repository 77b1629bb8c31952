import type { ClaimFeedbackView } from '@remed/core';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { feedbackOf, ownClaim } from './feedback.queries.ts';

/** The insured person's own rating and complaint on one of their receipts. */
export async function getClaimFeedback(
  deps: AppDeps,
  actor: Actor,
  claimId: string,
): Promise<ClaimFeedbackView> {
  const db = deps.database.db;
  const { claim } = await ownClaim(db, actor, claimId);
  return feedbackOf(db, claim);
}
