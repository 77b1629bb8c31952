import type { ClaimFeedbackView } from '@remed/core';
import { clinicComplaints } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { feedbackOf, oncePerReceipt, ownClaim } from './feedback.queries.ts';

/** A complaint about the clinic, one per receipt; a console doctor decides whether it is justified. */
export async function fileComplaint(
  deps: AppDeps,
  actor: Actor,
  claimId: string,
  input: { text: string },
): Promise<ClaimFeedbackView> {
  const { clock } = deps;
  const db = deps.database.db;
  const { claim, clinicId } = await ownClaim(db, actor, claimId);
  if (claim.operationType !== 1)
    throw new AppError('INVALID_STATE', 'Жалобу можно подать по чеку оплаты, а не возврата');
  const id = deps.ids.uuid();
  await oncePerReceipt('clinic_complaints_claim_uq', 'Жалоба по этому чеку уже подана', () =>
    db.transaction(async (tx) => {
      await tx.insert(clinicComplaints).values({
        id,
        claimId,
        clinicId,
        insuredPersonId: claim.insuredPersonId,
        text: input.text,
        status: 'new',
        createdAt: clock.now(),
      });
      await writeAudit(tx, clock, actor, {
        action: 'clinic_complaint.filed',
        entityType: 'clinic_complaint',
        entityId: id,
        after: { claimId, clinicId, text: input.text },
      });
    }),
  );
  return feedbackOf(db, claim);
}
