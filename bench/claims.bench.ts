/**
 * Claims over HTTP on PostgreSQL: N concurrent insured clients each submit receipts (QR strings) for their
 * letters; every request goes through session, CSRF, the receipt fetched from the FNS service over HTTP,
 * adjudication, the ledger and the payout row with its job; the workers of the same process then pay by
 * YooKassa. Baseline in the same run and server: an authenticated endpoint that inserts one row.
 * The clients and the outside systems (simulators, zero latency) run in processes of their own, as they would
 * on other machines. Creates its own database at BENCH_DATABASE_URL and drops it.
 */

import { type ChildProcess, fork } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { openPostgres } from '../apps/server/src/db/client.ts';
import {
  clinics,
  guaranteeLetterItems,
  guaranteeLetters,
  programClinics,
  users,
} from '../apps/server/src/db/schema/index.ts';
import { aggregatorReceiptSource } from '../apps/server/src/integrations/fns/aggregator-client.ts';
import { yookassaPayoutProvider } from '../apps/server/src/integrations/payouts/yookassa-client.ts';
import { insertPublishedVersion } from '../apps/server/src/modules/price-lists/price-list-versions.queries.ts';
import { hashPassword } from '../apps/server/src/platform/passwords.ts';
import { createRuntime } from '../apps/server/src/runtime.ts';
import { insertBenchCase, insertBenchInsured } from './bench-people.ts';
import { insertBenchProgram } from './bench-program.ts';
import type { PhaseResult } from './claims/load.worker.ts';
import {
  CLINIC_INN,
  emailOf,
  PASSWORD,
  PAYOUT_CREDENTIALS,
  PRICE,
  SERVICE_NAME,
  SIM_TOKEN,
  type Workload,
} from './claims/workload.ts';
import { simulatorSettings } from './outside-systems.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const PER_CLIENT = Number(process.env.BENCH_CLAIMS_PER_CLIENT ?? 40);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `remed_bench_claims_${process.pid}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remed-bench-claims-'));
const workload: Workload = {
  clients: CLIENTS,
  perClient: PER_CLIENT,
  day: new Date().toISOString().slice(0, 10),
};

const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`create database ${dbName}`);
const dbUrl = new URL(url);
dbUrl.pathname = `/${dbName}`;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/** A process of its own for one side of the benchmark, and its messages one at a time. */
function thread(file: string, data: unknown) {
  const worker: ChildProcess = fork(fileURLToPath(new URL(file, import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_WORKER_DATA: JSON.stringify(data) },
  });
  const queue: unknown[] = [];
  const waiting: ((m: unknown) => void)[] = [];
  worker.on('message', (m) => (waiting.length ? waiting.shift()!(m) : queue.push(m)));
  worker.on('exit', (code) => {
    if (code) {
      console.error(`${file} stopped with code ${code}`);
      process.exit(1);
    }
  });
  const next = <T>() =>
    new Promise<T>((resolve) =>
      queue.length ? resolve(queue.shift() as T) : waiting.push(resolve as never),
    );
  return { worker, next };
}

