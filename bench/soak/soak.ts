/**
 * The soak test (`npm run soak`, `-- --minutes 3` for a short run): two `remed start` processes behind a
 * balancer and one `remed worker` on a fresh PostgreSQL database, the FNS and YooKassa simulators, mixed
 * load (claims, price list uploads, chat, insured lists) with faults on a schedule (provider errors and
 * timeouts, SIGKILL and restart), then a bounded drain and a reconciliation from the database and the
 * provider's record. Exits 1 when a check fails. Local addresses only.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { seededRandom } from '../seeded-random.ts';
import { startBalancer } from './balancer.ts';
import { faultSchedule } from './faults.ts';
import { SoakClient } from './http-client.ts';
import { claimsLoop } from './load-claims.ts';
import { chatLoop, insuredImportLoop, priceListLoop } from './load-office.ts';
import { soakOptions } from './options.ts';
import { RemedProcess, runRemed } from './processes.ts';
import { drain, reconcile } from './reconcile.ts';
import { memoryCheck, memoryRows, printSummary } from './report.ts';
import { PASSWORD, seedWorld } from './seed.ts';
import { startSimulators } from './simulators.ts';
import { Tally } from './tally.ts';

const opts = soakOptions(process.argv.slice(2), process.env);
const random = seededRandom(opts.seed);
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dbName = `soak_${stamp}`;
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), `remed-soak-${stamp}-`));
const [lbPort, portA, portB, simPort] = [0, 1, 2, 3].map((n) => opts.basePort + n) as [
  number,
  number,
  number,
  number,
];
const base = `http://127.0.0.1:${lbPort}`;
const log = (m: string) => console.log(`[soak ${new Date().toISOString().slice(11, 19)}] ${m}`);

const admin = new pg.Client({ connectionString: opts.serverUrl });
await admin.connect();
await admin.query(`create database ${dbName}`);
const dbUrl = new URL(opts.serverUrl);
dbUrl.pathname = `/${dbName}`;
const db = new pg.Client({ connectionString: dbUrl.toString() });
const processes: RemedProcess[] = [];
let exitCode = 1;
let sims: Awaited<ReturnType<typeof startSimulators>> | null = null;
const balancer = startBalancer(lbPort, [portA, portB]);
try {
  log(`database ${dbName}, logs and files in ${runDir}`);
  sims = await startSimulators(simPort, `${base}/api/webhooks/yookassa`);
  const env: Record<string, string> = {
    DATABASE_URL: dbUrl.toString(),
    DATABASE_POOL_SIZE: '10',
    DATA_DIR: path.join(runDir, 'data'),
    SESSION_SECRET: crypto.randomBytes(32).toString('hex'),
    COOKIE_SECURE: 'false',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    LOGIN_RATE_PER_MINUTE: '10000',
    ...sims.env,
  };
  await runRemed('migrate', env);
  const world = await seedWorld(dbUrl.toString(), opts.people);
  log(`seeded ${world.people.length} insured people, two clinics, two programs`);

  const worker = new RemedProcess('worker', 'worker', { ...env, PORT: String(portA) }, runDir, null);
  const appProcess = (name: string, port: number) =>
    new RemedProcess(name, 'start', { ...env, PORT: String(port), RUN_WORKERS: 'false' }, runDir, port);
  const appA = appProcess('app-a', portA);
  const appB = appProcess('app-b', portB);
  processes.push(appA, appB, worker);
  for (const p of processes) await p.start();
  await balancer.listen();
  const sampler = setInterval(() => {
    for (const p of processes) p.sample();
  }, opts.sampleSeconds * 1000);
  for (const p of processes) p.sample();
  log('processes up: app-a, app-b (no jobs), worker');

  const signIn = async (login: string) => {
    const c = new SoakClient(base);
    await c.login(login, PASSWORD);
    return c;
  };
  const [doctor, clinic, insurer] = [
    await signIn(world.doctor),
    await signIn(world.clinicUser),
    await signIn(world.insurerUser),
  ];
  const people: { person: (typeof world.people)[number]; client: SoakClient }[] = [];
  for (const person of world.people) people.push({ person, client: await signIn(person.email) });
  log(`${people.length + 3} users signed in; load for ${opts.minutes} min`);

  const tally = new Tally();
  const durationMs = opts.minutes * 60_000;
  const deadline = Date.now() + durationMs;
  const until = () => Date.now() >= deadline;
  await db.connect();
  // Imports first: a long job is where a killed worker leaves work half done.
  const activeJob = async () =>
    (
      await db.query<{ name: string }>(
        `select name from pgboss.job where state = 'active' and name not like '\\_\\_%'
         order by name in ('insured-import', 'price-list-import') desc limit 1`,
      )
    ).rows[0]?.name ?? null;
  const faults = faultSchedule(durationMs, sims, { worker, app: appA }, activeJob);
  faults.start();
  const progress = setInterval(
    () => log(`claims acknowledged ${tally.acceptedClaims.size}, faults so far ${faults.events.length}`),
    60_000,
  );
  const office = { world, tally, until };
  await Promise.all([
    ...Array.from({ length: opts.clients }, (_, n) =>
      claimsLoop({
        people: people.filter((_, i) => i % opts.clients === n),
        doctor,
        world,
        sims: sims!,
        tally,
        until,
        thinkMs: [1_000, 3_000],
        random,
      }),
    ),
    priceListLoop(clinic, office, 20_000, 1_000),
    insuredImportLoop(insurer, office, 40_000, 300),
    chatLoop(clinic, office, 1_000),
  ]);
  clearInterval(progress);
  await faults.stop();
  log(`load over; waiting up to ${opts.drainSeconds} s for the queues to drain`);

  const drainS = await drain(db, opts.drainSeconds);
  for (const p of processes) p.sample();
  clearInterval(sampler);
  const { checks, byStatus } = await reconcile(db, [...sims.payouts.payouts.values()], tally);
  const warmupMs = Math.max(60_000, durationMs / 10);
  const memory = memoryRows(processes, warmupMs);
  checks.push(memoryCheck(memory, opts.maxRssRatio));
  checks.push({
    name: 'no unexpected answer from the API',
    ok: tally.problemCount === 0,
    detail: tally.problemCount ? `${tally.problemCount} (the first listed above)` : 'none',
  });
  printSummary({
    minutes: opts.minutes,
    acknowledged: tally.acceptedClaims.size,
    drainS,
    drainLimitS: opts.drainSeconds,
    byStatus,
    tallyLines: tally.lines(),
    problems: tally.problems,
    balancer: balancer.stats,
    events: faults.events,
    memory,
    maxRatio: opts.maxRssRatio,
    checks,
  });
  exitCode = checks.every((c) => c.ok) ? 0 : 1;
} catch (e) {
  console.error(e);
} finally {
  for (const p of processes) await p.stop().catch(() => undefined);
  await balancer.close();
  await sims?.close();
  await db.end().catch(() => undefined);
  if (opts.keep) log(`kept: database ${dbName}, folder ${runDir}`);
  else {
    await admin.query(`drop database if exists ${dbName} with (force)`);
    if (exitCode === 0) fs.rmSync(runDir, { recursive: true, force: true });
    else log(`process logs kept in ${runDir}`);
  }
  await admin.end();
}
process.exit(exitCode);
