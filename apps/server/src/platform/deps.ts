import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { CompanyDirectory } from '../integrations/directory/company-directory.ts';
import type { DadataSimulatorState } from '../integrations/directory/dadata-simulator.ts';
import type { ReceiptSimulatorStore } from '../integrations/fns/receipt-simulator.ts';
import type { ReceiptSource } from '../integrations/fns/receipt-source.ts';
import type { PayoutProvider } from '../integrations/payouts/payout-provider.ts';
import type { YookassaSimulatorState } from '../integrations/payouts/yookassa-simulator.ts';
import type { Clock } from './clock.ts';
import type { Ids } from './ids.ts';
import type { JobRunner } from './jobs.ts';
import type { Outbox } from './outbox.ts';
import type { PubSub } from './pubsub.ts';
import type { FileStorage } from './storage.ts';

/** Everything impure a use case may touch, passed in so that tests can swap any of it. */
export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  ids: Ids;
  storage: FileStorage;
  outbox: Outbox;
  jobs: JobRunner;
  /** Events to every app process (LISTEN/NOTIFY): chat messages reach sockets held by other processes. */
  pubsub: PubSub;
  receiptSource: ReceiptSource;
  payoutProvider: PayoutProvider;
  companyDirectory: CompanyDirectory;
  /** Present when the outside systems are simulated (demo, tests): the app serves them at /sim. */
  simulators: {
    receipts: ReceiptSimulatorStore;
    payouts: YookassaSimulatorState;
    directory: DadataSimulatorState;
  } | null;
  /** Secret that signs cookies; from SESSION_SECRET or generated once into the data folder. */
  cookieSecret: string;
  /** AES-256-GCM key that seals TOTP secrets; from TOTP_ENCRYPTION_KEY or generated once into the data folder. */
  totpKey: Buffer;
}
