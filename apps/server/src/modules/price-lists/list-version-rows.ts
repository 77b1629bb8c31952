import type { PriceListRowView } from '@remed/core';
import { type SQL, sql } from 'drizzle-orm';
import { sqlRows } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { issuesByRow } from './draft-check.ts';
import { loadVersion } from './price-list-versions.queries.ts';

type RowsFilter = 'all' | 'issues';

type RowsQuery = { offset: number; limit: number; search?: string | undefined; filter: RowsFilter };

/**
 * One page of a version's rows, found by code or name: a published version's services, or a draft's rows
 * with the remarks of its check (only the rows that have any, when asked).
 */
export async function listVersionRows(
  deps: Pick<AppDeps, 'database'>,
  actor: Actor,
  clinicId: string,
  versionId: string,
  q: RowsQuery,
): Promise<{ items: PriceListRowView[]; total: number }> {
  assertClinicAccess(actor, clinicId);
  const db = deps.database.db;
  const v = await loadVersion(db, clinicId, versionId);
  const published = v.status !== 'draft';
  const byRow = published ? new Map<string, PriceListRowView['issues']>() : issuesByRow(v.issues);
  const onlyIssues =
    q.filter === 'issues' && !published ? sql`and id = any(${sql.param([...byRow.keys()])}::uuid[])` : sql``;
  // `ord` is the column the rows are stored in order of, so each table's own index keeps them in order.
  const source = published
    ? sql`select id, position + 1 as line, position as ord, clinic_code, service_code, name, '' as price_text, price, note
          from price_list_items where version_id = ${v.id}`
    : sql`select id, line, line as ord, clinic_code, service_code, name, price_text, price, note
          from price_list_draft_rows where version_id = ${v.id} ${onlyIssues}`;
  const rows = await sqlRows<{
    id: string;
    line: number;
    clinic_code: string;
    service_code: string;
    name: string;
    price_text: string;
    price: string | null;
    note: string | null;
    total: number;
  }>(
    db,
    sql`select id, line, clinic_code, service_code, name, price_text, price::text as price, note, count(*) over ()::int as total
        from (${source}) r where true ${matching(q.search)}
        order by ord offset ${q.offset} limit ${q.limit}`,
  );
  return {
    total: rows[0] ? Number(rows[0].total) : 0,
    items: rows.map((r) => ({
      id: r.id,
      line: Number(r.line),
      clinicCode: r.clinic_code,
      serviceCode: r.service_code,
      name: r.name,
      price: r.price === null ? null : Number(r.price),
      priceText: r.price_text,
      note: r.note,
      issues: byRow.get(r.id) ?? [],
    })),
  };
}

/** Rows whose 804н code, clinic code or name hold what was typed (as it is, not a pattern). */
function matching(search: string | undefined): SQL {
  const typed = search?.trim();
  if (!typed) return sql``;
  const needle = `%${typed.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return sql`and (service_code ilike ${needle} or clinic_code ilike ${needle} or name ilike ${needle})`;
}
