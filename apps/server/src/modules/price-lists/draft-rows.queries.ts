import type { CheckedPriceRow } from '@remed/core';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { priceListDraftRows } from '../../db/schema/index.ts';

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
