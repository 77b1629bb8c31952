import { eq } from 'drizzle-orm';
import { claims } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { withLiveJob } from '../../platform/jobs.ts';
import { CLAIM_FETCH_QUEUE } from './claim-jobs.ts';

/**
 * Claims waiting for their receipt with no fetch job to ask again (the process stopped after the commit, the
 * job ran out of retries, or a restore left the job queue behind): each gets a job now. The person cannot
 * send the receipt again (it is one claim per receipt), so nothing else would ever finish them.
 */
export async function recoverReceiptFetches(deps: AppDeps) {
  const waiting = (
    await deps.database.db.select({ id: claims.id }).from(claims).where(eq(claims.status, 'waiting_receipt'))
  ).map((r) => r.id);
  const live = await withLiveJob(deps.database, CLAIM_FETCH_QUEUE, waiting);
  const lost = waiting.filter((id) => !live.has(id));
  for (const id of lost)
    await deps.jobs.send(CLAIM_FETCH_QUEUE, { id }, { singletonKey: `fetch:${id}:recovered` });
  return lost.length;
}
