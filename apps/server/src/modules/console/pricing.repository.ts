import { serviceSearchQuery } from '@remed/core';
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, sqlRows } from '../../db/client.ts';
import { effectiveVersions } from '../price-lists/price-lists.repository.ts';
import { requiredWordPatterns } from './search-patterns.ts';

export type PriceRow = {
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

/**
 * Each clinic's price for each code in the version in force on `day`, without the clinic's code and name:
 * what ranking the clinics needs, read from the (code, version, price) index alone.
 */
export async function pricesInForce(
  db: DbOrTx,
  codes: string[],
  day: string,
  clinicIds: string[] | null,
): Promise<{ clinicId: string; serviceCode: string; price: number }[]> {
  const rows = await sqlRows<{ clinic_id: string; service_code: string; price: string }>(
    db,
    sql`select v.clinic_id, i.service_code, i.price::text as price
        from ${effectiveVersions(day, clinicIds)} v
        join price_list_items i on i.version_id = v.id
        where i.service_code = any(${sql.param(codes)}::text[])`,
  );
  return rows.map((r) => ({ clinicId: r.clinic_id, serviceCode: r.service_code, price: Number(r.price) }));
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

/** A name as the search's regular expressions read it: lower case, ё as е. */
const SEARCH_NAME = sql.raw(`translate(lower(n.name), 'ё', 'е')`);
const RESULTS = 20;
/** A code's shortest matching spellings whose word similarity ranks it (each costs ~15 µs to compute). */
const RANKED_SPELLINGS = 3;
/**
 * In-force rows of a code read for the name most clinics give it: a sample, as counting every row of 20
 * codes reads 20 000 table rows (250–400 ms at 1 000 clinics).
 */
const NAME_SAMPLE = 100;

export type ServiceHit = { serviceCode: string; name: string; clinics: number; minPrice: number };

/**
 * Services offered on `day` by any clinic, for what a doctor typed: an 804н code or its beginning
 * (`B01.047`), or words read by `serviceSearchQuery` (each word's group of regular expressions must match a
 * name the code was published under: «ЭКГ» finds «Регистрация электрокардиограммы»). When the words find
 * nothing, names are matched by trigram word similarity instead, which forgives typos («терапефт»); an
 * empty query lists the first codes offered.
 *
 * Names are looked up in `service_names` (each code and spelling once, whatever the number of clinics), each
 * expression narrowed first by the words it cannot match without (`requiredWordPatterns`, trigram index);
 * only the first 20 codes offered on the day are then counted in the price lists, from the
 * (code, version, price) index.
 */
export async function searchServices(db: DbOrTx, q: string, day: string): Promise<ServiceHit[]> {
  const { code, terms } = serviceSearchQuery(q);
  const needle = q.trim().toLowerCase().replace(/ё/g, 'е');
  const groups = terms.filter((g) => g.length > 0);
  if (code || groups.length) {
    const match = [
      // The code is letters, digits and dots only: nothing in it is special to `like`.
      ...(code ? [sql`n.service_code like ${`${code}%`}`] : []),
      ...groups.map((g) => sql`(${sql.join(g.map(matches), sql` or `)})`),
    ];
    const found = await offered(db, day, sql.join(match, sql` and `), code ? null : needle);
    if (found.length || code) return found;
  }
  if (!needle) return offered(db, day, sql`true`, null);
  // Under three letters there is no typo to forgive, and the trigram index would read most names.
  if (needle.length < 3) return [];
  return offered(db, day, sql`${needle} <% n.words`, needle);
}

/** A name matched by one regular expression, through the words it requires where it has any. */
function matches(re: string): SQL {
  const words = requiredWordPatterns(re).map((p) => sql`n.words like ${p}`);
  return sql`(${sql.join([...words, sql`${SEARCH_NAME} ~ ${re}`], sql` and `)})`;
}

/**
 * The first codes whose catalogue names satisfy `match` and that some clinic offers on `day`, ordered by
 * how well their names match `needle` (by code when null), with the number of clinics, the lowest price,
 * and the name most of a sample of their in-force rows give them.
 */
async function offered(db: DbOrTx, day: string, match: SQL, needle: string | null): Promise<ServiceHit[]> {
  // Words: the best word similarity of a code's shortest matching spellings, then the codes more of whose
  // spellings match (clinics describe the service in these words). A code: code order.
  const hits =
    needle === null
      ? sql`select n.service_code, 0::real as rank, 0::bigint as spellings
            from service_names n where ${match} group by n.service_code`
      : sql`select m.service_code, max(word_similarity(${needle}, m.words)) as rank, max(m.spellings) as spellings
            from (select n.service_code, n.words, count(*) over w as spellings,
                    row_number() over (w order by length(n.name), n.name) as nth
                  from service_names n where ${match}
                  window w as (partition by n.service_code)) m
            where m.nth <= ${RANKED_SPELLINGS}
            group by m.service_code`;
  const rows = await sqlRows<{ service_code: string; name: string; clinics: number; min_price: string }>(
    db,
    sql`with v as materialized ${effectiveVersions(day, null)},
        hits as (${hits}),
        top as materialized (
          select h.service_code, h.rank, h.spellings from hits h
          -- One row in force is enough, looked up per code: as a semi-join the planner may list every
          -- code of every version in force instead (two million index entries).
          cross join lateral (select 1 from price_list_items i
                              where i.service_code = h.service_code and i.version_id in (select id from v)
                              limit 1) offered
          order by h.rank desc, h.spellings desc, h.service_code
          limit ${RESULTS}
        ),
        prices as (
          select i.service_code, count(*)::int as clinics, min(i.price) as min_price
          from price_list_items i
          where i.service_code in (select service_code from top) and i.version_id in (select id from v)
          group by i.service_code
        )
        select t.service_code, p.clinics, p.min_price::text as min_price,
          (select mode() within group (order by s.name)
           from (select i.name from price_list_items i
                 where i.service_code = t.service_code and i.version_id in (select id from v)
                 limit ${NAME_SAMPLE}) s) as name
        from top t join prices p on p.service_code = t.service_code
        order by t.rank desc, t.spellings desc, t.service_code`,
  );
  return rows.map((r) => ({
    serviceCode: r.service_code,
    name: r.name,
    clinics: Number(r.clinics),
    minPrice: Number(r.min_price),
  }));
}

/**
 * A name for each code, from every name it was ever published under (the alphabetically first): for a code a
 * doctor has already chosen.
 */
export async function serviceNames(db: DbOrTx, codes: string[]): Promise<Map<string, string>> {
  const rows = await sqlRows<{ service_code: string; name: string }>(
    db,
    sql`select service_code, min(name) as name from service_names
        where service_code = any(${sql.param(codes)}::text[]) group by service_code`,
  );
  return new Map(rows.map((r) => [r.service_code, r.name]));
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
