import {
  type AdminHealthView,
  type HealthView,
  ROLE_TITLES,
  type Role,
  VIEW_PURPOSES,
  type ViewLogQuery,
  type ViewPurpose,
} from '@remed/core';
import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { healthDataViews, insuredPersons } from '../../db/schema/index.ts';
import { fullNameOf } from '../insurance/person-name.ts';

type ViewRow = typeof healthDataViews.$inferSelect;

const moscowMidnight = (day: string) => new Date(`${day}T00:00:00+03:00`);

function where(q: Omit<ViewLogQuery, 'limit'>): SQL | undefined {
  const c: SQL[] = [];
  if (q.personId) c.push(eq(healthDataViews.insuredPersonId, q.personId));
  if (q.userId) c.push(eq(healthDataViews.viewerUserId, q.userId));
  if (q.from) c.push(gte(healthDataViews.at, moscowMidnight(q.from)));
  if (q.to) c.push(lt(healthDataViews.at, new Date(moscowMidnight(q.to).getTime() + 86_400_000)));
  if (q.before) {
    const [at, id] = q.before.split('_');
    c.push(
      sql`(${healthDataViews.at}, ${healthDataViews.id}) < (${new Date(Number(at)).toISOString()}::timestamptz, ${Number(id)})`,
    );
  }
  return c.length ? and(...c) : undefined;
}

const cursorOf = (v: ViewRow) => `${v.at.getTime()}_${v.id}`;

const viewOf = (v: ViewRow): HealthView => ({
  id: String(v.id),
  at: v.at.toISOString(),
  viewerName: v.viewerName,
  viewerRole: ROLE_TITLES[v.viewerRole as Role] ?? v.viewerRole,
  organisation: v.organisation,
  recordType: v.recordType,
  recordLabel: v.recordLabel,
  purpose: VIEW_PURPOSES[v.purpose as ViewPurpose] ?? v.purpose,
});

/** A page of `limit` rows read as `limit + 1`: the extra one only says there is a following page. */
function pageOf<R, T>(rows: R[], limit: number, view: (r: R) => T, row: (r: R) => ViewRow) {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  return { items: shown.map(view), next: more ? cursorOf(row(shown[shown.length - 1]!)) : null };
}

/** Newest first, a page at a time; `next` is the cursor of the following page. */
export async function viewsOfPerson(
  db: DbOrTx,
  personId: string,
  q: Pick<ViewLogQuery, 'before' | 'limit'>,
): Promise<{ items: HealthView[]; next: string | null }> {
  const rows = await db
    .select()
    .from(healthDataViews)
    .where(where({ personId, before: q.before }))
    .orderBy(desc(healthDataViews.at), desc(healthDataViews.id))
    .limit(q.limit + 1);
  return pageOf(rows, q.limit, viewOf, (v) => v);
}

export async function viewsForAdmin(
  db: DbOrTx,
  q: ViewLogQuery,
): Promise<{ items: AdminHealthView[]; next: string | null }> {
  const rows = await db
    .select({ v: healthDataViews, person: insuredPersons })
    .from(healthDataViews)
    .innerJoin(insuredPersons, eq(insuredPersons.id, healthDataViews.insuredPersonId))
    .where(where(q))
    .orderBy(desc(healthDataViews.at), desc(healthDataViews.id))
    .limit(q.limit + 1);
  return pageOf(
    rows,
    q.limit,
    ({ v, person }) => ({
      ...viewOf(v),
      viewerUserId: v.viewerUserId,
      insuredPersonId: v.insuredPersonId,
      insuredName: fullNameOf(person),
      ip: v.ip,
    }),
    (r) => r.v,
  );
}
