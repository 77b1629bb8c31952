import { ReceiptSimulatorStore } from '../../apps/server/src/integrations/fns/receipt-simulator.ts';
import { YookassaSimulatorState } from '../../apps/server/src/integrations/payouts/yookassa-simulator.ts';
import { serveSimulators, simulatorSettings } from '../outside-systems.ts';

const SIM_TOKEN = 'soak-fns-token';
const PAYOUT_CREDENTIALS = { agentId: '606060', secretKey: 'soak-secret' };

/** Client timeouts of the server (runtime.ts): a held answer must outlast them to be a timeout. */
const RECEIPT_CLIENT_TIMEOUT_MS = 10_000;
const PAYOUT_CLIENT_TIMEOUT_MS = 15_000;

/**
 * The outside systems of the soak test, the FNS receipt service (aggregator protocol) and YooKassa payouts,
 * on a port of their own in the harness process: their state outlives every app process that is killed,
 * and the harness turns their misbehaviour knobs directly. The YooKassa simulator's payouts are the
 * provider's own record that the payout ledger is reconciled against.
 */
export async function startSimulators(port: number, webhookUrl: string) {
  const receipts = new ReceiptSimulatorStore(SIM_TOKEN);
  // Payouts stay pending for a moment, as at a real bank: the webhook (or a poll) finishes them.
  const payouts = new YookassaSimulatorState(PAYOUT_CREDENTIALS, { webhookUrl, settleAfterMs: 1_500 });
  const app = await serveSimulators(receipts, payouts, port);

  return {
    receipts,
    payouts,
    env: {
      RECEIPTS_PROTOCOL: 'aggregator',
      ...simulatorSettings(`http://127.0.0.1:${port}`, SIM_TOKEN, PAYOUT_CREDENTIALS),
    },
    faults: {
      /** The next `n` payout requests (any route) answer HTTP 500. */
      payoutErrors: (n: number) => {
        payouts.behaviour.failNext += n;
      },
      /** The next `n` payout creations make the payout but answer after the client has given up. */
      payoutTimeouts: (n: number) => {
        payouts.behaviour.hangMs = PAYOUT_CLIENT_TIMEOUT_MS + 5_000;
        payouts.behaviour.timeoutNext += n;
      },
      duplicateWebhooks: (on: boolean) => {
        payouts.behaviour.duplicateWebhooks = on;
      },
      /** The next `n` receipt requests answer HTTP 500. */
      receiptErrors: (n: number) => {
        receipts.behaviour.failNext += n;
      },
      /** The next `n` receipt requests are held past the client's timeout. */
      receiptTimeouts: (n: number) => {
        receipts.behaviour.hangMs = RECEIPT_CLIENT_TIMEOUT_MS + 2_000;
        receipts.behaviour.timeoutNext += n;
      },
      clear: () => {
        Object.assign(payouts.behaviour, { failNext: 0, timeoutNext: 0, duplicateWebhooks: false });
        Object.assign(receipts.behaviour, { failNext: 0, timeoutNext: 0 });
      },
    },
    close: () => app.close(),
  };
}

export type Simulators = Awaited<ReturnType<typeof startSimulators>>;
