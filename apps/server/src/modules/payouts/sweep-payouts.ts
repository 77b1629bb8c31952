import { and, inArray, isNull, lt } from 'drizzle-orm';
import { payouts } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { withLiveJob } from '../../platform/jobs.ts';
import { PAYOUT_POLL_QUEUE, PAYOUT_SEND_QUEUE } from './payout-jobs.ts';

/**
 * Payouts left behind by a stopped process or a restore (the job queue is not in a backup): those idle for
 * a while with no job of their own get one, which re-reads the row before any call. Those waiting for a
 * person are left to them.
 */
export async function sweepPayouts(deps: AppDeps): Promise<number> {
  const { database, clock } = deps;
  const stale = new Date(clock.now().getTime() - 30_000);
  const rows = await database.db
    .select({ id: payouts.id })
    .from(payouts)
    .where(
      and(
        inArray(payouts.status, ['created', 'pending']),
        lt(payouts.updatedAt, stale),
        isNull(payouts.reviewReason),
      ),
    );
  const ids = rows.map((r) => r.id);
  const sending = await withLiveJob(database, PAYOUT_SEND_QUEUE, ids);
  const polling = await withLiveJob(database, PAYOUT_POLL_QUEUE, ids);
  const lost = ids.filter((id) => !sending.has(id) && !polling.has(id));
  for (const id of lost) await deps.jobs.send(PAYOUT_SEND_QUEUE, { id }, { singletonKey: `sweep:${id}` });
  return lost.length;
}
