import type { ComplaintView } from '@remed/core';
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { clinicComplaints, insuredPersons } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { complaintViews } from './feedback.queries.ts';
import { requestRatingRecompute } from './rating-jobs.ts';

/**
 * Justified or not, with the reason; decided once (a conditional update from «new»). The person who
 * complained gets an SMS; the answer itself is on their receipt in the app.
 */
export async function decideComplaint(
  deps: AppDeps,
  actor: Actor,
  complaintId: string,
  input: { justified: boolean; reason: string },
): Promise<ComplaintView> {
  const { clock } = deps;
  const db = deps.database.db;
  const status = input.justified ? 'justified' : 'unjustified';
  const messageIds = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(clinicComplaints)
      .set({ status, decisionReason: input.reason, decidedBy: actor.user!.id, decidedAt: clock.now() })
      .where(and(eq(clinicComplaints.id, complaintId), eq(clinicComplaints.status, 'new')))
      .returning();
    if (!updated) throw await whyNotDecided(tx, complaintId);
    await writeAudit(tx, clock, actor, {
      action: 'clinic_complaint.decided',
      entityType: 'clinic_complaint',
      entityId: complaintId,
      before: { status: 'new' },
      after: { status, reason: input.reason, clinicId: updated.clinicId },
    });
    const [person] = await tx
      .select({ phone: insuredPersons.phone })
      .from(insuredPersons)
      .where(eq(insuredPersons.id, updated.insuredPersonId));
    if (!person?.phone) return [];
    const verdict = input.justified ? 'признана обоснованной' : 'не признана обоснованной';
    return [
      await deps.outbox.add(tx, {
        channel: 'sms',
        to: person.phone,
        body: `remed: ваша жалоба на клинику ${verdict}. Ответ врача — в приложении, на странице чека.`,
      }),
    ];
  });
  await deps.outbox.dispatch(messageIds);
  await requestRatingRecompute(deps);
  const [view] = await complaintViews(db, eq(clinicComplaints.id, complaintId), asc(clinicComplaints.id));
  return view!;
}

async function whyNotDecided(tx: Tx, complaintId: string): Promise<AppError> {
  const [exists] = await tx
    .select({ id: clinicComplaints.id })
    .from(clinicComplaints)
    .where(eq(clinicComplaints.id, complaintId));
  return exists
    ? new AppError('INVALID_STATE', 'По этой жалобе уже принято решение')
    : new AppError('NOT_FOUND', 'Жалоба не найдена');
}
