import type { ClaimFeedbackView, ComplaintView } from '@remed/core';
import { and, asc, desc, eq, ne, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  claims,
  clinicComplaints,
  clinics,
  guaranteeLetters,
  insuredPersons,
  policies,
  users,
  visitRatings,
} from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { PAYING } from '../claims/claim-state.ts';
import { requestRatingRecompute } from './rating-jobs.ts';

type ComplaintRow = typeof clinicComplaints.$inferSelect;
type RatingRow = typeof visitRatings.$inferSelect;

/** A visit can be rated once its receipt was accepted: approved in full or in part, or being paid. */
const RATEABLE = PAYING;

const constraintOf = (e: unknown) =>
  ((e as { cause?: { constraint?: string } }).cause ?? (e as { constraint?: string })).constraint;

const ownComplaint = (c: ComplaintRow) => ({
  id: c.id,
  text: c.text,
  status: c.status,
  decisionReason: c.decisionReason,
  createdAt: c.createdAt.toISOString(),
  decidedAt: c.decidedAt?.toISOString() ?? null,
});

/** Visit ratings and complaints: the insured person's side and the console doctor's decision. */
export function feedbackService(deps: AppDeps) {
  const { database, clock, ids } = deps;
  const db = database.db;

  /** The acting insured person's own claim with its clinic; someone else's claim is simply not found. */
  async function ownClaim(tx: DbOrTx, actor: Actor, claimId: string) {
    const [row] = await tx
      .select({ claim: claims, clinicId: guaranteeLetters.clinicId })
      .from(claims)
      .innerJoin(insuredPersons, eq(insuredPersons.id, claims.insuredPersonId))
      .innerJoin(guaranteeLetters, eq(guaranteeLetters.id, claims.letterId))
      .where(and(eq(claims.id, claimId), eq(insuredPersons.userId, actor.user!.id)));
    if (!row) throw new AppError('NOT_FOUND', 'Заявка не найдена');
    return row;
  }

  function view(
    claim: typeof claims.$inferSelect,
    rating: RatingRow | undefined,
    complaint: ComplaintRow | undefined,
  ): ClaimFeedbackView {
    return {
      canRate: !rating && RATEABLE.includes(claim.status),
      canComplain: !complaint && claim.operationType === 1,
      rating: rating
        ? { stars: rating.stars, comment: rating.comment, createdAt: rating.createdAt.toISOString() }
        : null,
      complaint: complaint ? ownComplaint(complaint) : null,
    };
  }

  async function feedbackOf(tx: DbOrTx, claim: typeof claims.$inferSelect) {
    const [rating] = await tx.select().from(visitRatings).where(eq(visitRatings.claimId, claim.id));
    const [complaint] = await tx
      .select()
      .from(clinicComplaints)
      .where(eq(clinicComplaints.claimId, claim.id));
    return view(claim, rating, complaint);
  }

  async function complaintViews(where: SQL, order: SQL): Promise<ComplaintView[]> {
    const rows = await db
      .select({
        c: clinicComplaints,
        clinicName: clinics.shortName,
        person: insuredPersons,
        claim: claims,
        letterNumber: guaranteeLetters.number,
        policyNumber: policies.number,
        decidedBy: users.fullName,
      })
      .from(clinicComplaints)
      .innerJoin(clinics, eq(clinics.id, clinicComplaints.clinicId))
      .innerJoin(insuredPersons, eq(insuredPersons.id, clinicComplaints.insuredPersonId))
      .innerJoin(claims, eq(claims.id, clinicComplaints.claimId))
      .innerJoin(guaranteeLetters, eq(guaranteeLetters.id, claims.letterId))
      .leftJoin(policies, eq(policies.id, guaranteeLetters.policyId))
      .leftJoin(users, eq(users.id, clinicComplaints.decidedBy))
      .where(where)
      .orderBy(order)
      .limit(200);
    return rows.map((r) => ({
      ...ownComplaint(r.c),
      clinic: { id: r.c.clinicId, name: r.clinicName },
      insuredName: [r.person.lastName, r.person.firstName, r.person.middleName].filter(Boolean).join(' '),
      policyNumber: r.policyNumber,
      claimId: r.claim.id,
      letterNumber: r.letterNumber,
      receiptSum: r.claim.qrSum,
      receiptDateTime: r.claim.qrDateTime,
      decidedBy: r.decidedBy,
    }));
  }

  return {
    async claimFeedback(actor: Actor, claimId: string) {
      const { claim } = await ownClaim(db, actor, claimId);
      return feedbackOf(db, claim);
    },

    /** One rating per receipt, by constraint: a second one (or a race of two) is refused. */
    async rate(actor: Actor, claimId: string, input: { stars: number; comment?: string | null | undefined }) {
      const { claim, clinicId } = await ownClaim(db, actor, claimId);
      if (!RATEABLE.includes(claim.status))
        throw new AppError('INVALID_STATE', 'Оценить визит можно после того, как чек одобрен');
      const id = ids.uuid();
      try {
        await db.transaction(async (tx) => {
          await tx.insert(visitRatings).values({
            id,
            claimId,
            clinicId,
            insuredPersonId: claim.insuredPersonId,
            stars: input.stars,
            comment: input.comment ?? null,
            createdAt: clock.now(),
          });
          await writeAudit(tx, clock, actor, {
            action: 'visit_rating.created',
            entityType: 'visit_rating',
            entityId: id,
            after: { claimId, clinicId, stars: input.stars, comment: input.comment ?? null },
          });
        });
      } catch (e) {
        if (constraintOf(e) === 'visit_ratings_claim_uq')
          throw new AppError('CONFLICT', 'Этот визит вы уже оценили');
        throw e;
      }
      await requestRatingRecompute(deps);
      return feedbackOf(db, claim);
    },

    /** A complaint about the clinic, one per receipt; a console doctor decides whether it is justified. */
    async complain(actor: Actor, claimId: string, input: { text: string }) {
      const { claim, clinicId } = await ownClaim(db, actor, claimId);
      if (claim.operationType !== 1)
        throw new AppError('INVALID_STATE', 'Жалобу можно подать по чеку оплаты, а не возврата');
      const id = ids.uuid();
      try {
        await db.transaction(async (tx) => {
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
        });
      } catch (e) {
        if (constraintOf(e) === 'clinic_complaints_claim_uq')
          throw new AppError('CONFLICT', 'Жалоба по этому чеку уже подана');
        throw e;
      }
      return feedbackOf(db, claim);
    },

    /** New complaints oldest first (the queue); decided ones newest first. */
    listComplaints: (status: 'new' | 'decided') =>
      status === 'new'
        ? complaintViews(eq(clinicComplaints.status, 'new'), asc(clinicComplaints.createdAt))
        : complaintViews(ne(clinicComplaints.status, 'new'), desc(clinicComplaints.decidedAt)),

    /**
     * Justified or not, with the reason; decided once (a conditional update from «new»). The person who
     * complained gets an SMS; the answer itself is on their receipt in the app.
     */
    async decide(actor: Actor, complaintId: string, input: { justified: boolean; reason: string }) {
      const status = input.justified ? 'justified' : 'unjustified';
      const messageIds = await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(clinicComplaints)
          .set({ status, decisionReason: input.reason, decidedBy: actor.user!.id, decidedAt: clock.now() })
          .where(and(eq(clinicComplaints.id, complaintId), eq(clinicComplaints.status, 'new')))
          .returning();
        if (!updated) {
          const [exists] = await tx
            .select({ id: clinicComplaints.id })
            .from(clinicComplaints)
            .where(eq(clinicComplaints.id, complaintId));
          if (!exists) throw new AppError('NOT_FOUND', 'Жалоба не найдена');
          throw new AppError('INVALID_STATE', 'По этой жалобе уже принято решение');
        }
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
      const [view] = await complaintViews(eq(clinicComplaints.id, complaintId), asc(clinicComplaints.id));
      return view!;
    },
  };
}

export type FeedbackService = ReturnType<typeof feedbackService>;
