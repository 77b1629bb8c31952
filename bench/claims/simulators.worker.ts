/**
 * The outside systems of the claims benchmark — the FNS receipt service and YooKassa payouts — in a process
 * of their own, as they would be on other machines: the server under test pays for its HTTP calls to them,
 * not for answering them. Zero latency; every payout succeeds at once and is announced by a webhook.
 */
import type { AddressInfo } from 'node:net';
import { ReceiptSimulatorStore } from '../../apps/server/src/integrations/fns/receipt-simulator.ts';
import { YookassaSimulatorState } from '../../apps/server/src/integrations/payouts/yookassa-simulator.ts';
import { serveSimulators } from '../outside-systems.ts';
import { PAYOUT_CREDENTIALS, receiptJson, SIM_TOKEN, type Workload } from './workload.ts';

const { workload, webhookUrl } = JSON.parse(process.env.BENCH_WORKER_DATA!) as {
  workload: Workload;
  webhookUrl: string;
};
const receipts = new ReceiptSimulatorStore(SIM_TOKEN);
for (let n = 0; n < workload.clients; n++)
  for (let k = 0; k < workload.perClient; k++) receipts.register(receiptJson(workload, n, k));
const payouts = new YookassaSimulatorState(PAYOUT_CREDENTIALS, { webhookUrl });

const app = await serveSimulators(receipts, payouts, 0);
process.send!({ port: (app.server.address() as AddressInfo).port });
process.on('message', async (m) => {
  if (m === 'close') {
    await app.close();
    process.send!('closed');
  }
});
