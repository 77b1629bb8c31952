import type { CheckedPriceRow, PriceListIssue, PriceListVersionView, PriceRowIssue } from '@remed/core';
import { addDays } from '@remed/core';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, sqlRows } from '../../db/client.ts';
import { priceListDraftRows, priceListItems, priceListVersions, users } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';

export type VersionRow = typeof priceListVersions.$inferSelect;

/**
 * The published version in force on `day` for each clinic (or for the clinics given): the latest one
 * that starts on or before the day. Superseded versions never apply.
 */
export function effectiveVersions(day: string, clinicIds: string[] | null): SQL {
  return sql`(select distinct on (clinic_id) id, clinic_id from price_list_versions
      where status = 'published' and effective_from <= ${day}::date
        ${clinicIds ? sql`and clinic_id = any(${sql.param(clinicIds)}::uuid[])` : sql``}
      order by clinic_id, effective_from desc)`;
}

/** Number of services in the version in force today, per clinic. */
export async function itemsInForce(db: DbOrTx, day: string, clinicIds: string[]) {
  const rows = await sqlRows<{ clinic_id: string; n: number }>(
    db,
    sql`select v.clinic_id, count(i.id)::int as n from ${effectiveVersions(day, clinicIds)} v
        left join price_list_items i on i.version_id = v.id group by v.clinic_id`,
  );
  return new Map(rows.map((r) => [r.clinic_id, Number(r.n)]));
}

/** The next version number of a clinic; the caller holds the clinic row lock. */
export async function nextVersionNumber(db: DbOrTx, clinicId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`coalesce(max(${priceListVersions.number}), 0)::int + 1` })
    .from(priceListVersions)
    .where(eq(priceListVersions.clinicId, clinicId));
  return Number(r!.n);
}

/** Serialises changes to one clinic's versions (numbering, publishing) across processes. */
export async function lockClinic(db: DbOrTx, clinicId: string) {
  const rows = await sqlRows<{ id: string }>(
    db,
    sql`select id from clinics where id = ${clinicId} for update`,
  );
  if (!rows.length) throw new AppError('NOT_FOUND', 'Клиника не найдена');
}

/** A version of this clinic, or 404: a version id from another clinic is not found, not forbidden. */
export async function loadVersion(db: DbOrTx, clinicId: string, versionId: string, lock = false) {
  const q = db
    .select()
    .from(priceListVersions)
    .where(and(eq(priceListVersions.id, versionId), eq(priceListVersions.clinicId, clinicId)));
  const [v] = lock ? await q.for('update') : await q;
  if (!v) throw new AppError('NOT_FOUND', 'Версия прейскуранта не найдена');
  return v;
}

export async function clinicVersions(db: DbOrTx, clinicId: string) {
  const author = sql<
    string | null
  >`(select full_name from users u where u.id = ${priceListVersions.createdBy})`;
  const publisher = sql<
    string | null
  >`(select full_name from users u where u.id = ${priceListVersions.publishedBy})`;
  return db
    .select({ v: priceListVersions, author, publisher })
    .from(priceListVersions)
    .where(eq(priceListVersions.clinicId, clinicId))
    .orderBy(desc(priceListVersions.number));
}

type Listed = Awaited<ReturnType<typeof clinicVersions>>[number];

/**
 * What the cabinet shows of a version. A published version runs until the day before the next published
 * one starts; `today` decides which one is in force.
 */
export function versionViews(listed: Listed[], today: string): PriceListVersionView[] {
  const starts = listed
    .filter((l) => l.v.status === 'published')
    .map((l) => l.v.effectiveFrom!)
    .sort();
  return listed.map(({ v, author, publisher }) => {
    const next = v.status === 'published' ? starts.find((d) => d > v.effectiveFrom!) : undefined;
    const effectiveTo = next ? addDays(next, -1) : null;
    return {
      id: v.id,
      clinicId: v.clinicId,
      number: v.number,
      status: v.status,
      effectiveFrom: v.effectiveFrom,
      effectiveTo,
      inForce:
        v.status === 'published' &&
        v.effectiveFrom! <= today &&
        (effectiveTo === null || effectiveTo >= today),
      source: v.source,
      sourceFileName: v.sourceFileName,
      basedOnNumber: v.basedOnNumber,
      author,
      createdAt: v.createdAt.toISOString(),
      publishedAt: v.publishedAt?.toISOString() ?? null,
      publishedBy: publisher,
      import: { status: v.importStatus, totalRows: v.totalRows, processedRows: v.processedRows },
      rowCount: v.rowCount,
      errorCount: v.errorCount,
      warningCount: v.warningCount,
    };
  });
}

/** The rows of a draft in file order, as the checker reads them. */
export async function draftRows(db: DbOrTx, versionId: string) {
  return db
    .select({
      id: priceListDraftRows.id,
      line: priceListDraftRows.line,
      clinicCode: priceListDraftRows.clinicCode,
      serviceCode: priceListDraftRows.serviceCode,
      name: priceListDraftRows.name,
      price: priceListDraftRows.priceText,
      note: priceListDraftRows.note,
    })
    .from(priceListDraftRows)
    .where(eq(priceListDraftRows.versionId, versionId))
    .orderBy(priceListDraftRows.line);
}

