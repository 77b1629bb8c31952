import type { AppDeps } from '../../platform/deps.ts';
import type { QueuedJob } from '../../platform/jobs.ts';

export const RATING_RECOMPUTE_QUEUE = 'rating-recompute';

/** Nightly at 00:05 Moscow time (cron is UTC), so a cashback change that starts that day counts at once. */
export const RATING_NIGHTLY_SCHEDULE = '5 21 * * *';

/**
 * Asks for a recomputation of every clinic's rating after a person changed something it depends on (a
 * cashback, a visit rating, a complaint decision): the first runs at once, a burst costs one more run at
 * most every 5 s, so the person sees the change on the rating page within seconds.
 */
export async function requestRatingRecompute(deps: Pick<AppDeps, 'jobs'>): Promise<void> {
  await deps.jobs.send(RATING_RECOMPUTE_QUEUE, {}, { singletonKey: 'event', debounceSeconds: 5 });
}

/**
 * The recomputation after decided receipts (visits, receipts with extra services), written with the decision
 * (`jobWrite`): receipts come in streams, so at most one run every 30 s, at the end of the slot. Its own key,
 * so that it never holds back the runs a person waits for.
 */
export const RATING_RECOMPUTE_JOB: QueuedJob = {
  queue: RATING_RECOMPUTE_QUEUE,
  data: {},
  debounce: { key: 'receipts', seconds: 30 },
};
