import PgBoss from 'pg-boss';
import type { Database } from '../db/client.ts';

export type JobHandler<T> = (data: T, meta: { id: string; retryCount: number }) => Promise<void>;

export interface JobDefinition<T = unknown> {
  queue: string;
  handler: JobHandler<T>;
  /** Cron expression (UTC) for periodic sweeps. */
  schedule?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
}

export interface SendOptions {
  /** Jobs with the same key are queued once (pg-boss singletonKey). */
  singletonKey?: string;
  startAfterSeconds?: number;
  /**
   * At most one job per this many seconds (per singletonKey): the first runs at once, any sent while the
   * slot is taken become one job in the next slot. For recomputations many events can ask for at once.
   */
  debounceSeconds?: number;
}

/** pg-boss behind a small port: embedded on PGlite, shared by `remed worker` processes on PostgreSQL. */
export interface JobRunner {
  start(opts: { work: boolean }): Promise<void>;
  send<T extends object>(queue: string, data: T, opts?: SendOptions): Promise<string | null>;
  /** Queues many jobs in one statement (bulk notifications after an import). */
  sendMany<T extends object>(queue: string, data: T[]): Promise<void>;
  stop(): Promise<void>;
  readonly started: boolean;
}

function pgliteAdapter(database: Database) {
  const client = database.pglite!;
  return {
    // pg-boss sends multi-statement scripts without parameters; the extended protocol refuses those.
    executeSql: async (text: string, values?: unknown[]) => {
      if (values && values.length > 0) return client.query(text, values);
      const results = await client.exec(text);
      return results[results.length - 1] ?? { rows: [], fields: [] };
    },
  };
}

export function createJobRunner(
  database: Database,
  definitions: JobDefinition[],
  log: { error(obj: unknown, msg?: string): void },
): JobRunner {
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({
          db: pgliteAdapter(database),
          supervise: true,
          schedule: true,
        } as PgBoss.ConstructorOptions)
      : new PgBoss({ connectionString: database.url!, max: 4 });
  boss.on('error', (e) => log.error({ err: e }, 'job runner error'));
  let started = false;

  return {
    get started() {
      return started;
    },
    async start({ work }) {
      await boss.start();
      for (const def of definitions) {
        await boss.createQueue(def.queue, {
          name: def.queue,
          retryLimit: def.retryLimit ?? 5,
          retryDelay: def.retryDelaySeconds ?? 10,
          retryBackoff: true,
        });
      }
      if (work) {
        for (const def of definitions) {
          await boss.work(def.queue, { pollingIntervalSeconds: 1 }, async (jobs) => {
            for (const job of jobs) {
              await def.handler(job.data, {
                id: job.id,
                retryCount: (job as { retryCount?: number }).retryCount ?? 0,
              });
            }
          });
          if (def.schedule) await boss.schedule(def.queue, def.schedule, {});
        }
      }
      started = true;
    },
    async send(queue, data, opts) {
      return boss.send(queue, data, {
        ...(opts?.singletonKey ? { singletonKey: opts.singletonKey } : {}),
        ...(opts?.startAfterSeconds ? { startAfter: opts.startAfterSeconds } : {}),
        ...(opts?.debounceSeconds ? { singletonSeconds: opts.debounceSeconds, singletonNextSlot: true } : {}),
      });
    },
    async sendMany(queue, data) {
      for (let i = 0; i < data.length; i += 1000) {
        await boss.insert(data.slice(i, i + 1000).map((d) => ({ name: queue, data: d })));
      }
    },
    async stop() {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
