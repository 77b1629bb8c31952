import { DOCUMENT_TYPE_LABELS, type HistoryEvent, type HistoryFilter } from '@remed/core';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { clinicContracts, clinicDocuments, clinics, edoEvents } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { contractTitle } from './contracts.queries.ts';
import { like, period } from './edo-filters.ts';
import { sideOf } from './sides.ts';

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
