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
  /** Jobs of this queue one process works on at once (default 10); 1 where jobs must run one by one. */
  concurrency?: number;
}

export interface SendOptions {
  /** Jobs with the same key are queued once (pg-boss singletonKey). */
  singletonKey?: string;
  startAfterSeconds?: number;
  /**
   * At most one job per this many seconds (per singletonKey): the first runs at once, any sent while the
   * slot is taken become one job in the next slot.
   */
  debounceSeconds?: number;
}

/**
 * A job for `sendAll`; `debounce` runs it at most once per that many seconds, at the end of the slot of the
 * latest send (one statement for many jobs cannot run the first at once, as `send` with `debounceSeconds` does).
 */
export interface QueuedJob {
  queue: string;
  data: object;
  debounce?: { key: string; seconds: number };
}

/** pg-boss behind a small port: embedded on PGlite, shared by `remed worker` processes on PostgreSQL. */
export interface JobRunner {
  start(opts: { work: boolean }): Promise<void>;
  send<T extends object>(queue: string, data: T, opts?: SendOptions): Promise<string | null>;
  /** Queues jobs, of one queue or several, in one statement: the side effects of one use case. */
  sendAll(jobs: QueuedJob[]): Promise<void>;
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

const DEFAULT_CONCURRENCY = 10;

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
  const localWorkers = new Map<string, string>();
  /** A job queued by this process is picked up at once by this process's worker, not at its next poll. */
  const wake = (queue: string) => {
    const id = localWorkers.get(queue);
    if (id) boss.notifyWorker(id);
  };

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
          const batchSize = def.concurrency ?? DEFAULT_CONCURRENCY;
          const workerId = await boss.work<unknown>(
            def.queue,
            { pollingIntervalSeconds: 1, batchSize },
            async (jobs) => {
              // Each job succeeds or fails on its own: a failing payout must not send the others back.
              await Promise.all(
                jobs.map(async (job) => {
                  try {
                    await def.handler(job.data, {
                      id: job.id,
                      retryCount: (job as { retryCount?: number }).retryCount ?? 0,
                    });
                  } catch (e) {
                    log.error({ err: e, queue: def.queue, jobId: job.id }, 'job failed');
                    await boss.fail(def.queue, job.id, { message: (e as Error).message });
                  }
                }),
              );
              // pg-boss pauses a polling interval after every fetch; a full batch means more are waiting.
              if (jobs.length === batchSize) boss.notifyWorker(workerId);
            },
          );
          localWorkers.set(def.queue, workerId);
          if (def.schedule) await boss.schedule(def.queue, def.schedule, {});
        }
      }
      started = true;
    },
    async send(queue, data, opts) {
      const id = await boss.send(queue, data, {
        ...(opts?.singletonKey ? { singletonKey: opts.singletonKey } : {}),
        ...(opts?.startAfterSeconds ? { startAfter: opts.startAfterSeconds } : {}),
        ...(opts?.debounceSeconds ? { singletonSeconds: opts.debounceSeconds, singletonNextSlot: true } : {}),
      });
      if (!opts?.startAfterSeconds) wake(queue);
      return id;
    },
    async sendAll(jobs) {
      if (!jobs.length) return;
      await boss.insert(
        jobs.map((j) => {
          if (!j.debounce) return { name: j.queue, data: j.data };
          // One job per time slot (pg-boss singleton), starting when the slot ends: later sends in the slot
          // are already covered by it.
          const slotMs = j.debounce.seconds * 1000;
          return {
            name: j.queue,
            data: j.data,
            singletonKey: j.debounce.key,
            singletonSeconds: j.debounce.seconds,
            startAfter: new Date(Math.ceil((Date.now() + 1) / slotMs) * slotMs),
          };
        }),
      );
      for (const queue of new Set(jobs.map((j) => j.queue))) wake(queue);
    },
    async stop() {
      if (!started) return;
      started = false;
      localWorkers.clear();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
