import { sql } from 'drizzle-orm';
import { type DbOrTx, sqlRows } from '../../db/client.ts';
import { effectiveVersions } from '../price-lists/price-list-versions.queries.ts';

type PriceRow = {
  clinicId: string;
  serviceCode: string;
  clinicCode: string;
  name: string;
  price: number;
};

/** Each clinic's price for each code, from the clinic's price list version in force on `day`. */
export async function effectivePrices(
  db: DbOrTx,
  codes: string[],
  day: string,
  clinicIds: string[] | null,
): Promise<PriceRow[]> {
  const rows = await sqlRows<{
    clinic_id: string;
    service_code: string;
    clinic_code: string;
    name: string;
    price: string;
  }>(
    db,
    sql`select v.clinic_id, i.service_code, i.clinic_code, i.name, i.price::text as price
        from ${effectiveVersions(day, clinicIds)} v
        join price_list_items i on i.version_id = v.id
        where i.service_code = any(${sql.param(codes)}::text[])`,
  );
  return rows.map((r) => ({
    clinicId: r.clinic_id,
    serviceCode: r.service_code,
    clinicCode: r.clinic_code,
    name: r.name,
    price: Number(r.price),
  }));
}

/** The bonus-program cashback percent of each clinic on `day` (0 when the clinic has none). */
export async function cashbackOn(db: DbOrTx, day: string): Promise<Map<string, number>> {
  const rows = await sqlRows<{ clinic_id: string; percent: number }>(
    db,
    sql`select distinct on (clinic_id) clinic_id, percent from clinic_cashback
        where valid_from <= ${day}::date order by clinic_id, valid_from desc`,
  );
  return new Map(rows.map((r) => [r.clinic_id, Number(r.percent)]));
}

/** Whether a clinic has any price in force on `day`: without one the console cannot price a letter there. */
export async function clinicHasPrices(db: DbOrTx, clinicId: string, day: string): Promise<boolean> {
  const rows = await sqlRows<{ one: number }>(
    db,
    sql`select 1 as one from ${effectiveVersions(day, [clinicId])} v
        where exists (select 1 from price_list_items i where i.version_id = v.id)`,
  );
  return rows.length > 0;
}
