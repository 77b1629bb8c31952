import {
  type ContractStatus,
  type ContractView,
  contractActions,
  DOCUMENT_TYPE_LABELS,
  type DocumentFilter,
  type DocumentStatus,
  documentActions,
  type EdoDocumentView,
  type HistoryEvent,
  type HistoryFilter,
  type PartyRequisites,
  type Side,
  type SignatureView,
} from '@remed/core';
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, type SQL, sql } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import {
  clinicContracts,
  clinicDocuments,
  clinics,
  edoEvents,
  edoSignatures,
  userClinics,
  users,
} from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';

/** The service's staff act for the service; everyone else who reaches a cabinet acts for the clinic. */
export const sideOf = (actor: Actor): Side => (actor.user?.roles.includes('admin') ? 'service' : 'clinic');

export type ContractRow = typeof clinicContracts.$inferSelect;
export type DocumentRow = typeof clinicDocuments.$inferSelect;
type SignatureRow = typeof edoSignatures.$inferSelect;

export async function loadClinic(db: DbOrTx, clinicId: string) {
  const [c] = await db.select().from(clinics).where(eq(clinics.id, clinicId));
  if (!c) throw new AppError('NOT_FOUND', 'Клиника не найдена');
  return c;
}

export const requisitesOf = (c: typeof clinics.$inferSelect): PartyRequisites => ({
  name: c.name,
  shortName: c.shortName,
  inn: c.inn,
  kpp: c.kpp,
  ogrn: c.ogrn,
  address: c.address,
  phone: c.phone,
  email: c.email,
  headName: c.headName,
  headPost: c.headPost,
  bik: c.bik,
  bankName: c.bankName,
  correspondentAccount: c.correspondentAccount,
  settlementAccount: c.settlementAccount,
});

const signatureView = (s: SignatureRow): SignatureView => ({
  side: s.side,
  signerName: s.signerName,
  signerPost: s.signerPost,
  signedAt: s.signedAt.toISOString(),
  documentSha256: s.documentSha256,
  codeId: s.otpCodeId,
});

export async function signaturesOf(db: DbOrTx, column: 'contractId' | 'documentId', ids: string[]) {
  if (!ids.length) return new Map<string, SignatureView[]>();
  const rows = await db
    .select()
    .from(edoSignatures)
    .where(inArray(edoSignatures[column], ids))
    .orderBy(asc(edoSignatures.signedAt));
  const byId = new Map<string, SignatureView[]>();
  for (const r of rows) {
    const key = r[column]!;
    byId.set(key, [...(byId.get(key) ?? []), signatureView(r)]);
  }
  return byId;
}

const TITLES = {
  contract: (n: string) => `Договор № ${n}`,
  supplement: (n: string) => `Дополнительное соглашение № ${n}`,
};
export const contractTitle = (c: Pick<ContractRow, 'kind' | 'number'>) => TITLES[c.kind](c.number);

const parent = alias(clinicContracts, 'parent');

/** Contracts and agreements with their signatures, as the acting side sees them (its allowed actions). */
export async function loadContracts(
  db: DbOrTx,
  actor: Actor,
  where: SQL | undefined,
): Promise<ContractView[]> {
  const rows = await db
    .select({ c: clinicContracts, clinicName: clinics.shortName, parentNumber: parent.number })
    .from(clinicContracts)
    .innerJoin(clinics, eq(clinics.id, clinicContracts.clinicId))
    .leftJoin(parent, eq(parent.id, clinicContracts.parentId))
    .where(where)
    .orderBy(desc(clinicContracts.createdAt), desc(clinicContracts.number))
    .limit(500);
  const ids = rows.map((r) => r.c.id);
  const signatures = await signaturesOf(db, 'contractId', ids);
  const prolonged = ids.length
    ? await db
        .select({
          parentId: clinicContracts.parentId,
          until: sql<string>`max(${clinicContracts.validUntil})::text`,
        })
        .from(clinicContracts)
        .where(
          and(
            inArray(clinicContracts.parentId, ids),
            eq(clinicContracts.supplementType, 'prolongation'),
            eq(clinicContracts.status, 'signed'),
          ),
        )
        .groupBy(clinicContracts.parentId)
    : [];
  const side = sideOf(actor);
  return rows.map(({ c, clinicName, parentNumber }) => {
    const extended = prolonged.find((p) => p.parentId === c.id)?.until;
    return {
      id: c.id,
      clinicId: c.clinicId,
      clinicName,
      kind: c.kind,
      supplementType: c.supplementType,
      number: c.number,
      title: contractTitle(c),
      parentId: c.parentId,
      parentNumber,
      status: c.status,
      documentDate: c.documentDate,
      validUntil: extended && c.validUntil && extended > c.validUntil ? extended : c.validUntil,
      effectiveFrom: c.effectiveFrom,
      cashbackPercent: c.cashbackPercent,
      pdfSha256: c.pdfSha256,
      createdAt: c.createdAt.toISOString(),
      createdBy: c.createdByName,
      createdBySide: c.createdBySide,
      sentAt: c.sentAt?.toISOString() ?? null,
      signedAt: c.signedAt?.toISOString() ?? null,
      cancelledAt: c.cancelledAt?.toISOString() ?? null,
      cancelReason: c.cancelReason,
      signatures: signatures.get(c.id) ?? [],
      actions: contractActions(c.status as ContractStatus, side),
    };
  });
}