/** Services of a published version, in file order. */
export async function versionItems(db: DbOrTx, versionId: string) {
  const rows = await db
    .select()
    .from(priceListItems)
    .where(eq(priceListItems.versionId, versionId))
    .orderBy(priceListItems.position);
  return rows.map((r) => ({ ...r, price: Number(r.price) }));
}

const BATCH = 5000;

/**
 * Writes checked rows into a draft as column arrays (`unnest`): four parameters per column and batch,
 * whatever its size, instead of one per cell.
 */
export async function insertDraftRows(
  db: DbOrTx,
  versionId: string,
  rows: readonly (CheckedPriceRow & { id: string; line: number })[],
  onBatch?: (written: number) => Promise<void>,
) {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const col = <K extends keyof (typeof batch)[number]>(k: K) => sql.param(batch.map((r) => r[k]));
    await db.execute(sql`
      insert into price_list_draft_rows (id, version_id, line, clinic_code, service_code, name, price_text, price, note)
      select v.id, ${versionId}::uuid, v.line, v.clinic_code, v.service_code, v.name, v.price_text, v.price, v.note
      from unnest(${col('id')}::uuid[], ${col('line')}::int[], ${col('clinicCode')}::text[], ${col('serviceCode')}::text[],
        ${col('name')}::text[], ${col('priceText')}::text[], ${col('price')}::bigint[], ${col('note')}::text[])
        as v(id, line, clinic_code, service_code, name, price_text, price, note)`);
    await onBatch?.(Math.min(rows.length, i + BATCH));
  }
}

/** The report kept on the version: every count, and the first issues (errors first, then by line). */
export const ISSUES_KEPT = 2000;

export function reportOf(issues: readonly PriceListIssue[]) {
  const sorted = [...issues].sort(
    (a, b) =>
      Number(a.severity === 'warning') - Number(b.severity === 'warning') || (a.row ?? 0) - (b.row ?? 0),
  );
  const errorCount = issues.filter((i) => i.severity === 'error').length;
  return {
    errorCount,
    warningCount: issues.length - errorCount,
    issues: sorted.slice(0, ISSUES_KEPT),
  };
}

export function issuesByRow(issues: readonly PriceListIssue[]) {
  const byRow = new Map<string, PriceRowIssue[]>();
  for (const i of issues) {
    if (!i.rowId) continue;
    const list = byRow.get(i.rowId) ?? [];
    list.push({ field: i.field, column: i.column, message: i.message, severity: i.severity });
    byRow.set(i.rowId, list);
  }
  return byRow;
}

export async function authorName(db: DbOrTx, userId: string | null) {
  if (!userId) return null;
  const [u] = await db.select({ name: users.fullName }).from(users).where(eq(users.id, userId));
  return u?.name ?? null;
}

/**
 * Adds the codes and names of a version being published to the catalogue the console's service search
 * reads (`service_names`); pairs already there are left alone. Called in the transaction that publishes.
 */
export async function recordServiceNames(db: DbOrTx, versionId: string) {
  await db.execute(sql`
    insert into service_names (service_code, name)
    select distinct service_code, name from price_list_items where version_id = ${versionId}
    on conflict do nothing`);
}

/**
 * A published version written directly, for test factories, the demo and benchmarks: rows as
 * [clinic code, 804н code, name, kopecks].
 */
export async function insertPublishedVersion(
  db: DbOrTx,
  ids: { uuid(): string },
  v: {
    clinicId: string;
    number: number;
    effectiveFrom: string;
    at: Date;
    sourceFileName?: string;
    createdBy?: string | null;
    rows: [clinicCode: string, serviceCode: string, name: string, kopecks: bigint][];
  },
) {
  const id = ids.uuid();
  await db.insert(priceListVersions).values({
    id,
    clinicId: v.clinicId,
    number: v.number,
    status: 'published',
    effectiveFrom: v.effectiveFrom,
    source: v.sourceFileName ? 'file' : 'editor',
    sourceFileName: v.sourceFileName ?? null,
    importStatus: 'done',
    totalRows: v.rows.length,
    processedRows: v.rows.length,
    rowCount: v.rows.length,
    createdBy: v.createdBy ?? null,
    createdAt: v.at,
    updatedAt: v.at,
    publishedBy: v.createdBy ?? null,
    publishedAt: v.at,
  });
  if (v.rows.length)
    await db.insert(priceListItems).values(
      v.rows.map(([clinicCode, serviceCode, name, price], n) => ({
        id: ids.uuid(),
        versionId: id,
        position: n + 1,
        clinicCode,
        serviceCode,
        name,
        price,
      })),
    );
  await recordServiceNames(db, id);
  return id;
}
