import type { ClinicFeedbackView } from '@remed/core';
import { and, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import { sqlRows } from '../../db/client.ts';
import { visitRatings } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { ratingWindowStart, requireClinic } from './rating.queries.ts';

/** Comments the clinic sees, newest first. */
const COMMENTS_SHOWN = 50;

/** Visit ratings and complaint counts of the rating window; comments without who wrote them. */
export async function getClinicFeedback(
  deps: AppDeps,
  actor: Actor,
  clinicId: string,
): Promise<ClinicFeedbackView> {
  assertClinicAccess(actor, clinicId);
  const db = deps.database.db;
  await requireClinic(db, clinicId);
  const windowStart = ratingWindowStart(deps.clock);
  const since = windowStart.toISOString();
  const dist = await sqlRows<{ stars: number; n: number }>(
    db,
    sql`select stars, count(*)::int as n from visit_ratings
        where clinic_id = ${clinicId} and created_at >= ${since}::timestamptz group by stars`,
  );
  const [c] = await sqlRows<{ total: number; pending: number; justified: number; unjustified: number }>(
    db,
    sql`select count(*)::int as total,
          count(*) filter (where status = 'new')::int as pending,
          count(*) filter (where status = 'justified')::int as justified,
          count(*) filter (where status = 'unjustified')::int as unjustified
        from clinic_complaints where clinic_id = ${clinicId} and created_at >= ${since}::timestamptz`,
  );
  const comments = await db
    .select({ stars: visitRatings.stars, comment: visitRatings.comment, createdAt: visitRatings.createdAt })
    .from(visitRatings)
    .where(
      and(
        eq(visitRatings.clinicId, clinicId),
        isNotNull(visitRatings.comment),
        gte(visitRatings.createdAt, windowStart),
      ),
    )
    .orderBy(desc(visitRatings.createdAt))
    .limit(COMMENTS_SHOWN);
  const distribution = [1, 2, 3, 4, 5].map((s) => dist.find((d) => d.stars === s)?.n ?? 0);
  const count = distribution.reduce((s, n) => s + n, 0);
  const sum = distribution.reduce((s, n, i) => s + n * (i + 1), 0);
  return {
    ratings: { count, average: count ? Math.round((sum / count) * 100) / 100 : null, distribution },
    complaints: c ?? { total: 0, pending: 0, justified: 0, unjustified: 0 },
    comments: comments.map((r) => ({
      stars: r.stars,
      comment: r.comment!,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
