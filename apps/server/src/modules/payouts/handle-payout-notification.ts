import { eq } from 'drizzle-orm';
import { payouts } from '../../db/schema/index.ts';
import { PayoutProviderError, type PayoutState } from '../../integrations/payouts/payout-provider.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { settlePayout } from './settle-payout.ts';

/**
 * A webhook only says "look again": the payout is re-read from the provider before anything changes,
 * and found by our own id in its metadata (the webhook may come before the provider's id is stored).
 */
export async function handlePayoutNotification(deps: AppDeps, providerId: string): Promise<boolean> {
  let state: PayoutState;
  try {
    state = await deps.payoutProvider.get(providerId);
  } catch (e) {
    if (e instanceof PayoutProviderError && !e.transient) return false;
    throw e;
  }
  const payoutId =
    state.payoutId ??
    (
      await deps.database.db
        .select({ id: payouts.id })
        .from(payouts)
        .where(eq(payouts.providerId, providerId))
    )[0]?.id;
  if (!payoutId) return false;
  await settlePayout(deps, payoutId, state);
  return true;
}
