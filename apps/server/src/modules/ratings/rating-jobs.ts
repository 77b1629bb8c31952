import type { AppDeps } from '../../platform/deps.ts';
import type { QueuedJob } from '../../platform/jobs.ts';

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

/**
 * The recomputation as a job for `sendAll`, for use cases that queue all their side effects at once and can
 * wait for the end of the slot (decided receipts); a person changing what they see uses the one above.
 */
export const RATING_RECOMPUTE_JOB: QueuedJob = {
  queue: RATING_RECOMPUTE_QUEUE,
  data: {},
  debounce: { key: 'all', seconds: 30 },
};
