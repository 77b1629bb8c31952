import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { insuredPersons, policies } from './insurance.ts';
import { clinicBranches, clinics } from './organisations.ts';
import { users } from './users.ts';

/** A request for help: from the insured app form, or typed in by the operator during a phone call. */
export const helpRequests = pgTable(
  'help_requests',
  {
    id: uuid('id').primaryKey(),
    insuredPersonId: uuid('insured_person_id')
      .notNull()
      .references(() => insuredPersons.id),
    channel: text('channel').$type<'app' | 'phone'>().notNull(),
    complaint: text('complaint').notNull(),
    answers: jsonb('answers').$type<Record<string, string>>().notNull().default({}),
    photoKey: text('photo_key'),
    status: text('status').$type<'new' | 'in_work' | 'closed'>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('help_requests_status_idx').on(t.status, t.createdAt),
    check('help_requests_channel_ck', sql`${t.channel} in ('app','phone')`),
    check('help_requests_status_ck', sql`${t.status} in ('new','in_work','closed')`),
  ],
);

export const medicalCases = pgTable(
  'medical_cases',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => helpRequests.id),
    insuredPersonId: uuid('insured_person_id')
      .notNull()
      .references(() => insuredPersons.id),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    doctorId: uuid('doctor_id')
      .notNull()
      .references(() => users.id),
    complaints: text('complaints').notNull(),
    icd10Code: text('icd10_code'),
    icd10Text: text('icd10_text'),
    status: text('status').$type<'open' | 'letter_issued' | 'closed'>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('medical_cases_request_uq').on(t.requestId),
    check('medical_cases_status_ck', sql`${t.status} in ('open','letter_issued','closed')`),
    check('medical_cases_icd10_ck', sql`${t.icd10Code} ~ '^[A-Z]\\d{2}(\\.\\d{1,2})?$'`),
  ],
);

export const guaranteeLetterNumberSeq = pgSequence('guarantee_letter_number_seq', { startWith: 1 });

/** A priced authorisation: the clinic's prices at issue are frozen into its items. Money in kopecks. */
export const guaranteeLetters = pgTable(
  'guarantee_letters',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => medicalCases.id),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    insuredPersonId: uuid('insured_person_id')
      .notNull()
      .references(() => insuredPersons.id),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    branchId: uuid('branch_id').references(() => clinicBranches.id),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until').notNull(),
    status: text('status').$type<'issued' | 'cancelled'>().notNull(),
    franchisePercent: smallint('franchise_percent').notNull(),
    cashbackPercent: smallint('cashback_percent').notNull(),
    remainingLimit: bigint('remaining_limit', { mode: 'number' }),
    total: bigint('total', { mode: 'number' }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    issuedBy: uuid('issued_by')
      .notNull()
      .references(() => users.id),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    /** What receipts have used so far (quantity per line in millionths, limit left); null until the first. */
    adjudicationState: jsonb('adjudication_state').$type<{
      quantities: Record<string, number>;
      remainingLimit: number | null;
    }>(),
  },
  (t) => [
    uniqueIndex('guarantee_letters_number_uq').on(t.number),
    index('guarantee_letters_clinic_idx').on(t.clinicId, t.issuedAt),
    index('guarantee_letters_person_idx').on(t.insuredPersonId, t.issuedAt),
    check('guarantee_letters_dates_ck', sql`${t.validUntil} >= ${t.validFrom}`),
    check('guarantee_letters_status_ck', sql`${t.status} in ('issued','cancelled')`),
    check('guarantee_letters_total_ck', sql`${t.total} >= 0`),
  ],
);

export const guaranteeLetterItems = pgTable(
  'guarantee_letter_items',
  {
    letterId: uuid('letter_id')
      .notNull()
      .references(() => guaranteeLetters.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    serviceCode: text('service_code').notNull(),
    clinicCode: text('clinic_code').notNull(),
    name: text('name').notNull(),
    price: bigint('price', { mode: 'number' }).notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    primaryKey({ name: 'guarantee_letter_items_pk', columns: [t.letterId, t.line] }),
    check('guarantee_letter_items_qty_ck', sql`${t.quantity} > 0`),
    check('guarantee_letter_items_price_ck', sql`${t.price} > 0`),
  ],
);
