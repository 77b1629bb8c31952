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
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { at, createdAt, id, oneOf, ref, requiredRef, updatedAt } from './columns.ts';
import { insuredPersons, policies } from './insurance.ts';
import { clinicBranches, clinics } from './organisations.ts';
import { users } from './users.ts';

/** A request for help: from the insured app form, or typed in by the operator during a phone call. */
export const helpRequests = pgTable(
  'help_requests',
  {
    id: id(),
    insuredPersonId: requiredRef('insured_person_id', () => insuredPersons.id),
    channel: text('channel').$type<'app' | 'phone'>().notNull(),
    complaint: text('complaint').notNull(),
    answers: jsonb('answers').$type<Record<string, string>>().notNull().default({}),
    photoKey: text('photo_key'),
    status: text('status').$type<'new' | 'in_work' | 'closed'>().notNull(),
    createdBy: ref('created_by', () => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('help_requests_status_idx').on(t.status, t.createdAt),
    oneOf('help_requests_channel_ck', t.channel, ['app', 'phone']),
    oneOf('help_requests_status_ck', t.status, ['new', 'in_work', 'closed']),
  ],
);

export const medicalCases = pgTable(
  'medical_cases',
  {
    id: id(),
    requestId: requiredRef('request_id', () => helpRequests.id),
    insuredPersonId: requiredRef('insured_person_id', () => insuredPersons.id),
    policyId: requiredRef('policy_id', () => policies.id),
    doctorId: requiredRef('doctor_id', () => users.id),
    complaints: text('complaints').notNull(),
    icd10Code: text('icd10_code'),
    icd10Text: text('icd10_text'),
    status: text('status').$type<'open' | 'letter_issued' | 'closed'>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('medical_cases_request_uq').on(t.requestId),
    oneOf('medical_cases_status_ck', t.status, ['open', 'letter_issued', 'closed']),
    check('medical_cases_icd10_ck', sql`${t.icd10Code} ~ '^[A-Z]\\d{2}(\\.\\d{1,2})?$'`),
  ],
);

export const guaranteeLetterNumberSeq = pgSequence('guarantee_letter_number_seq', { startWith: 1 });

/** A priced authorisation: the clinic's prices at issue are frozen into its items. Money in kopecks. */
export const guaranteeLetters = pgTable(
  'guarantee_letters',
  {
    id: id(),
    number: text('number').notNull(),
    caseId: requiredRef('case_id', () => medicalCases.id),
    policyId: requiredRef('policy_id', () => policies.id),
    insuredPersonId: requiredRef('insured_person_id', () => insuredPersons.id),
    clinicId: requiredRef('clinic_id', () => clinics.id),
    branchId: ref('branch_id', () => clinicBranches.id),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until').notNull(),
    status: text('status').$type<'issued' | 'cancelled'>().notNull(),
    franchisePercent: smallint('franchise_percent').notNull(),
    cashbackPercent: smallint('cashback_percent').notNull(),
    remainingLimit: bigint('remaining_limit', { mode: 'number' }),
    total: bigint('total', { mode: 'number' }).notNull(),
    issuedAt: at('issued_at').notNull(),
    issuedBy: requiredRef('issued_by', () => users.id),
    cancelledAt: at('cancelled_at'),
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
    oneOf('guarantee_letters_status_ck', t.status, ['issued', 'cancelled']),
    check('guarantee_letters_total_ck', sql`${t.total} >= 0`),
  ],
);

export const guaranteeLetterItems = pgTable(
  'guarantee_letter_items',
  {
    letterId: requiredRef('letter_id', () => guaranteeLetters.id, { onDelete: 'cascade' }),
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
