/** The outside systems of the benchmarks that claim receipts: the FNS receipt service and YooKassa payouts. */
import Fastify from 'fastify';
import {
  type ReceiptSimulatorStore,
  receiptSimulatorRoutes,
} from '../apps/server/src/integrations/fns/receipt-simulator.ts';
import {
  type YookassaSimulatorState,
  yookassaSimulatorRoutes,
} from '../apps/server/src/integrations/payouts/yookassa-simulator.ts';

/** Both simulators on one HTTP server of their own, on `port` (0: any free one). */
export async function serveSimulators(
  receipts: ReceiptSimulatorStore,
  payouts: YookassaSimulatorState,
  port: number,
) {
  const app = Fastify({ logger: false });
  await app.register(receiptSimulatorRoutes(receipts));
  await app.register(yookassaSimulatorRoutes(payouts));
  await app.listen({ host: '127.0.0.1', port });
  return app;
}

/** The server's settings that send it to the simulators served at `base`. */
export function simulatorSettings(
  base: string,
  token: string,
  payout: { agentId: string; secretKey: string },
) {
  return {
    RECEIPTS_API_URL: `${base}/sim/fns`,
    RECEIPTS_API_TOKEN: token,
    PAYOUTS_API_URL: `${base}/sim/yookassa`,
    PAYOUTS_AGENT_ID: payout.agentId,
    PAYOUTS_SECRET_KEY: payout.secretKey,
  };
}
