import { parseArgs } from 'node:util';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

interface SoakOptions {
  minutes: number;
  keep: boolean;
  /** Concurrent insured people submitting receipts. */
  clients: number;
  people: number;
  drainSeconds: number;
  sampleSeconds: number;
  maxRssRatio: number;
  basePort: number;
  serverUrl: string;
  seed: number;
}

/** Command-line flags first, then SOAK_* variables, then defaults; only local addresses are accepted. */
export function soakOptions(argv: string[], env: NodeJS.ProcessEnv): SoakOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      minutes: { type: 'string' },
      keep: { type: 'boolean', default: false },
      clients: { type: 'string' },
      people: { type: 'string' },
      'drain-seconds': { type: 'string' },
      'sample-seconds': { type: 'string' },
      'max-rss-ratio': { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const num = (flag: string | undefined, name: string, fallback: number, min: number, max: number) => {
    const raw = flag ?? env[name];
    const v = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isFinite(v) || v < min || v > max)
      throw new Error(`${name}: число от ${min} до ${max}, получено «${raw}»`);
    return v;
  };
  const serverUrl = env.SOAK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (!LOCAL_HOSTS.has(new URL(serverUrl).hostname))
    throw new Error(
      `SOAK_DATABASE_URL: только локальный сервер PostgreSQL (127.0.0.1), получено ${new URL(serverUrl).hostname}`,
    );
  const options: SoakOptions = {
    minutes: num(values.minutes, 'SOAK_MINUTES', 20, 1, 24 * 60),
    keep: values.keep || env.SOAK_KEEP === 'true',
    clients: num(values.clients, 'SOAK_CLIENTS', 8, 1, 200),
    people: num(values.people, 'SOAK_PEOPLE', 40, 1, 10_000),
    drainSeconds: num(values['drain-seconds'], 'SOAK_DRAIN_SECONDS', 300, 10, 3600),
    sampleSeconds: num(values['sample-seconds'], 'SOAK_SAMPLE_SECONDS', 10, 1, 600),
    maxRssRatio: num(values['max-rss-ratio'], 'SOAK_MAX_RSS_RATIO', 1.5, 1, 100),
    basePort: num(undefined, 'SOAK_BASE_PORT', 3260, 1024, 65_000),
    serverUrl,
    seed: num(values.seed, 'SOAK_SEED', 1, 0, 2 ** 31),
  };
  if (options.people < options.clients) throw new Error('SOAK_PEOPLE: не меньше SOAK_CLIENTS');
  return options;
}
