import {
  CLAIM_SOURCES,
  CLAIM_STATUSES,
  type ClaimSource,
  type ClaimStatus,
  PAYOUT_STATUSES,
  type PayoutStatus,
} from '@remed/core';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { guaranteeLetters } from './console.ts';
import { insuredPersons } from './insurance.ts';
import { users } from './users.ts';

/** A CHECK constraint's list, from the same constants the code uses (the values are ours, never input). */
const oneOf = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));

/**
 * A receipt submitted against a guarantee letter. The receipt identity (ФН + ФД) is unique across the
 * whole system by constraint, so the same receipt can never be claimed twice, whatever the race.
 */
export const claims = pgTable(
  'claims',
  {
    id: uuid('id').primaryKey(),
    insuredPersonId: uuid('insured_person_id')
      .notNull()
      .references(() => insuredPersons.id),
    letterId: uuid('letter_id')
      .notNull()
      .references(() => guaranteeLetters.id),
    fn: text('fn').notNull(),
    fd: text('fd').notNull(),
    fp: text('fp').notNull(),
    operationType: smallint('operation_type').notNull(),
    qrSum: bigint('qr_sum', { mode: 'number' }).notNull(),
    qrDateTime: text('qr_date_time').notNull(),
    source: text('source').$type<ClaimSource>().notNull(),
    status: text('status').$type<ClaimStatus>().notNull(),
    receipt: jsonb('receipt'),
    decision: jsonb('decision'),
    explanation: jsonb('explanation'),
    reimbursement: bigint('reimbursement', { mode: 'number' }).notNull().default(0),
    cashback: bigint('cashback', { mode: 'number' }).notNull().default(0),
    fetchAttempts: integer('fetch_attempts').notNull().default(0),
    lastFetchError: text('last_fetch_error'),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    adjudicatedAt: timestamp('adjudicated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('claims_receipt_uq').on(t.fn, t.fd),
    index('claims_person_idx').on(t.insuredPersonId, t.createdAt),
    index('claims_letter_idx').on(t.letterId),
    index('claims_status_idx').on(t.status),
    check('claims_status_ck', sql`${t.status} in (${oneOf(CLAIM_STATUSES)})`),
    check('claims_source_ck', sql`${t.source} in (${oneOf(CLAIM_SOURCES)})`),
    check('claims_amounts_ck', sql`${t.reimbursement} >= 0 and ${t.cashback} >= 0`),
  ],
);

/**
 * One attempt to pay a claim by СБП. The idempotence key is written before the provider is called; at
 * most one attempt per claim may be live or succeeded (partial unique index), so a claim is never paid twice.
 */
export const payouts = pgTable(
  'payouts',
  {
    id: uuid('id').primaryKey(),
    claimId: uuid('claim_id')
      .notNull()
      .references(() => claims.id),
    insuredPersonId: uuid('insured_person_id')
      .notNull()
      .references(() => insuredPersons.id),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    idempotenceKey: text('idempotence_key').notNull(),
    providerId: text('provider_id'),
    status: text('status').$type<PayoutStatus>().notNull(),
    phone: text('phone').notNull(),
    bankId: text('bank_id').notNull(),
    cancelReason: text('cancel_reason'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /**
     * Set when no job may call the provider any more: the key has expired and the provider does not know the
     * payout, so only a person can tell whether the money went. Cleared by their decision.
     */
    reviewReason: text('review_reason'),
    reviewRequestedAt: timestamp('review_requested_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('payouts_idempotence_key_uq').on(t.idempotenceKey),
    uniqueIndex('payouts_provider_id_uq').on(t.providerId),
    uniqueIndex('payouts_claim_live_uq')
      .on(t.claimId)
      .where(sql`${t.status} in ('created','pending','succeeded')`),
    check('payouts_status_ck', sql`${t.status} in (${oneOf(PAYOUT_STATUSES)})`),
    check('payouts_amount_ck', sql`${t.amount} > 0`),
  ],
);

export const LEDGER_KINDS = ['reimbursement', 'cashback', 'payout', 'clawback', 'repayment'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/**
 * Every money movement. Amounts are signed kopecks from the insured person's point of view: what they are
 * owed (+reimbursement, +cashback, −clawback) and what moved (−payout, +repayment).
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    insuredPersonId: uuid('insured_person_id')
      .notNull()
      .references(() => insuredPersons.id),
    claimId: uuid('claim_id').references(() => claims.id),
    payoutId: uuid('payout_id').references(() => payouts.id),
    kind: text('kind').$type<LedgerKind>().notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('ledger_entries_person_idx').on(t.insuredPersonId),
    uniqueIndex('ledger_entries_claim_kind_uq')
      .on(t.claimId, t.kind)
      .where(sql`${t.kind} in ('reimbursement','cashback')`),
    uniqueIndex('ledger_entries_payout_uq').on(t.payoutId).where(sql`${t.kind} = 'payout'`),
    check(
      'ledger_entries_kind_ck',
      sql`${t.kind} in ('reimbursement','cashback','payout','clawback','repayment')`,
    ),
  ],
);
