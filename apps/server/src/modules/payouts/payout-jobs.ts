import type { payouts } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { QueuedJob } from '../../platform/jobs.ts';

export const PAYOUT_SEND_QUEUE = 'payout-send';
export const PAYOUT_POLL_QUEUE = 'payout-poll';
export const PAYOUT_SWEEP_QUEUE = 'payout-sweep';

/** The job that makes a payout written in the same transaction; it reads the row itself before any call. */
export function payoutJob(p: typeof payouts.$inferInsert): QueuedJob {
  return { queue: PAYOUT_SEND_QUEUE, data: { id: p.id! } };
}

/** Jobs for payouts committed already (a retry, new СБП details). */
export const queuePayouts = (deps: Pick<AppDeps, 'jobs'>, ids: string[]) =>
  deps.jobs.sendAll(ids.map((id) => ({ queue: PAYOUT_SEND_QUEUE, data: { id } })));
