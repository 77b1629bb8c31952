import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, sqlRows } from '../../db/client.ts';
import { priceListItems, priceListVersions } from '../../db/schema/index.ts';
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

/** Serialises changes to one clinic's versions (numbering, publishing) across processes. */
export async function lockClinic(db: DbOrTx, clinicId: string) {
  const rows = await sqlRows<{ id: string }>(
    db,
    sql`select id from clinics where id = ${clinicId} for update`,
  );
  if (!rows.length) throw new AppError('NOT_FOUND', 'Клиника не найдена');
}

/**
 * A new draft under the next version number of its clinic; the caller holds the clinic row lock. Returns
 * the number given.
 */
export async function insertDraftVersion(
  db: DbOrTx,
  v: Omit<typeof priceListVersions.$inferInsert, 'number' | 'status' | 'updatedAt'> & {
    importStatus: VersionRow['importStatus'];
    createdAt: Date;
  },
): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`coalesce(max(${priceListVersions.number}), 0)::int + 1` })
    .from(priceListVersions)
    .where(eq(priceListVersions.clinicId, v.clinicId));
  const number = Number(r!.n);
  await db.insert(priceListVersions).values({ ...v, number, status: 'draft', updatedAt: v.createdAt });
  return number;
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

/** Every version of a clinic, newest first, with the names of who made and who published it. */
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

/** Services of a published version, in file order. */
export async function versionItems(db: DbOrTx, versionId: string) {
  return db
    .select()
    .from(priceListItems)
    .where(eq(priceListItems.versionId, versionId))
    .orderBy(priceListItems.position);
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
    rows: [clinicCode: string, serviceCode: string, name: string, kopecks: number][];
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
