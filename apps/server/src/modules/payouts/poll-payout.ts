import { eq } from 'drizzle-orm';
import { payouts } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { PAYOUT_POLL_QUEUE } from './payout-jobs.ts';
import { settlePayout } from './settle-payout.ts';

const POLL_BACKOFF_S = [3, 10, 30, 60, 300, 900];

/** Asks the provider about a payout it accepted, and again later with a growing pause while it is pending. */
export async function pollPayout(deps: AppDeps, payoutId: string, attempt: number) {
  const [p] = await deps.database.db.select().from(payouts).where(eq(payouts.id, payoutId));
  if (p?.status !== 'pending' || !p.providerId) return;
  const state = await deps.payoutProvider.get(p.providerId);
  await settlePayout(deps, p.id, state);
  if (state.status === 'pending') {
    await deps.jobs.send(
      PAYOUT_POLL_QUEUE,
      { id: p.id, attempt: attempt + 1 },
      { startAfterSeconds: POLL_BACKOFF_S[Math.min(attempt, POLL_BACKOFF_S.length - 1)]! },
    );
  }
}
