import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/client.ts';
import { runMigrations } from './db/migrate.ts';
import type { CompanyDirectory } from './integrations/directory/company-directory.ts';
import { dadataDirectory } from './integrations/directory/dadata-client.ts';
import { DadataSimulatorState } from './integrations/directory/dadata-simulator.ts';
import { aggregatorReceiptSource } from './integrations/fns/aggregator-client.ts';
import { fnsOpenApiReceiptSource } from './integrations/fns/fns-openapi-client.ts';
import { ReceiptSimulatorStore } from './integrations/fns/receipt-simulator.ts';
import type { ReceiptSource } from './integrations/fns/receipt-source.ts';
import { smtpMailer } from './integrations/mail/mailer.ts';
import type { PayoutProvider } from './integrations/payouts/payout-provider.ts';
import { yookassaPayoutProvider } from './integrations/payouts/yookassa-client.ts';
import { YookassaSimulatorState } from './integrations/payouts/yookassa-simulator.ts';
import { httpSmsGateway } from './integrations/sms/sms-gateway.ts';
import { purgeExpiredSessions } from './modules/auth/purge-expired-sessions.ts';
import { CHAT_NOTIFY_QUEUE, notifyClinic } from './modules/chat/notify-clinic.ts';
import { CLAIM_FETCH_QUEUE } from './modules/claims/claim-jobs.ts';
import { fetchReceipt } from './modules/claims/fetch-receipt.ts';
import { INSURED_IMPORT_QUEUE, runInsuredImport } from './modules/insurance/import-insured-file.ts';
import { PAYOUT_POLL_QUEUE, PAYOUT_SEND_QUEUE, PAYOUT_SWEEP_QUEUE } from './modules/payouts/payout-jobs.ts';
import { pollPayout } from './modules/payouts/poll-payout.ts';
import { sendPayout } from './modules/payouts/send-payout.ts';
import { sweepPayouts } from './modules/payouts/sweep-payouts.ts';
import { PRICE_LIST_IMPORT_QUEUE, runPriceListImport } from './modules/price-lists/import-price-list-file.ts';
import { RATING_NIGHTLY_SCHEDULE, RATING_RECOMPUTE_QUEUE } from './modules/rating/rating-jobs.ts';
import { recomputeRatings } from './modules/rating/recompute-ratings.ts';
import { RECOVERY_QUEUE, RECOVERY_SCHEDULE, recoverLostWork } from './modules/recovery/recover-lost-work.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { AppDeps } from './platform/deps.ts';
import { cryptoIds, type Ids } from './platform/ids.ts';
import { createJobRunner, type JobDefinition, type JobRunner } from './platform/jobs.ts';
import { createOutbox, OUTBOX_QUEUE, OUTBOX_SWEEP_QUEUE, type Outbox } from './platform/outbox.ts';
import { createPubSub } from './platform/pubsub.ts';
import { type FileStorage, localStorage, s3Storage } from './platform/storage.ts';

const SESSION_PURGE_QUEUE = 'sessions-purge';