let exitCode = 0;
try {
  const port = 3300 + (process.pid % 500);
  const base = `http://127.0.0.1:${port}`;
  const sims = thread('./claims/simulators.worker.ts', {
    workload,
    webhookUrl: `${base}/api/webhooks/yookassa`,
  });
  const simBase = `http://127.0.0.1:${(await sims.next<{ port: number }>()).port}`;
  const config = loadConfig({
    DATABASE_URL: dbUrl.toString(),
    DATABASE_POOL_SIZE: '20',
    DATA_DIR: dir,
    PORT: String(port),
    LOG_LEVEL: 'silent',
    LOGIN_RATE_PER_MINUTE: '10000',
    ...simulatorSettings(simBase, SIM_TOKEN, PAYOUT_CREDENTIALS),
  });
  const database = await openPostgres(config.database.kind === 'postgres' ? config.database.url : '', 20);
  const rt = await createRuntime(config, {
    database,
    log: { error: () => undefined },
    receiptSource: aggregatorReceiptSource({
      baseUrl: `${simBase}/sim/fns`,
      token: SIM_TOKEN,
      timeoutMs: 5000,
    }),
    payoutProvider: yookassaPayoutProvider({
      baseUrl: `${simBase}/sim/yookassa`,
      ...PAYOUT_CREDENTIALS,
      timeoutMs: 5000,
    }),
  });
  const app = await buildApp(rt.deps);
  await database.query(
    'create table bench_baseline (id uuid primary key, at timestamptz not null, body jsonb not null)',
  );
  app.post('/api/bench/baseline', { config: { access: 'authenticated' } }, async (req) => {
    await database.query('insert into bench_baseline values ($1, now(), $2)', [
      crypto.randomUUID(),
      JSON.stringify(req.body ?? {}),
    ]);
    return { ok: true };
  });
  await app.listen({ host: '127.0.0.1', port });
  await rt.deps.jobs.start({ work: true });
  // Data: one clinic, one program, CLIENTS insured people with one letter each (enough quantity for all their receipts).
  const db = database.db;
  const ids = rt.deps.ids;
  const now = new Date();
  const [clinicId, doctorId] = [1, 2].map(() => ids.uuid()) as string[];
  const programId = await insertBenchProgram(db, ids, {
    name: 'Бенчмарк',
    validFrom: '2020-01-01',
    validTo: '2099-12-31',
    coveredPrefixes: ['B01.'],
    createdAt: now,
  });
  await db
    .insert(clinics)
    .values({ id: clinicId!, inn: CLINIC_INN, name: 'ООО «Клиника»', shortName: 'Клиника' });
  await db.insert(programClinics).values({ programId, clinicId: clinicId! });
  await insertPublishedVersion(db, ids, {
    clinicId: clinicId!,
    number: 1,
    effectiveFrom: '2020-01-01',
    at: now,
    rows: [['1.01', 'B01.047.002', SERVICE_NAME, PRICE]],
  });
  const hash = await hashPassword(PASSWORD, 12);
  await db.insert(users).values({
    id: doctorId!,
    fullName: 'Врач',
    email: 'doctor@bench.ru',
    passwordHash: hash,
    roles: ['console_doctor'],
    createdAt: now,
    updatedAt: now,
  });
  const people: { email: string; letterId: string }[] = [];
  for (let c = 0; c < CLIENTS; c++) {
    const userId = ids.uuid();
    const personId = ids.uuid();
    const policyId = ids.uuid();
    const requestId = ids.uuid();
    const caseId = ids.uuid();
    const letterId = ids.uuid();
    const email = emailOf(c);
    await db.insert(users).values({
      id: userId,
      fullName: `Застрахованный ${c}`,
      email,
      passwordHash: hash,
      roles: ['insured'],
      createdAt: now,
      updatedAt: now,
    });
    await insertBenchInsured(db, now, {
      personId,
      policyId,
      policyNumber: `Б-${c}`,
      programId,
      phone: `+7916${String(c).padStart(7, '0')}`,
      payout: { userId, phone: `+7916${String(c).padStart(7, '1')}` },
    });
    await insertBenchCase(db, now, {
      requestId,
      caseId,
      personId,
      policyId,
      doctorId: doctorId!,
      complaint: '—',
      requestStatus: 'closed',
      caseStatus: 'letter_issued',
    });
    await db.insert(guaranteeLetters).values({
      id: letterId,
      number: `ГП-Б-${c}`,
      caseId,
      policyId,
      insuredPersonId: personId,
      clinicId: clinicId!,
      validFrom: '2020-01-01',
      validUntil: '2099-12-31',
      status: 'issued',
      franchisePercent: 0,
      cashbackPercent: 5,
      remainingLimit: null,
      total: PRICE * 50,
      issuedAt: now,
      issuedBy: doctorId!,
    });
    await db.insert(guaranteeLetterItems).values({
      letterId,
      line: 1,
      serviceCode: 'B01.047.002',
      clinicCode: '1.01',
      name: SERVICE_NAME,
      price: PRICE,
      quantity: 50,
    });
    people.push({ email, letterId });
  }

  const load = thread('./claims/load.worker.ts', { workload, base, letters: people.map((p) => p.letterId) });
  await load.next();
  const summary = async (phase: 'baseline' | 'claims') => {
    load.worker.send({ phase, perClient: PER_CLIENT });
    const r = await load.next<PhaseResult>();
    if (r.firstFailure) console.error(`${phase}: first failure ${r.firstFailure}`);
    return {
      rps: r.latencies.length / r.seconds,
      p50: percentile(r.latencies, 50),
      p99: percentile(r.latencies, 99),
      failures: r.failures,
      seconds: r.seconds,
    };
  };
  const baseline = await summary('baseline');
  const claimsRun = await summary('claims');

  // The payouts the requests queued are then made by the workers: how long until the last one is paid.
  const drainStart = performance.now();
  const paidCount = async () =>
    Number(
      (
        await database.query<{ n: string }>(
          "select count(*)::text as n from payouts where status = 'succeeded'",
        )
      ).rows[0]!.n,
    );
  while ((await paidCount()) < CLIENTS * PER_CLIENT && performance.now() - drainStart < 120_000)
    await new Promise((r) => setTimeout(r, 200));
  const drainSeconds = (performance.now() - drainStart) / 1000;

  const statuses = await database.query<{ status: string; n: string }>(
    'select status, count(*)::text as n from claims group by status order by status',
  );
  const paid = await paidCount();
  console.log(
    `clients=${CLIENTS} claims=${CLIENTS * PER_CLIENT} on PostgreSQL; claim statuses: ${statuses.rows.map((r) => `${r.status}=${r.n}`).join(' ')}`,
  );
  console.log(
    `payouts paid by the workers: ${paid}; the last one ${drainSeconds.toFixed(1)} s after the last request (${(paid / (claimsRun.seconds + drainSeconds)).toFixed(0)} payouts/s overall)`,
  );
  console.log(
    `baseline (authenticated one-row insert): ${baseline.rps.toFixed(0)} req/s, p50 ${baseline.p50.toFixed(1)} ms, p99 ${baseline.p99.toFixed(1)} ms, failures ${baseline.failures}`,
  );
  console.log(
    `claims: ${claimsRun.rps.toFixed(0)} /s in ${claimsRun.seconds.toFixed(1)} s, p50 ${claimsRun.p50.toFixed(1)} ms, p99 ${claimsRun.p99.toFixed(1)} ms, failures ${claimsRun.failures}`,
  );
  console.log(
    `claims_per_s=${claimsRun.rps.toFixed(0)} p50_ms=${claimsRun.p50.toFixed(1)} p99_ms=${claimsRun.p99.toFixed(1)} baseline_rps=${baseline.rps.toFixed(0)} ratio=${(claimsRun.rps / baseline.rps).toFixed(3)}`,
  );
  if (claimsRun.failures || baseline.failures || paid !== CLIENTS * PER_CLIENT) exitCode = 1;
  load.worker.send('close');
  await app.close();
  await rt.close();
  sims.worker.send('close');
  await sims.next();
} catch (e) {
  console.error(e);
  exitCode = 1;
} finally {
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
