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

/** The server's runtime over the benchmark's database, silent, its job queues created but no workers. */
export async function benchRuntime(dir: string, database: Database) {
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const rt = await createRuntime(config, { database, log: { error: () => undefined } });
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
