import type { AppDeps } from '../../platform/deps.ts';

export const RATING_RECOMPUTE_QUEUE = 'rating-recompute';

/** Nightly at 00:05 Moscow time (cron is UTC), so a cashback change that starts that day counts at once. */
export const RATING_NIGHTLY_SCHEDULE = '5 21 * * *';

/**
 * Asks for a recomputation of every clinic's rating after something it depends on changed. Debounced:
 * a burst of events (a registry of receipts) costs one or two runs, not one per event.
 */
export async function requestRatingRecompute(deps: Pick<AppDeps, 'jobs'>): Promise<void> {
  await deps.jobs.send(RATING_RECOMPUTE_QUEUE, {}, { singletonKey: 'all', debounceSeconds: 30 });
}
