import type { AppDeps } from '../../platform/deps.ts';
import { recoverReceiptFetches } from '../claims/recover-receipt-fetches.ts';
import { recoverInsuredImports } from '../insurance/recover-insured-imports.ts';
import { sweepPayouts } from '../payouts/sweep-payouts.ts';
import { recoverPriceListImports } from '../price-lists/recover-price-list-imports.ts';

export const RECOVERY_QUEUE = 'recover-lost-work';
export const RECOVERY_SCHEDULE = '* * * * *';

interface Recovered {
  receiptFetches: number;
  priceListImports: { requeued: number; failed: number; sent: number };
  insuredImports: { requeued: number; failed: number; sent: number };
  payouts: number;
}

/**
 * Work whose job vanished, found from the rows that wait for it and given a job again: receipts to fetch,
 * imports whose worker died, payouts with no job. Every minute, once at start-up and after a restore (the job
 * queue is not in a backup). Each part only queues jobs, and each job re-reads its row, so running this twice,
 * or on two processes at once, does each piece of work once.
 */
export async function recoverLostWork(deps: AppDeps): Promise<Recovered> {
  return {
    receiptFetches: await recoverReceiptFetches(deps),
    priceListImports: await recoverPriceListImports(deps),
    insuredImports: await recoverInsuredImports(deps),
    payouts: await sweepPayouts(deps),
  };
}
