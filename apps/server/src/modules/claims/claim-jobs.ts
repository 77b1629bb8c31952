import type { ReceiptLookup } from '../../integrations/fns/receipt-source.ts';
import type { AppDeps } from '../../platform/deps.ts';

export const CLAIM_FETCH_QUEUE = 'claim-fetch';
/** Waits between attempts to fetch a receipt the source has not got yet: never a rejection for that. */
const FETCH_BACKOFF_S = [5, 15, 60, 300, 900, 3600];

/** What a claim's change leaves for after its commit: queues to wake (their jobs were written with the change). */
export interface ClaimEffects {
  queues: string[];
  retryFetch?: { attempts: number; afterSeconds: number };
}

/** The pause before the next ask for a receipt: the source's own word if it gave one, else a growing one. */
export const fetchRetryDelay = (answer: Extract<ReceiptLookup, { kind: 'retry_later' }>, attempts: number) =>
  answer.afterSeconds ?? FETCH_BACKOFF_S[Math.min(attempts - 1, FETCH_BACKOFF_S.length - 1)]!;

export async function runClaimEffects(deps: AppDeps, effects: ClaimEffects, claimId: string) {
  deps.jobs.wake(effects.queues);
  if (effects.retryFetch)
    await deps.jobs.send(
      CLAIM_FETCH_QUEUE,
      { id: claimId },
      {
        startAfterSeconds: effects.retryFetch.afterSeconds,
        singletonKey: `fetch:${claimId}:${effects.retryFetch.attempts}`,
      },
    );
}
