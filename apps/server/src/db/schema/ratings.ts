import type { RatingComponents } from '@remed/core';
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { claims } from './claims.ts';
import { at, createdAt, id, oneOf, ref, requiredRef } from './columns.ts';
import { insuredPersons } from './insurance.ts';
import { clinics } from './organisations.ts';
import { users } from './users.ts';

/** Feedback on a visit is tied to its receipt (claim), the clinic it is about and the person who gave it. */
const aboutReceipt = () => ({
  claimId: requiredRef('claim_id', () => claims.id),
  clinicId: requiredRef('clinic_id', () => clinics.id),
  insuredPersonId: requiredRef('insured_person_id', () => insuredPersons.id),
});

/**
 * An insured person's stars for a visit, one per receipt (claim) by constraint. The clinic is copied from
 * the claim's letter so the rating job and the clinic's counts read one table.
 */
export const visitRatings = pgTable(
  'visit_ratings',
  {
    id: id(),
    ...aboutReceipt(),
    stars: smallint('stars').notNull(),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('visit_ratings_claim_uq').on(t.claimId),
    index('visit_ratings_clinic_idx').on(t.clinicId, t.createdAt),
    check('visit_ratings_stars_ck', sql`${t.stars} between 1 and 5`),
    check('visit_ratings_comment_ck', sql`${t.comment} is null or length(${t.comment}) between 1 and 1000`),
  ],
);

export const COMPLAINT_STATUS_VALUES = ['new', 'justified', 'unjustified'] as const;

/**
 * A complaint about a clinic, filed from a receipt (one per receipt by constraint). A console doctor decides
 * whether it is justified, with a reason; only justified complaints lower the clinic's rating.
 */
export const clinicComplaints = pgTable(
  'clinic_complaints',
  {
    id: id(),
    ...aboutReceipt(),
    text: text('text').notNull(),
    status: text('status').$type<(typeof COMPLAINT_STATUS_VALUES)[number]>().notNull(),
    decisionReason: text('decision_reason'),
    decidedBy: ref('decided_by', () => users.id),
    decidedAt: at('decided_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('clinic_complaints_claim_uq').on(t.claimId),
    index('clinic_complaints_clinic_idx').on(t.clinicId, t.status),
    index('clinic_complaints_status_idx').on(t.status, t.createdAt),
    oneOf('clinic_complaints_status_ck', t.status, ['new', 'justified', 'unjustified']),
    check('clinic_complaints_text_ck', sql`length(${t.text}) between 1 and 2000`),
    // A decision is complete (who, when, why) exactly when the complaint is no longer new.
    check(
      'clinic_complaints_decision_ck',
      sql`(${t.status} = 'new') = (${t.decidedAt} is null and ${t.decidedBy} is null and ${t.decisionReason} is null)`,
    ),
  ],
);

/**
 * The clinic's rating with its components as the nightly (or event-driven) computation left it: one row per
 * clinic per Moscow day, overwritten during the day, so the latest row is the current one and earlier
 * days make the trend. `clinics.rating` carries the same number for the console's ranking.
 */
export const clinicRatingSnapshots = pgTable(
  'clinic_rating_snapshots',
  {
    clinicId: requiredRef('clinic_id', () => clinics.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    rating: numeric('rating', { precision: 3, scale: 1 }).notNull(),
    place: integer('place').notNull(),
    clinicsCount: integer('clinics_count').notNull(),
    components: jsonb('components').$type<RatingComponents>().notNull(),
    computedAt: at('computed_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'clinic_rating_snapshots_pk', columns: [t.clinicId, t.day] }),
    check('clinic_rating_snapshots_rating_ck', sql`${t.rating} between 0 and 10`),
    check('clinic_rating_snapshots_place_ck', sql`${t.place} >= 1 and ${t.place} <= ${t.clinicsCount}`),
  ],
);
