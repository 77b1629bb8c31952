import { type ClinicFeedbackView, type ClinicRatingView, computeRatings, moscowDate } from '@remed/core';
import { and, asc, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import { sqlRows } from '../../db/client.ts';
import { clinicRatingSnapshots, clinics, visitRatings } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { systemActor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { RATING_WINDOW_DAYS, ratingInputs, requireClinic } from './ratings.queries.ts';

/** Days of the trend shown next to the rating. */
const HISTORY_DAYS = 90;
/** Comments the clinic sees, newest first. */
const COMMENTS_SHOWN = 50;

export function ratingsService(deps: AppDeps) {
  const { database, clock } = deps;
  const db = database.db;
  const windowStart = () => new Date(clock.now().getTime() - RATING_WINDOW_DAYS * 86_400_000);

  return {
    /**
     * Recomputes every clinic: `clinics.rating` for the console's ranking and today's snapshot with the
     * components. One run at a time (advisory lock), so two workers never interleave their writes.
     */
    async recomputeAll(): Promise<{ clinics: number; changed: number }> {
      const now = clock.now();
      const day = moscowDate(now);
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext('remed.clinic-rating'))`);
        const { inputs, prices } = await ratingInputs(tx, day, windowStart());
        const results = computeRatings(inputs, prices);
        if (!results.length) return { clinics: 0, changed: 0 };
        const before = new Map(
          (await tx.select({ id: clinics.id, rating: clinics.rating }).from(clinics)).map((c) => [
            c.id,
            c.rating === null ? null : Number(c.rating),
          ]),
        );
        const changed = results
          .filter((r) => before.get(r.clinicId) !== r.rating)
          .map((r) => ({ clinicId: r.clinicId, before: before.get(r.clinicId) ?? null, after: r.rating }));
        await sqlRows(
          tx,
          sql`update clinics c set rating = v.rating
              from unnest(${sql.param(results.map((r) => r.clinicId))}::uuid[],
                          ${sql.param(results.map((r) => r.rating.toFixed(1)))}::numeric[]) as v(id, rating)
              where c.id = v.id`,
        );
        await tx
          .insert(clinicRatingSnapshots)
          .values(
            results.map((r) => ({
              clinicId: r.clinicId,
              day,
              rating: r.rating.toFixed(1),
              place: r.place,
              clinicsCount: r.of,
              components: r.components,
              computedAt: now,
            })),
          )
          .onConflictDoUpdate({
            target: [clinicRatingSnapshots.clinicId, clinicRatingSnapshots.day],
            set: {
              rating: sql`excluded.rating`,
              place: sql`excluded.place`,
              clinicsCount: sql`excluded.clinics_count`,
              components: sql`excluded.components`,
              computedAt: sql`excluded.computed_at`,
            },
          });
        // The snapshots keep every component; the log records whose number moved.
        if (changed.length)
          await writeAudit(tx, clock, systemActor, {
            action: 'clinic_rating.recomputed',
            entityType: 'clinic_rating',
            entityId: day,
            after: { changed },
          });
        return { clinics: results.length, changed: changed.length };
      });
    },

    /** The clinic's own rating: score, place, each component and the trend. */
    async clinicRating(actor: Actor, clinicId: string): Promise<ClinicRatingView> {
      assertClinicAccess(actor, clinicId);
      await requireClinic(db, clinicId);
      const since = moscowDate(new Date(clock.now().getTime() - HISTORY_DAYS * 86_400_000));
      const rows = await db
        .select()
        .from(clinicRatingSnapshots)
        .where(and(eq(clinicRatingSnapshots.clinicId, clinicId), gte(clinicRatingSnapshots.day, since)))
        .orderBy(asc(clinicRatingSnapshots.day));
      const latest =
        rows.at(-1) ??
        (
          await db
            .select()
            .from(clinicRatingSnapshots)
            .where(eq(clinicRatingSnapshots.clinicId, clinicId))
            .orderBy(desc(clinicRatingSnapshots.day))
            .limit(1)
        )[0];
      return {
        clinicId,
        rating: latest ? Number(latest.rating) : null,
        place: latest?.place ?? null,
        of: latest?.clinicsCount ?? null,
        computedAt: latest?.computedAt.toISOString() ?? null,
        components: latest?.components ?? null,
        history: rows.map((r) => ({ day: r.day, rating: Number(r.rating), place: r.place })),
      };
    },

    /** Visit ratings and complaint counts of the rating window; comments without who wrote them. */
    async clinicFeedback(actor: Actor, clinicId: string): Promise<ClinicFeedbackView> {
      assertClinicAccess(actor, clinicId);
      await requireClinic(db, clinicId);
      const since = windowStart().toISOString();
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
        .select({
          stars: visitRatings.stars,
          comment: visitRatings.comment,
          createdAt: visitRatings.createdAt,
        })
        .from(visitRatings)
        .where(
          and(
            eq(visitRatings.clinicId, clinicId),
            isNotNull(visitRatings.comment),
            gte(visitRatings.createdAt, windowStart()),
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
    },
  };
}

export type RatingsService = ReturnType<typeof ratingsService>;