export async function loadContractRow(db: DbOrTx, clinicId: string, id: string): Promise<ContractRow> {
  const [row] = await db
    .select()
    .from(clinicContracts)
    .where(and(eq(clinicContracts.id, id), eq(clinicContracts.clinicId, clinicId)));
  if (!row) throw new AppError('NOT_FOUND', 'Договор не найден');
  return row;
}

export async function loadDocumentRow(db: DbOrTx, clinicId: string, id: string): Promise<DocumentRow> {
  const [row] = await db
    .select()
    .from(clinicDocuments)
    .where(and(eq(clinicDocuments.id, id), eq(clinicDocuments.clinicId, clinicId)));
  if (!row) throw new AppError('NOT_FOUND', 'Документ не найден');
  return row;
}

/** Moscow calendar days [from, to] as instants. */
function period(column: PgColumn, from?: string, to?: string): SQL[] {
  const parts: SQL[] = [];
  if (from) parts.push(gte(column, new Date(`${from}T00:00:00+03:00`)));
  if (to) parts.push(lt(column, new Date(Date.parse(`${to}T00:00:00+03:00`) + 86_400_000)));
  return parts;
}

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function loadDocuments(
  db: DbOrTx,
  actor: Actor,
  filter: DocumentFilter & { id?: string },
): Promise<EdoDocumentView[]> {
  const where = and(
    filter.id ? eq(clinicDocuments.id, filter.id) : undefined,
    filter.clinicId ? eq(clinicDocuments.clinicId, filter.clinicId) : undefined,
    filter.type ? eq(clinicDocuments.type, filter.type) : undefined,
    filter.status ? eq(clinicDocuments.status, filter.status) : undefined,
    ...period(clinicDocuments.createdAt, filter.from, filter.to),
    filter.q
      ? sql`(${clinicDocuments.number} ilike ${like(filter.q)} or ${clinicDocuments.fileName} ilike ${like(filter.q)} or coalesce(${clinicDocuments.comment}, '') ilike ${like(filter.q)})`
      : undefined,
  );
  const rows = await db
    .select({ d: clinicDocuments, clinicName: clinics.shortName })
    .from(clinicDocuments)
    .innerJoin(clinics, eq(clinics.id, clinicDocuments.clinicId))
    .where(where)
    .orderBy(desc(clinicDocuments.createdAt))
    .limit(500);
  const signatures = await signaturesOf(
    db,
    'documentId',
    rows.map((r) => r.d.id),
  );
  const side = sideOf(actor);
  return rows.map(({ d, clinicName }) => ({
    id: d.id,
    clinicId: d.clinicId,
    clinicName,
    senderSide: d.senderSide,
    type: d.type,
    number: d.number,
    documentDate: d.documentDate,
    periodFrom: d.periodFrom,
    periodTo: d.periodTo,
    comment: d.comment,
    fileName: d.fileName,
    contentType: d.contentType,
    size: d.size,
    sha256: d.sha256,
    status: d.status,
    createdAt: d.createdAt.toISOString(),
    createdBy: d.createdByName,
    receivedAt: d.receivedAt?.toISOString() ?? null,
    rejectedAt: d.rejectedAt?.toISOString() ?? null,
    rejectReason: d.rejectReason,
    signature: signatures.get(d.id)?.[0] ?? null,
    actions: documentActions(d.status as DocumentStatus, d.senderSide === side ? 'sender' : 'recipient'),
  }));
}

