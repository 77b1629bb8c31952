import type { SessionUser } from '@remed/core';
import { loadConfig } from '../apps/server/src/config.ts';
import type { Database } from '../apps/server/src/db/client.ts';
import type { Actor } from '../apps/server/src/platform/actor.ts';
import { createRuntime } from '../apps/server/src/runtime.ts';

/** The service's administrator may act for any clinic; the audit needs no user row behind the actor. */
export const benchAdmin: Actor = {
  user: { id: null, roles: ['admin'], clinics: [] } as unknown as SessionUser,
  requestId: null,
  ip: null,
};

/** The server's runtime over the benchmark's database, silent, its job queues not started. */
export function silentRuntime(dir: string, database: Database) {
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
  return createRuntime(config, { database, log: { error: () => undefined } });
}

/** The server's runtime over the benchmark's database, silent, its job queues created but no workers. */
export async function benchRuntime(dir: string, database: Database) {
  const rt = await silentRuntime(dir, database);
  await rt.deps.jobs.start({ work: false });
  return rt;
}

/** The highest RSS seen, sampled every 25 ms; `restart()` starts over from the RSS now. */
export function sampleRss() {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  return {
    get peak() {
      return peak;
    },
    restart() {
      peak = process.memoryUsage().rss;
      return peak;
    },
    stop: () => clearInterval(timer),
  };
}

const mb = (bytes: number) => bytes / 1024 / 1024;

/**
 * The figures of an import benchmark: the import's rate against the bare-insert baseline, and the peak RSS;
 * `phases` names what else was timed. The last line holds the figures as key=value, as bench/README.md quotes them.
 */
export function reportImport(
  metric: string,
  f: {
    rows: number;
    seconds: number;
    baselineS: number;
    peakRss: number;
    rssBefore: number;
    phases?: string;
  },
) {
  const rate = f.rows / f.seconds;
  const baseline = f.rows / f.baselineS;
  console.log(
    `import: ${f.seconds.toFixed(2)} s, ${Math.round(rate)} rows/s; ${f.phases ?? ''}baseline bare insert: ${f.baselineS.toFixed(2)} s`,
  );
  console.log(
    `peak RSS during import: ${mb(f.peakRss).toFixed(0)} MB (before: ${mb(f.rssBefore).toFixed(0)} MB)`,
  );
  console.log(
    `${metric}_rows_per_s=${Math.round(rate)} peak_rss_mb=${Math.round(mb(f.peakRss))} baseline_rows_per_s=${Math.round(baseline)} ratio=${(rate / baseline).toFixed(3)}`,
  );
}

/** The command line of a benchmark: `--name` flags and `--name N` options. */
export function benchArgs(argv: readonly string[] = process.argv.slice(2)) {
  return {
    flag: (name: string) => argv.includes(`--${name}`),
    option: (name: string, fallback: number) => {
      const at = argv.indexOf(`--${name}`);
      return at >= 0 ? Number(argv[at + 1]) : fallback;
    },
  };
}

/** `--pglite` runs on PGlite; else on the PostgreSQL server at BENCH_DATABASE_URL, the local one by default. */
export function chooseBenchDatabase(pglite: boolean) {
  if (pglite) delete process.env.BENCH_DATABASE_URL;
  else process.env.BENCH_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** The p-th percentile of the samples: the smallest one that at least p % of them do not exceed. */
export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/** Milliseconds as printed: two decimals below 10, one above. */
export const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1);

/** How long `f` took, in milliseconds. */
export async function timed(f: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** Runs `f(i)` for i = 0…total-1, `n` at a time. */
export async function pool(n: number, total: number, f: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < total) await f(next++);
    }),
  );
}
