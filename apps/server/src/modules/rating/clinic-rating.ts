import { type ClinicRatingView, moscowDate } from '@remed/core';
import { and, asc, desc, eq, gte } from 'drizzle-orm';
import { clinicRatingSnapshots } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { requireClinic } from './rating.queries.ts';

/** Days of the trend shown next to the rating. */
const HISTORY_DAYS = 90;

/** The clinic's own rating: score, place, each component and the trend. */
export async function getClinicRating(
  deps: AppDeps,
  actor: Actor,
  clinicId: string,
): Promise<ClinicRatingView> {
  assertClinicAccess(actor, clinicId);
  const db = deps.database.db;
  await requireClinic(db, clinicId);
  const since = moscowDate(new Date(deps.clock.now().getTime() - HISTORY_DAYS * 86_400_000));
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
}
