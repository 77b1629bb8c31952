import { type ContractStatus, type ContractView, contractActions } from '@remed/core';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { clinicContracts, clinics } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { sideOf } from './sides.ts';
import { signaturesOf } from './signatures.queries.ts';

export type ContractRow = typeof clinicContracts.$inferSelect;

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

/** One contract or agreement of the clinic as the acting side sees it. */
export async function contractView(db: DbOrTx, actor: Actor, clinicId: string, id: string) {
  const [v] = await loadContracts(
    db,
    actor,
    and(eq(clinicContracts.id, id), eq(clinicContracts.clinicId, clinicId)),
  );
  if (!v) throw new AppError('NOT_FOUND', 'Договор не найден');
  return v;
}

export async function loadContractRow(db: DbOrTx, clinicId: string, id: string): Promise<ContractRow> {
  const [row] = await db
    .select()
    .from(clinicContracts)
    .where(and(eq(clinicContracts.id, id), eq(clinicContracts.clinicId, clinicId)));
  if (!row) throw new AppError('NOT_FOUND', 'Договор не найден');
  return row;
}