export async function addEvent(
  tx: DbOrTx,
  e: {
    id: string;
    clinicId: string;
    contractId?: string;
    documentId?: string;
    action: HistoryEvent['action'];
    actor: Actor;
    details?: string | null;
    at: Date;
  },
) {
  const u = e.actor.user;
  await tx.insert(edoEvents).values({
    id: e.id,
    clinicId: e.clinicId,
    contractId: e.contractId ?? null,
    documentId: e.documentId ?? null,
    action: e.action,
    actorUserId: u?.id ?? null,
    actorName: u?.fullName ?? 'Система',
    actorSide: u ? sideOf(e.actor) : null,
    details: e.details ?? null,
    at: e.at,
  });
}

/** The searchable history of a clinic's contracts and documents (or of every clinic, for the service). */
export async function loadHistory(db: DbOrTx, filter: HistoryFilter): Promise<HistoryEvent[]> {
  const kind = sql<string>`coalesce(${clinicContracts.kind}, ${clinicDocuments.type})`;
  const status = sql<string>`coalesce(${clinicContracts.status}, ${clinicDocuments.status})`;
  const number = sql<string>`coalesce(${clinicContracts.number}, ${clinicDocuments.number})`;
  const where = and(
    filter.clinicId ? eq(edoEvents.clinicId, filter.clinicId) : undefined,
    filter.kind ? sql`${kind} = ${filter.kind}` : undefined,
    filter.status ? sql`${status} = ${filter.status}` : undefined,
    ...period(edoEvents.at, filter.from, filter.to),
    filter.q
      ? sql`(${number} ilike ${like(filter.q)} or ${edoEvents.actorName} ilike ${like(filter.q)} or coalesce(${edoEvents.details}, '') ilike ${like(filter.q)} or coalesce(${clinicDocuments.fileName}, '') ilike ${like(filter.q)})`
      : undefined,
  );
  const rows = await db
    .select({
      e: edoEvents,
      clinicName: clinics.shortName,
      contractKind: clinicContracts.kind,
      contractNumber: clinicContracts.number,
      contractStatus: clinicContracts.status,
      docType: clinicDocuments.type,
      docNumber: clinicDocuments.number,
      docStatus: clinicDocuments.status,
    })
    .from(edoEvents)
    .innerJoin(clinics, eq(clinics.id, edoEvents.clinicId))
    .leftJoin(clinicContracts, eq(clinicContracts.id, edoEvents.contractId))
    .leftJoin(clinicDocuments, eq(clinicDocuments.id, edoEvents.documentId))
    .where(where)
    .orderBy(desc(edoEvents.at), desc(edoEvents.id))
    .limit(filter.limit);
  return rows.map((r) => ({
    id: r.e.id,
    at: r.e.at.toISOString(),
    clinicId: r.e.clinicId,
    clinicName: r.clinicName,
    entity: r.e.contractId ? 'contract' : 'document',
    entityId: (r.e.contractId ?? r.e.documentId)!,
    kind: (r.contractKind ?? r.docType)!,
    title: r.contractKind
      ? contractTitle({ kind: r.contractKind, number: r.contractNumber! })
      : `${DOCUMENT_TYPE_LABELS[r.docType!]} № ${r.docNumber}`,
    status: (r.contractStatus ?? r.docStatus)!,
    action: r.e.action as HistoryEvent['action'],
    actorName: r.e.actorName,
    actorSide: r.e.actorSide,
    details: r.e.details,
  }));
}

/** Everyone to write to on the clinic's side: the clinic's own address and its cabinet users. */
export async function clinicRecipients(db: DbOrTx, clinicId: string): Promise<string[]> {
  const clinic = await loadClinic(db, clinicId);
  const staff = await db
    .select({ email: users.email })
    .from(users)
    .innerJoin(userClinics, eq(userClinics.userId, users.id))
    .where(and(eq(userClinics.clinicId, clinicId), isNotNull(users.email), sql`${users.blockedAt} is null`));
  return [...new Set([clinic.email, ...staff.map((s) => s.email)].filter((e): e is string => !!e))];
}
