import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/client.ts';
import { runMigrations } from './db/migrate.ts';
import { smtpMailer } from './integrations/mail/mailer.ts';
import { httpSmsGateway } from './integrations/sms/sms-gateway.ts';
import { authService } from './modules/auth/auth.service.ts';
import { INSURED_IMPORT_QUEUE, insuredImportService } from './modules/insurance/insured-import.service.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { AppDeps } from './platform/deps.ts';
import { cryptoIds, type Ids } from './platform/ids.ts';
import { createJobRunner, type JobDefinition, type JobRunner } from './platform/jobs.ts';
import { createOutbox, OUTBOX_QUEUE, OUTBOX_SWEEP_QUEUE } from './platform/outbox.ts';
import { type FileStorage, localStorage, s3Storage } from './platform/storage.ts';

const SESSION_PURGE_QUEUE = 'sessions-purge';

/** SESSION_SECRET, or one generated on first start and kept in the data folder (single-machine setups). */
export function resolveCookieSecret(config: Config): string {
  if (config.sessionSecret) return config.sessionSecret;
  const file = path.join(config.dataDir, 'session-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const secret = crypto.randomBytes(48).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function createStorage(config: Config): FileStorage {
  return config.storage.kind === 's3' ? s3Storage(config.storage) : localStorage(config.storage.dir);
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
    enqueue: (queue, data) => jobs!.send(queue, data),
    enqueueMany: (queue, data) => jobs!.sendMany(queue, data),
  });
  const deps: AppDeps = {
    config,
    database,
    clock,
    ids,
    storage,
    outbox,
    jobs: null as unknown as JobRunner,
    cookieSecret: resolveCookieSecret(config),
  };
  const definitions: JobDefinition[] = [
    {
      queue: OUTBOX_QUEUE,
      handler: async (d) => outbox.deliver((d as { id: string }).id),
      retryLimit: 5,
      retryDelaySeconds: 30,
    },
    {
      queue: OUTBOX_SWEEP_QUEUE,
      handler: async () => void (await outbox.sweep()),
      schedule: '* * * * *',
      retryLimit: 0,
    },
    {
      queue: INSURED_IMPORT_QUEUE,
      handler: async (d) => insuredImportService(deps).run((d as { id: string }).id),
      retryLimit: 0,
    },
    {
      queue: SESSION_PURGE_QUEUE,
      handler: async () => authService(deps).purgeExpiredSessions(),
      schedule: '17 * * * *',
      retryLimit: 0,
    },
  ];
  jobs = createJobRunner(database, definitions, overrides.log ?? console);
  deps.jobs = jobs;
  return {
    deps,
    async close() {
      await jobs.stop();
      await database.close();
    },
  };
}
