import type { ClaimFeedbackView } from '@remed/core';
import { visitRatings } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { feedbackOf, oncePerReceipt, ownClaim, RATEABLE } from './feedback.queries.ts';
import { requestRatingRecompute } from './rating-jobs.ts';

/** One rating per receipt, by constraint: a second one (or a race of two) is refused. */
export async function rateVisit(
  deps: AppDeps,
  actor: Actor,
  claimId: string,
  input: { stars: number; comment?: string | null | undefined },
): Promise<ClaimFeedbackView> {
  const { clock } = deps;
  const db = deps.database.db;
  const { claim, clinicId } = await ownClaim(db, actor, claimId);
  if (!RATEABLE.includes(claim.status))
    throw new AppError('INVALID_STATE', 'Оценить визит можно после того, как чек одобрен');
  const id = deps.ids.uuid();
  const comment = input.comment ?? null;
  await oncePerReceipt('visit_ratings_claim_uq', 'Этот визит вы уже оценили', () =>
    db.transaction(async (tx) => {
      await tx.insert(visitRatings).values({
        id,
        claimId,
        clinicId,
        insuredPersonId: claim.insuredPersonId,
        stars: input.stars,
        comment,
        createdAt: clock.now(),
      });
      await writeAudit(tx, clock, actor, {
        action: 'visit_rating.created',
        entityType: 'visit_rating',
        entityId: id,
        after: { claimId, clinicId, stars: input.stars, comment },
      });
    }),
  );
  await requestRatingRecompute(deps);
  return feedbackOf(db, claim);
}
