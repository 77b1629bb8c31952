import { serviceSearchQuery } from '@remed/core';
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, sqlRows } from '../../db/client.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { effectiveVersions } from '../price-lists/price-list-versions.queries.ts';
import { todayOf } from './case.queries.ts';
import { requiredWordPatterns } from './search-patterns.ts';

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

type ServiceHit = { serviceCode: string; name: string; clinics: number; minPrice: number };

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

/** What the console's service search finds for a doctor: services offered today. */
export const findServices = (deps: Pick<AppDeps, 'database' | 'clock'>, q: string) =>
  searchServices(deps.database.db, q, todayOf(deps.clock.now()));
