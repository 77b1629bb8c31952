import { type SQLWrapper, sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { type Database, sqlRows } from '../db/client.ts';

export type JobHandler<T> = (data: T, meta: { id: string; retryCount: number }) => Promise<void>;

export interface JobDefinition<T = unknown> {
  queue: string;
  handler: JobHandler<T>;
  /** Cron expression (UTC) for periodic sweeps. */
  schedule?: string;
  /**
   * Retries of a failed job, stated for every queue (pg-boss keeps a queue's settings from its creation, so
   * each start writes them again). The retry delay doubles each time.
   */
  retryLimit: number;
  retryDelaySeconds: number;
  /** A job still active this long after it started is taken for lost (its worker died) and retried or failed. */
  expireSeconds: number;
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
 * A job for `jobWrite`; `debounce` runs it at most once per that many seconds, at the end of the slot of the
 * latest write (a statement of many writes cannot run the first at once, as `send` with `debounceSeconds` does).
 */
export interface QueuedJob {
  queue: string;
  data: object;
  debounce?: { key: string; seconds: number };
}

/**
 * A job written by the transaction of the change that needs it, so that the job exists exactly when the
 * change committed (a transactional outbox) and costs no round trip of its own. It is pg-boss 10's own row
 * (`pgboss.job`, partitioned by queue, with the queue's retry settings from `pgboss.queue`), which the pinned
 * pg-boss version creates; a queue that was never created fails the whole transaction instead of losing the
 * job. The worker tests take such jobs end to end.
 */
export function jobWrite(job: QueuedJob): SQLWrapper {
  const { queue, data, debounce } = job;
  // Debounced: one job per time slot and key (pg-boss's singleton columns), starting when the slot ends.
  const slot = debounce
    ? sql`'epoch'::timestamp + ${`${debounce.seconds} seconds`}::interval * floor(extract(epoch from now()) / ${debounce.seconds})`
    : sql`null`;
  const startAfter = debounce
    ? sql`'epoch'::timestamptz + ${`${debounce.seconds} seconds`}::interval * (floor(extract(epoch from now()) / ${debounce.seconds}) + 1)`
    : sql`now()`;
  return sql`insert into pgboss.job (name, data, retry_limit, retry_delay, retry_backoff, expire_in, keep_until, dead_letter, policy,
      singleton_key, singleton_on, start_after)
    select ${queue}, ${JSON.stringify(data)}::jsonb, coalesce(q.retry_limit, 2),
      case when coalesce(q.retry_backoff, false) then greatest(coalesce(q.retry_delay, 0), 1) else coalesce(q.retry_delay, 0) end,
      coalesce(q.retry_backoff, false),
      coalesce(q.expire_seconds * interval '1 second', interval '15 minutes'),
      now() + coalesce(q.retention_minutes * interval '1 minute', interval '14 days'),
      q.dead_letter, q.policy, ${debounce?.key ?? null}, ${slot}, ${startAfter}
    from (select 1) one left join pgboss.queue q on q.name = ${queue}
    on conflict do nothing`;
}

/** Of these ids, those that a job of `queue` (data `{ id }`) still waits for or works on. */
export async function withLiveJob(database: Database, queue: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await sqlRows<{ id: string }>(
    database.db,
    sql`select distinct data->>'id' as id from pgboss.job
        where name = ${queue} and state in ('created', 'retry', 'active') and data->>'id' = any(${sql.param(ids)}::text[])`,
  );
  return new Set(rows.map((r) => r.id));
}

/** pg-boss behind a small port: embedded on PGlite, shared by `remed worker` processes on PostgreSQL. */
export interface JobRunner {
  start(opts: { work: boolean }): Promise<void>;
  send<T extends object>(queue: string, data: T, opts?: SendOptions): Promise<string | null>;
  /** Queues jobs, of one queue or several, in one statement: the side effects of one use case. */
  sendAll(jobs: { queue: string; data: object }[]): Promise<void>;
  /** After a commit that wrote jobs with `jobWrite`: this process's workers take them at once. */
  wake(queues: Iterable<string>): void;
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

type JobLog = { error(obj: unknown, msg?: string): void };

function createBoss(database: Database, log: JobLog) {
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({
          db: pgliteAdapter(database),
          supervise: true,
          schedule: true,
        } as PgBoss.ConstructorOptions)
      : new PgBoss({ connectionString: database.url!, max: 4 });
  boss.on('error', (e) => log.error({ err: e }, 'job runner error'));
  return boss;
}

async function declareQueue(boss: PgBoss, def: JobDefinition) {
  const settings = {
    name: def.queue,
    retryLimit: def.retryLimit,
    retryDelay: def.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: def.expireSeconds,
  };
  await boss.createQueue(def.queue, settings);
  // createQueue leaves an existing queue as it was: settings changed since then are written here.
  await boss.updateQueue(def.queue, settings);
}

/** Starts this process's worker of one queue; returns the worker's id. */
async function startWorker(boss: PgBoss, def: JobDefinition, log: JobLog): Promise<string> {
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
  return workerId;
}

export function createJobRunner(database: Database, definitions: JobDefinition[], log: JobLog): JobRunner {
  const boss = createBoss(database, log);
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
      for (const def of definitions) await declareQueue(boss, def);
      if (work) {
        for (const def of definitions) {
          localWorkers.set(def.queue, await startWorker(boss, def, log));
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
    wake(queues) {
      for (const queue of new Set(queues)) wake(queue);
    },
    async sendAll(jobs) {
      if (!jobs.length) return;
      await boss.insert(jobs.map((j) => ({ name: j.queue, data: j.data })));
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
