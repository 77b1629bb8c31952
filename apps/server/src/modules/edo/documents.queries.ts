import {
  DOCUMENT_TYPE_LABELS,
  type DocumentFilter,
  type DocumentStatus,
  documentActions,
  type EdoDocumentView,
  ruDate,
} from '@remed/core';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { clinicDocuments, clinics } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { like, period } from './edo-filters.ts';
import { roleOf } from './sides.ts';
import { signaturesOf } from './signatures.queries.ts';

export type DocumentRow = typeof clinicDocuments.$inferSelect;

export const documentTitle = (d: Pick<DocumentRow, 'type' | 'number' | 'documentDate'>) =>
  `${DOCUMENT_TYPE_LABELS[d.type]} № ${d.number} от ${ruDate(d.documentDate)}`;

/** «01.10.2026 — 31.10.2026», an open end shown as «…»; null for a document without a period. */
export function periodText(d: { periodFrom?: string | null; periodTo?: string | null }): string | null {
  if (!d.periodFrom && !d.periodTo) return null;
  return `${d.periodFrom ? ruDate(d.periodFrom) : '…'} — ${d.periodTo ? ruDate(d.periodTo) : '…'}`;
}

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
    actions: documentActions(d.status as DocumentStatus, roleOf(actor, d.senderSide)),
  }));
}

/** One document of the clinic as the acting side sees it. */
export async function documentView(db: DbOrTx, actor: Actor, clinicId: string, id: string) {
  const [v] = await loadDocuments(db, actor, { clinicId, id });
  if (!v) throw new AppError('NOT_FOUND', 'Документ не найден');
  return v;
}

export async function loadDocumentRow(db: DbOrTx, clinicId: string, id: string): Promise<DocumentRow> {
  const [row] = await db
    .select()
    .from(clinicDocuments)
    .where(and(eq(clinicDocuments.id, id), eq(clinicDocuments.clinicId, clinicId)));
  if (!row) throw new AppError('NOT_FOUND', 'Документ не найден');
  return row;
}
