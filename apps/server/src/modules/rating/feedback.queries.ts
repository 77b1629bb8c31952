import type { ClaimFeedbackView, ComplaintView } from '@remed/core';
import { and, eq, type SQL } from 'drizzle-orm';
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
import { uniqueViolation } from '../../db/unique-violation.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { PAYING } from '../claims/claim-state.ts';

type ClaimRow = typeof claims.$inferSelect;
type ComplaintRow = typeof clinicComplaints.$inferSelect;
type RatingRow = typeof visitRatings.$inferSelect;

/** A visit can be rated once its receipt was accepted: approved in full or in part, or being paid. */
export const RATEABLE = PAYING;

/** The acting insured person's own claim with its clinic; someone else's claim is simply not found. */
export async function ownClaim(db: DbOrTx, actor: Actor, claimId: string) {
  const [row] = await db
    .select({ claim: claims, clinicId: guaranteeLetters.clinicId })
    .from(claims)
    .innerJoin(insuredPersons, eq(insuredPersons.id, claims.insuredPersonId))
    .innerJoin(guaranteeLetters, eq(guaranteeLetters.id, claims.letterId))
    .where(and(eq(claims.id, claimId), eq(insuredPersons.userId, actor.user!.id)));
  if (!row) throw new AppError('NOT_FOUND', 'Заявка не найдена');
  return row;
}

const ownComplaint = (c: ComplaintRow) => ({
  id: c.id,
  text: c.text,
  status: c.status,
  decisionReason: c.decisionReason,
  createdAt: c.createdAt.toISOString(),
  decidedAt: c.decidedAt?.toISOString() ?? null,
});

function feedbackView(claim: ClaimRow, rating: RatingRow | undefined, complaint: ComplaintRow | undefined) {
  return {
    canRate: !rating && RATEABLE.includes(claim.status),
    canComplain: !complaint && claim.operationType === 1,
    rating: rating
      ? { stars: rating.stars, comment: rating.comment, createdAt: rating.createdAt.toISOString() }
      : null,
    complaint: complaint ? ownComplaint(complaint) : null,
  };
}

/** The person's rating and complaint on one receipt, and what they may still do. */
export async function feedbackOf(db: DbOrTx, claim: ClaimRow): Promise<ClaimFeedbackView> {
  const [rating] = await db.select().from(visitRatings).where(eq(visitRatings.claimId, claim.id));
  const [complaint] = await db.select().from(clinicComplaints).where(eq(clinicComplaints.claimId, claim.id));
  return feedbackView(claim, rating, complaint);
}

/** Complaints as the console doctor sees them: with the clinic, the person, the receipt and who decided. */
export async function complaintViews(db: DbOrTx, where: SQL, order: SQL): Promise<ComplaintView[]> {
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

/**
 * Runs a write that a unique constraint allows once per receipt: a second one (or a race of two) is
 * refused with CONFLICT and the given message.
 */
export async function oncePerReceipt(
  uniqueConstraint: string,
  conflictMessage: string,
  write: () => Promise<void>,
) {
  try {
    await write();
  } catch (e) {
    if (uniqueViolation(e) === uniqueConstraint) throw new AppError('CONFLICT', conflictMessage);
    throw e;
  }
}
