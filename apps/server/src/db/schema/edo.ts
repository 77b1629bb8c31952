import type { FilledAgreement } from '@remed/core';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  check,
  date,
  index,
  jsonb,
  pgSequence,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, createdAt, id, oneOf, ref, requiredRef, updatedAt } from './columns.ts';
import { otpCodes } from './insurance.ts';
import { clinics } from './organisations.ts';
import { users } from './users.ts';

export const clinicContractNumberSeq = pgSequence('clinic_contract_number_seq', { startWith: 1 });
export const clinicSupplementNumberSeq = pgSequence('clinic_supplement_number_seq', { startWith: 1 });

const SHA256 = '^[0-9a-f]{64}$';

/**
 * The contract between the service and a clinic, and its supplementary agreements (kind = 'supplement',
 * pointing at the contract). The PDF shown for signing is stored once; its SHA-256 is what both sides sign.
 */
export const clinicContracts = pgTable(
  'clinic_contracts',
  {
    id: id(),
    clinicId: requiredRef('clinic_id', () => clinics.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'contract' | 'supplement'>().notNull(),
    supplementType: text('supplement_type').$type<'prolongation' | 'requisites' | 'cashback'>(),
    parentId: uuid('parent_id').references((): AnyPgColumn => clinicContracts.id),
    number: text('number').notNull(),
    status: text('status').$type<'draft' | 'sent' | 'signed_by_clinic' | 'signed' | 'cancelled'>().notNull(),
    documentDate: date('document_date').notNull(),
    /** Contract: end of the first term. Prolongation: the new end. */
    validUntil: date('valid_until'),
    /** Requisites and cashback agreements: the day the change applies from. */
    effectiveFrom: date('effective_from'),
    cashbackPercent: smallint('cashback_percent'),
    /** The filled text the PDF was laid out from, so the stamped copy repeats it word for word. */
    content: jsonb('content').$type<FilledAgreement>().notNull(),
    pdfKey: text('pdf_key').notNull(),
    pdfSha256: text('pdf_sha256').notNull(),
    /** The PDF with the signature stamps, rendered anew after each signature. */
    signedPdfKey: text('signed_pdf_key'),
    createdBy: ref('created_by', () => users.id, { onDelete: 'set null' }),
    createdByName: text('created_by_name').notNull(),
    createdBySide: text('created_by_side').$type<'service' | 'clinic'>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    sentAt: at('sent_at'),
    signedAt: at('signed_at'),
    cancelledAt: at('cancelled_at'),
    cancelReason: text('cancel_reason'),
  },
  (t) => [
    uniqueIndex('clinic_contracts_number_uq').on(t.number),
    index('clinic_contracts_clinic_idx').on(t.clinicId, t.createdAt),
    index('clinic_contracts_parent_idx').on(t.parentId),
    // At most one main contract per clinic that is not cancelled.
    uniqueIndex('clinic_contracts_live_contract_uq')
      .on(t.clinicId)
      .where(sql`${t.kind} = 'contract' and ${t.status} <> 'cancelled'`),
    oneOf('clinic_contracts_kind_ck', t.kind, ['contract', 'supplement']),
    check(
      'clinic_contracts_status_ck',
      sql`${t.status} in ('draft','sent','signed_by_clinic','signed','cancelled')`,
    ),
    check(
      'clinic_contracts_shape_ck',
      sql`(${t.kind} = 'contract' and ${t.parentId} is null and ${t.supplementType} is null and ${t.validUntil} is not null)
        or (${t.kind} = 'supplement' and ${t.parentId} is not null and ${t.supplementType} in ('prolongation','requisites','cashback'))`,
    ),
    check(
      'clinic_contracts_terms_ck',
      sql`${t.supplementType} is distinct from 'prolongation' or ${t.validUntil} is not null`,
    ),
    check(
      'clinic_contracts_cashback_ck',
      sql`${t.supplementType} is distinct from 'cashback' or (${t.cashbackPercent} between 2 and 10 and ${t.effectiveFrom} is not null)`,
    ),
    check('clinic_contracts_sha_ck', sql`${t.pdfSha256} ~ '${sql.raw(SHA256)}'`),
    oneOf('clinic_contracts_side_ck', t.createdBySide, ['service', 'clinic']),
    check('clinic_contracts_signed_ck', sql`(${t.status} = 'signed') = (${t.signedAt} is not null)`),
    check('clinic_contracts_cancelled_ck', sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null)`),
  ],
);

/** Acts, registries, reports and letters exchanged between the service and a clinic. */
export const clinicDocuments = pgTable(
  'clinic_documents',
  {
    id: id(),
    clinicId: requiredRef('clinic_id', () => clinics.id, { onDelete: 'cascade' }),
    senderSide: text('sender_side').$type<'service' | 'clinic'>().notNull(),
    type: text('type').$type<'act' | 'registry' | 'report' | 'letter' | 'other'>().notNull(),
    number: text('number').notNull(),
    documentDate: date('document_date').notNull(),
    periodFrom: date('period_from'),
    periodTo: date('period_to'),
    comment: text('comment'),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    storageKey: text('storage_key').notNull(),
    sha256: text('sha256').notNull(),
    /** The signature sheet (PDF) made when the counterpart signs. */
    signedPdfKey: text('signed_pdf_key'),
    status: text('status').$type<'sent' | 'received' | 'signed' | 'rejected'>().notNull(),
    createdBy: ref('created_by', () => users.id, { onDelete: 'set null' }),
    createdByName: text('created_by_name').notNull(),
    createdAt: createdAt(),
    receivedAt: at('received_at'),
    receivedBy: ref('received_by', () => users.id, { onDelete: 'set null' }),
    rejectedAt: at('rejected_at'),
    rejectReason: text('reject_reason'),
  },
  (t) => [
    index('clinic_documents_clinic_idx').on(t.clinicId, t.createdAt),
    oneOf('clinic_documents_side_ck', t.senderSide, ['service', 'clinic']),
    oneOf('clinic_documents_type_ck', t.type, ['act', 'registry', 'report', 'letter', 'other']),
    oneOf('clinic_documents_status_ck', t.status, ['sent', 'received', 'signed', 'rejected']),
    check('clinic_documents_sha_ck', sql`${t.sha256} ~ '${sql.raw(SHA256)}'`),
    check('clinic_documents_size_ck', sql`${t.size} > 0`),
    check(
      'clinic_documents_period_ck',
      sql`${t.periodFrom} is null or ${t.periodTo} is null or ${t.periodTo} >= ${t.periodFrom}`,
    ),
    check(
      'clinic_documents_rejected_ck',
      sql`(${t.status} = 'rejected') = (${t.rejectedAt} is not null and ${t.rejectReason} is not null)`,
    ),
  ],
);

/**
 * A simple electronic signature (63-ФЗ art. 6, 9): who signed which bytes (SHA-256), when, from where and
 * with which one-time code. One signature per side per document, enforced by unique indexes.
 */
export const edoSignatures = pgTable(
  'edo_signatures',
  {
    id: id(),
    contractId: ref('contract_id', () => clinicContracts.id, { onDelete: 'cascade' }),
    documentId: ref('document_id', () => clinicDocuments.id, { onDelete: 'cascade' }),
    side: text('side').$type<'service' | 'clinic'>().notNull(),
    signerUserId: ref('signer_user_id', () => users.id, { onDelete: 'set null' }),
    signerName: text('signer_name').notNull(),
    signerPost: text('signer_post').notNull(),
    documentSha256: text('document_sha256').notNull(),
    otpCodeId: requiredRef('otp_code_id', () => otpCodes.id),
    signedAt: at('signed_at').notNull(),
    ip: text('ip'),
  },
  (t) => [
    uniqueIndex('edo_signatures_contract_side_uq').on(t.contractId, t.side),
    uniqueIndex('edo_signatures_document_side_uq').on(t.documentId, t.side),
    uniqueIndex('edo_signatures_code_uq').on(t.otpCodeId),
    check('edo_signatures_target_ck', sql`(${t.contractId} is null) <> (${t.documentId} is null)`),
    oneOf('edo_signatures_side_ck', t.side, ['service', 'clinic']),
    check('edo_signatures_sha_ck', sql`${t.documentSha256} ~ '${sql.raw(SHA256)}'`),
  ],
);

/** What happened to a clinic's contracts and documents, for the history the clinic itself can read. */
export const edoEvents = pgTable(
  'edo_events',
  {
    id: id(),
    clinicId: requiredRef('clinic_id', () => clinics.id, { onDelete: 'cascade' }),
    contractId: ref('contract_id', () => clinicContracts.id, { onDelete: 'cascade' }),
    documentId: ref('document_id', () => clinicDocuments.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    actorUserId: ref('actor_user_id', () => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    actorSide: text('actor_side').$type<'service' | 'clinic'>(),
    details: text('details'),
    at: at('at').notNull(),
  },
  (t) => [
    index('edo_events_clinic_idx').on(t.clinicId, t.at),
    check('edo_events_target_ck', sql`(${t.contractId} is null) <> (${t.documentId} is null)`),
    check(
      'edo_events_action_ck',
      sql`${t.action} in ('created','sent','regenerated','cancelled','code_requested','signed','received','rejected')`,
    ),
  ],
);
