import { computeRatings, moscowDate } from '@remed/core';
import { sql } from 'drizzle-orm';
import { sqlRows, type Tx } from '../../db/client.ts';
import { clinicRatingSnapshots, clinics } from '../../db/schema/index.ts';
import { systemActor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { ratingInputs, ratingWindowStart } from './rating.queries.ts';

type RatingResult = ReturnType<typeof computeRatings>[number];

/**
 * Recomputes every clinic: `clinics.rating` for the console's ranking and today's snapshot with the
 * components. One run at a time (advisory lock), so two workers never interleave their writes.
 */
export async function recomputeRatings(
  deps: Pick<AppDeps, 'database' | 'clock'>,
): Promise<{ clinics: number; changed: number }> {
  const { clock } = deps;
  const now = clock.now();
  const day = moscowDate(now);
  return deps.database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('remed.clinic-rating'))`);
    const { inputs, prices } = await ratingInputs(tx, day, ratingWindowStart(clock));
    const results = computeRatings(inputs, prices);
    if (!results.length) return { clinics: 0, changed: 0 };
    const changed = await updateClinicRatings(tx, results);
    await saveSnapshots(tx, day, now, results);
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
}

/** Writes each clinic's new score and returns the clinics whose score moved, with both numbers. */
async function updateClinicRatings(tx: Tx, results: RatingResult[]) {
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
  return changed;
}

async function saveSnapshots(tx: Tx, day: string, now: Date, results: RatingResult[]) {
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
}