/** SESSION_SECRET, or one generated on first start and kept in the data folder (single-machine setups). */
function resolveCookieSecret(config: Config): string {
  if (config.sessionSecret) return config.sessionSecret;
  const file = path.join(config.dataDir, 'session-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const secret = crypto.randomBytes(48).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** TOTP_ENCRYPTION_KEY, or a key generated on first start and kept in the data folder (demo, development). */
export function resolveTotpKey(config: Config): Buffer {
  if (config.secondFactor.encryptionKey) return config.secondFactor.encryptionKey;
  const file = path.join(config.dataDir, 'totp-key');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}

export function createStorage(config: Config): FileStorage {
  return config.storage.kind === 's3' ? s3Storage(config.storage) : localStorage(config.storage.dir);
}

/** The receipt source of the configured protocol. */
export function createReceiptSource(config: Config): ReceiptSource {
  const r = config.receipts;
  if (r.protocol === 'aggregator') {
    return aggregatorReceiptSource({ baseUrl: r.url, token: r.token, timeoutMs: 10_000 });
  }
  return fnsOpenApiReceiptSource({
    baseUrl: r.url,
    masterToken: r.token,
    userId: r.userId,
    timeoutMs: 10_000,
    // The FNS limits polls of one request to about one a second; the built-in simulator has no limit.
    pollIntervalMs: r.simulated ? 100 : 1_000,
    pollBudgetMs: 10_000,
  });
}

export interface Runtime {
  deps: AppDeps;
  close(): Promise<void>;
}

export interface RuntimeOverrides {
  database?: Database;
  clock?: Clock;
  ids?: Ids;
  storage?: FileStorage;
  log?: { error(obj: unknown, msg?: string): void };
  receiptSource?: ReceiptSource;
  payoutProvider?: PayoutProvider;
  companyDirectory?: CompanyDirectory;
}

/** In-process simulators of the outside systems, when the config points any of them at this server. */
function createSimulators(config: Config): AppDeps['simulators'] {
  return config.receipts.simulated || config.payouts.simulated || config.directory.simulated
    ? {
        receipts: new ReceiptSimulatorStore(config.receipts.token),
        directory: new DadataSimulatorState(config.directory.token),
        payouts: new YookassaSimulatorState(
          { agentId: config.payouts.agentId, secretKey: config.payouts.secretKey },
          { webhookUrl: `http://127.0.0.1:${config.port}/api/webhooks/yookassa` },
        ),
      }
    : null;
}

/** The row a job is about: every queued job of a row carries its id. */
const rowId = (data: unknown) => (data as { id: string }).id;

/** A scheduled sweep: one run at a time and never retried, for the next tick runs it again anyway. */
function sweep(
  queue: string,
  schedule: string,
  run: () => Promise<unknown>,
  expireSeconds: number,
): JobDefinition {
  return {
    queue,
    handler: async () => void (await run()),
    schedule,
    retryLimit: 0,
    retryDelaySeconds: 0,
    expireSeconds,
    concurrency: 1,
  };
}

/** A file import: not retried by pg-boss, as a run that dies is found by its lease and queued again, counting attempts. */
function fileImport(
  queue: string,
  run: (id: string) => Promise<void>,
  o: Pick<JobDefinition, 'concurrency'> = {},
): JobDefinition {
  return {
    queue,
    handler: async (d) => run(rowId(d)),
    retryLimit: 0,
    retryDelaySeconds: 0,
    expireSeconds: 1800,
    ...o,
  };
}

/** Delivery of each written message, and the minute sweep that sends what a lost job left. */
function outboxJobs(outbox: Outbox): JobDefinition[] {
  return [
    {
      queue: OUTBOX_QUEUE,
      handler: async (d) => outbox.deliver(rowId(d)),
      retryLimit: 5,
      retryDelaySeconds: 30,
      expireSeconds: 300,
    },
    sweep(OUTBOX_SWEEP_QUEUE, '* * * * *', () => outbox.sweep(), 120),
  ];
}

function importJobs(deps: AppDeps): JobDefinition[] {
  return [
    // Two lists of one insurer at once would detach each other's people.
    fileImport(INSURED_IMPORT_QUEUE, (id) => runInsuredImport(deps, id), { concurrency: 1 }),
    fileImport(PRICE_LIST_IMPORT_QUEUE, (id) => runPriceListImport(deps, id)),
  ];
}

/** A submitted receipt on its way to money: fetch from the FNS, then send and follow the payout. */
function claimAndPayoutJobs(deps: AppDeps): JobDefinition[] {
  return [
    {
      queue: CLAIM_FETCH_QUEUE,
      handler: async (d) => fetchReceipt(deps, rowId(d)),
      retryLimit: 3,
      retryDelaySeconds: 30,
      expireSeconds: 300,
    },
    {
      queue: PAYOUT_SEND_QUEUE,
      // Jobs queued by earlier versions also carry the call; the payout row is read again whatever they carry.
      handler: async (d) => sendPayout(deps, rowId(d)),
      retryLimit: 8,
      retryDelaySeconds: 5,
      expireSeconds: 120,
      // Calls to the provider wait on the network: a few in flight keep up with the receipts without taking
      // the process from the people submitting them.
      concurrency: 4,
    },
    {
      queue: PAYOUT_POLL_QUEUE,
      handler: async (d) => pollPayout(deps, rowId(d), (d as { attempt: number }).attempt),
      retryLimit: 5,
      retryDelaySeconds: 10,
      expireSeconds: 120,
    },
    sweep(PAYOUT_SWEEP_QUEUE, '* * * * *', () => sweepPayouts(deps), 120),
  ];
}

/** Scheduled upkeep: lost-work recovery, chat notices, nightly ratings, expired sessions. */
function maintenanceJobs(deps: AppDeps): JobDefinition[] {
  return [
    sweep(RECOVERY_QUEUE, RECOVERY_SCHEDULE, () => recoverLostWork(deps), 300),
    {
      queue: CHAT_NOTIFY_QUEUE,
      handler: async (d) => void (await notifyClinic(deps, (d as { threadId: string }).threadId)),
      retryLimit: 3,
      retryDelaySeconds: 10,
      expireSeconds: 300,
    },
    {
      queue: RATING_RECOMPUTE_QUEUE,
      handler: async () => void (await recomputeRatings(deps)),
      schedule: RATING_NIGHTLY_SCHEDULE,
      retryLimit: 3,
      retryDelaySeconds: 60,
      expireSeconds: 1800,
      // Each run recomputes every clinic: two at once would only write the same snapshots twice.
      concurrency: 1,
    },
    sweep(SESSION_PURGE_QUEUE, '17 * * * *', () => purgeExpiredSessions(deps), 600),
  ];
}

/** Wires every port to its implementation: database (migrated), storage, mail, SMS, outbox and jobs. */
export async function createRuntime(config: Config, overrides: RuntimeOverrides = {}): Promise<Runtime> {
  const database = overrides.database ?? (await openDatabase(config.database));
  await runMigrations(database);
  const clock = overrides.clock ?? systemClock;
  const ids = overrides.ids ?? cryptoIds;
  const storage = overrides.storage ?? createStorage(config);
  let jobs: JobRunner | null = null;
  const outbox = createOutbox({
    database,
    clock,
    ids,
    storage,
    mailer: config.mail.smtpUrl ? smtpMailer(config.mail.smtpUrl, config.mail.from) : null,
    sms: config.sms ? httpSmsGateway(config.sms.url, config.sms.token) : null,
    enqueueAll: (list) => jobs!.sendAll(list),
  });
  const simulators = createSimulators(config);
  const deps: AppDeps = {
    config,
    simulators,
    receiptSource: overrides.receiptSource ?? createReceiptSource(config),
    companyDirectory:
      overrides.companyDirectory ??
      dadataDirectory({ baseUrl: config.directory.url, token: config.directory.token, timeoutMs: 5_000 }),
    payoutProvider:
      overrides.payoutProvider ??
      yookassaPayoutProvider({
        baseUrl: config.payouts.url,
        agentId: config.payouts.agentId,
        secretKey: config.payouts.secretKey,
        timeoutMs: 15_000,
      }),
    database,
    clock,
    ids,
    storage,
    outbox,
    jobs: null as unknown as JobRunner,
    pubsub: createPubSub(database, overrides.log ?? console),
    cookieSecret: resolveCookieSecret(config),
    totpKey: resolveTotpKey(config),
  };
  const definitions = [
    ...outboxJobs(outbox),
    ...importJobs(deps),
    ...claimAndPayoutJobs(deps),
    ...maintenanceJobs(deps),
  ];
  jobs = createJobRunner(database, definitions, overrides.log ?? console);
  deps.jobs = jobs;
  return {
    deps,
    async close() {
      await jobs.stop();
      await deps.pubsub.close();
      await database.close();
    },
  };
}
