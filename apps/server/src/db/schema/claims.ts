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
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { at, createdAt, id, oneOf, ref, requiredRef, updatedAt } from './columns.ts';
import { guaranteeLetters } from './console.ts';
import { insuredPersons } from './insurance.ts';
import { users } from './users.ts';

/**
 * A receipt submitted against a guarantee letter. The receipt identity (ФН + ФД) is unique across the
 * whole system by constraint, so the same receipt can never be claimed twice, whatever the race.
 */
export const claims = pgTable(
  'claims',
  {
    id: id(),
    insuredPersonId: requiredRef('insured_person_id', () => insuredPersons.id),
    letterId: requiredRef('letter_id', () => guaranteeLetters.id),
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
    reviewedBy: ref('reviewed_by', () => users.id),
    reviewedAt: at('reviewed_at'),
    adjudicatedAt: at('adjudicated_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('claims_receipt_uq').on(t.fn, t.fd),
    index('claims_person_idx').on(t.insuredPersonId, t.createdAt),
    index('claims_letter_idx').on(t.letterId),
    index('claims_status_idx').on(t.status),
    oneOf('claims_status_ck', t.status, CLAIM_STATUSES),
    oneOf('claims_source_ck', t.source, CLAIM_SOURCES),
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
    id: id(),
    claimId: requiredRef('claim_id', () => claims.id),
    insuredPersonId: requiredRef('insured_person_id', () => insuredPersons.id),
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
    reviewRequestedAt: at('review_requested_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('payouts_idempotence_key_uq').on(t.idempotenceKey),
    uniqueIndex('payouts_provider_id_uq').on(t.providerId),
    uniqueIndex('payouts_claim_live_uq')
      .on(t.claimId)
      .where(sql`${t.status} in ('created','pending','succeeded')`),
    oneOf('payouts_status_ck', t.status, PAYOUT_STATUSES),
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
    insuredPersonId: requiredRef('insured_person_id', () => insuredPersons.id),
    claimId: ref('claim_id', () => claims.id),
    payoutId: ref('payout_id', () => payouts.id),
    kind: text('kind').$type<LedgerKind>().notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
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
