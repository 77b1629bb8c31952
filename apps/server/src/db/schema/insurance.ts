import type { ConsentMethod, ConsentWithdrawalMethod } from '@remed/core';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { at, createdAt, id, oneOf, ref, requiredRef, updatedAt } from './columns.ts';
import { clinics, insurers, policyholders } from './organisations.ts';
import { users } from './users.ts';

export const contracts = pgTable(
  'contracts',
  {
    id: id(),
    insurerId: requiredRef('insurer_id', () => insurers.id),
    policyholderId: requiredRef('policyholder_id', () => policyholders.id),
    number: text('number').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('contracts_insurer_number_uq').on(t.insurerId, t.number),
    check('contracts_dates_ck', sql`${t.validTo} >= ${t.validFrom}`),
  ],
);

export type GroupLimit = { prefix: string; name: string; limit: string };

/**
 * What a program covers, by 804н code: a code is covered when it starts with a covered prefix or is listed
 * explicitly, unless an exclusion prefix matches; approval prefixes need the console doctor's decision.
 * Limits are kopecks per insured person per policy year.
 */
export const programs = pgTable(
  'programs',
  {
    id: id(),
    contractId: requiredRef('contract_id', () => contracts.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    coveredPrefixes: text('covered_prefixes').array().notNull().default(sql`'{}'::text[]`),
    coveredCodes: text('covered_codes').array().notNull().default(sql`'{}'::text[]`),
    exclusionPrefixes: text('exclusion_prefixes').array().notNull().default(sql`'{}'::text[]`),
    approvalPrefixes: text('approval_prefixes').array().notNull().default(sql`'{}'::text[]`),
    annualLimit: bigint('annual_limit', { mode: 'number' }),
    groupLimits: jsonb('group_limits').$type<GroupLimit[]>().notNull().default([]),
    franchisePercent: smallint('franchise_percent').notNull().default(0),
    anyClinic: boolean('any_clinic').notNull().default(false),
    /** The insurer lets clinics with a signed contract and a price list join the program themselves. */
    clinicsMayJoin: boolean('clinics_may_join').notNull().default(false),
    accessTypes: text('access_types').array().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('programs_contract_code_uq').on(t.contractId, t.code),
    check('programs_franchise_ck', sql`${t.franchisePercent} between 0 and 100`),
    check('programs_limit_ck', sql`${t.annualLimit} is null or ${t.annualLimit} > 0`),
    check(
      'programs_access_ck',
      sql`cardinality(${t.accessTypes}) > 0 and ${t.accessTypes} <@ array['letter','reimbursement']::text[]`,
    ),
  ],
);

export const programClinics = pgTable(
  'program_clinics',
  {
    programId: requiredRef('program_id', () => programs.id, { onDelete: 'cascade' }),
    clinicId: requiredRef('clinic_id', () => clinics.id),
  },
  (t) => [primaryKey({ name: 'program_clinics_pk', columns: [t.programId, t.clinicId] })],
);

export const insuredPersons = pgTable(
  'insured_persons',
  {
    id: id(),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    middleName: text('middle_name'),
    birthDate: date('birth_date').notNull(),
    sex: text('sex').$type<'male' | 'female'>().notNull(),
    phone: text('phone'),
    email: text('email'),
    userId: ref('user_id', () => users.id, { onDelete: 'set null' }),
    /** Where reimbursements go by СБП: a phone and the bank's СБП member id. */
    payoutPhone: text('payout_phone'),
    payoutBankId: text('payout_bank_id'),
    payoutBankName: text('payout_bank_name'),
    /** Pseudonymised on the person's request: the row stays for the financial records that refer to it. */
    erasedAt: at('erased_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('insured_persons_user_uq').on(t.userId),
    index('insured_persons_phone_idx').on(t.phone),
    oneOf('insured_persons_sex_ck', t.sex, ['male', 'female']),
    check('insured_persons_phone_ck', sql`${t.phone} ~ '^\\+7\\d{10}$'`),
  ],
);

export const policies = pgTable(
  'policies',
  {
    id: id(),
    number: text('number').notNull(),
    programId: requiredRef('program_id', () => programs.id),
    insuredPersonId: requiredRef('insured_person_id', () => insuredPersons.id),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to').notNull(),
    detachedOn: date('detached_on'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('policies_number_uq').on(t.number),
    index('policies_person_idx').on(t.insuredPersonId),
    index('policies_program_idx').on(t.programId),
    check('policies_dates_ck', sql`${t.validTo} >= ${t.validFrom}`),
  ],
);

export const consents = pgTable(
  'consents',
  {
    id: id(),
    insuredPersonId: requiredRef('insured_person_id', () => insuredPersons.id),
    kind: text('kind').$type<'data_processing' | 'employer_sharing'>().notNull(),
    textVersion: text('text_version').notNull(),
    acceptedAt: at('accepted_at').notNull(),
    /** How it was given: ticked at registration after the SMS code, switched on in the account, or on paper. */
    method: text('method').$type<ConsentMethod>().notNull().default('registration'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    withdrawnAt: at('withdrawn_at'),
    withdrawnMethod: text('withdrawn_method').$type<ConsentWithdrawalMethod>(),
    withdrawnIp: text('withdrawn_ip'),
  },
  (t) => [
    index('consents_person_idx').on(t.insuredPersonId),
    oneOf('consents_kind_ck', t.kind, ['data_processing', 'employer_sharing']),
    oneOf('consents_method_ck', t.method, ['registration', 'account', 'written']),
    check(
      'consents_withdrawn_ck',
      sql`(${t.withdrawnAt} is null) = (${t.withdrawnMethod} is null) and ${t.withdrawnMethod} in ('account','written','erasure')`,
    ),
  ],
);

/** One-time codes: only a hash is kept; a code is single use, expires, and allows few attempts. */
export const otpCodes = pgTable(
  'otp_codes',
  {
    id: id(),
    purpose: text('purpose').notNull(),
    target: text('target').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    consumedAt: at('consumed_at'),
  },
  (t) => [index('otp_codes_target_idx').on(t.purpose, t.target, t.createdAt)],
);

export type ImportIssue = { row: number; column: string; problem: string; code?: string };

export const insuredImports = pgTable(
  'insured_imports',
  {
    id: id(),
    programId: requiredRef('program_id', () => programs.id),
    fileName: text('file_name').notNull(),
    storageKey: text('storage_key').notNull(),
    mode: text('mode').$type<'all_or_nothing' | 'valid_rows'>().notNull(),
    /** A full list detaches who is missing from it; an addition (false) only adds and updates. */
    detachMissing: boolean('detach_missing').notNull().default(true),
    status: text('status').$type<'queued' | 'running' | 'done' | 'rejected' | 'failed'>().notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    detached: integer('detached').notNull().default(0),
    issues: jsonb('issues').$type<ImportIssue[]>().notNull().default([]),
    errorRows: integer('error_rows').notNull().default(0),
    /** Runs started so far; the sweep gives up after a few (a file that kills the worker). */
    attempts: integer('attempts').notNull().default(0),
    /** While running: the worker renews this as it goes; past it, the worker is taken for dead. */
    leaseUntil: at('lease_until'),
    createdBy: ref('created_by', () => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    finishedAt: at('finished_at'),
  },
  (t) => [
    oneOf('insured_imports_status_ck', t.status, ['queued', 'running', 'done', 'rejected', 'failed']),
    oneOf('insured_imports_mode_ck', t.mode, ['all_or_nothing', 'valid_rows']),
  ],
);
