/**
 * Claims over HTTP on PostgreSQL: N concurrent insured clients each submit receipts (QR strings) for their
 * letters; every request goes through session, CSRF, receipt fetch from the simulated FNS over HTTP,
 * adjudication, the ledger and the payout row with its job. Baseline in the same run and server: an
 * authenticated endpoint that inserts one row. Creates its own database at BENCH_DATABASE_URL and drops it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { formatQr } from '@remed/core';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { openPostgres } from '../apps/server/src/db/client.ts';
import {
  clinics,
  contracts,
  guaranteeLetterItems,
  guaranteeLetters,
  helpRequests,
  insuredPersons,
  insurers,
  medicalCases,
  policies,
  policyholders,
  programClinics,
  programs,
  users,
} from '../apps/server/src/db/schema/index.ts';
import { aggregatorReceiptSource } from '../apps/server/src/integrations/fns/aggregator-client.ts';
import { yookassaPayoutProvider } from '../apps/server/src/integrations/payouts/yookassa-client.ts';
import { insertPublishedVersion } from '../apps/server/src/modules/price-lists/price-lists.repository.ts';
import { hashPassword } from '../apps/server/src/platform/passwords.ts';
import { createRuntime } from '../apps/server/src/runtime.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const PER_CLIENT = Number(process.env.BENCH_CLAIMS_PER_CLIENT ?? 40);
const BASELINE_REQUESTS = CLIENTS * PER_CLIENT;
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `remed_bench_claims_${process.pid}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remed-bench-claims-'));

const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`create database ${dbName}`);
const dbUrl = new URL(url);
dbUrl.pathname = `/${dbName}`;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

class Client {
  cookies = '';
  csrf = '';
  constructor(readonly base: string) {}
  private keep(res: Response) {
    const set = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
    const jar = new Map(
      this.cookies
        .split('; ')
        .filter(Boolean)
        .map((c) => [c.split('=')[0]!, c] as const),
    );
    for (const c of set) jar.set(c.split('=')[0]!, c);
    this.cookies = [...jar.values()].join('; ');
  }
  async call(method: string, p: string, body?: unknown) {
    const res = await fetch(`${this.base}${p}`, {
      method,
      headers: {
        cookie: this.cookies,
        'x-csrf-token': this.csrf,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    this.keep(res);
    return res;
  }
  async login(login: string, password: string) {
    this.csrf = (
      (await (await this.call('GET', '/api/auth/csrf')).json()) as { csrfToken: string }
    ).csrfToken;
    const r = await this.call('POST', '/api/auth/login', { login, password });
    if (r.status !== 200) throw new Error(`login ${r.status}`);
  }
}

let exitCode = 0;
try {
  const port = 3300 + (process.pid % 500);
  const config = loadConfig({
    DATABASE_URL: dbUrl.toString(),
    DATABASE_POOL_SIZE: '20',
    DATA_DIR: dir,
    PORT: String(port),
    LOG_LEVEL: 'silent',
    LOGIN_RATE_PER_MINUTE: '10000',
  });
  const database = await openPostgres(config.database.kind === 'postgres' ? config.database.url : '', 20);
  const base = `http://127.0.0.1:${port}`;
  const rt = await createRuntime(config, {
    database,
    log: { error: () => undefined },
    receiptSource: aggregatorReceiptSource({
      baseUrl: `${base}/sim/fns`,
      token: config.receipts.token,
      timeoutMs: 5000,
    }),
    payoutProvider: yookassaPayoutProvider({
      baseUrl: `${base}/sim/yookassa`,
      agentId: config.payouts.agentId,
      secretKey: config.payouts.secretKey,
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
  const boundPort = (app.server.address() as AddressInfo).port;
  if (boundPort !== port) throw new Error('port mismatch');

  // Data: one clinic, one program, CLIENTS insured people with one letter each (enough quantity for all their receipts).
  const db = database.db;
  const ids = rt.deps.ids;
  const now = new Date();
  const day = now.toISOString().slice(0, 10);
  const [insurerId, holderId, contractId, programId, clinicId, doctorId] = [1, 2, 3, 4, 5, 6].map(() =>
    ids.uuid(),
  ) as string[];
  const clinicInn = '7715000562';
  await db.insert(insurers).values({ id: insurerId!, name: 'СК', inn: '7701000121' });
  await db.insert(policyholders).values({ id: holderId!, name: 'ООО', inn: '7702000340' });
  await db.insert(contracts).values({
    id: contractId!,
    insurerId: insurerId!,
    policyholderId: holderId!,
    number: '1',
    validFrom: '2020-01-01',
    validTo: '2099-12-31',
    createdAt: now,
  });
  await db.insert(programs).values({
    id: programId!,
    contractId: contractId!,
    code: 'B',
    name: 'Бенчмарк',
    coveredPrefixes: ['B01.'],
    accessTypes: ['letter'],
    createdAt: now,
  });
  await db
    .insert(clinics)
    .values({ id: clinicId!, inn: clinicInn, name: 'ООО «Клиника»', shortName: 'Клиника' });
  await db.insert(programClinics).values({ programId: programId!, clinicId: clinicId! });
  await insertPublishedVersion(db, ids, {
    clinicId: clinicId!,
    number: 1,
    effectiveFrom: '2020-01-01',
    at: now,
    rows: [['1.01', 'B01.047.002', 'Прием (осмотр, консультация) врача-терапевта повторный', 210_000n]],
  });
  const hash = await hashPassword('Bench-password-1', 12);
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
    const email = `p${c}@bench.ru`;
    await db.insert(users).values({
      id: userId,
      fullName: `Застрахованный ${c}`,
      email,
      passwordHash: hash,
      roles: ['insured'],
      createdAt: now,
      updatedAt: now,
    });
    await db.insert(insuredPersons).values({
      id: personId,
      lastName: 'Петров',
      firstName: 'Иван',
      birthDate: '1980-01-01',
      sex: 'male',
      phone: `+7916${String(c).padStart(7, '0')}`,
      userId,
      payoutPhone: `+7916${String(c).padStart(7, '1')}`,
      payoutBankId: '100000000111',
      createdAt: now,
      updatedAt: now,
    });
    await db.insert(policies).values({
      id: policyId,
      number: `Б-${c}`,
      programId: programId!,
      insuredPersonId: personId,
      validFrom: '2020-01-01',
      validTo: '2099-12-31',
      createdAt: now,
      updatedAt: now,
    });
    await db.insert(helpRequests).values({
      id: requestId,
      insuredPersonId: personId,
      channel: 'phone',
      complaint: '—',
      status: 'closed',
      createdAt: now,
    });
    await db.insert(medicalCases).values({
      id: caseId,
      requestId,
      insuredPersonId: personId,
      policyId,
      doctorId: doctorId!,
      complaints: '—',
      status: 'letter_issued',
      createdAt: now,
      updatedAt: now,
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
      total: 210_000n * 50n,
      issuedAt: now,
      issuedBy: doctorId!,
    });
    await db.insert(guaranteeLetterItems).values({
      letterId,
      line: 1,
      serviceCode: 'B01.047.002',
      clinicCode: '1.01',
      name: 'Прием (осмотр, консультация) врача-терапевта повторный',
      price: 210_000n,
      quantity: 50,
    });
    people.push({ email, letterId });
  }

  // Receipts, registered with the simulated FNS: one visit each, paid at the letter's price.
  const store = rt.deps.simulators!.receipts;
  let fd = 1;
  const qrs = people.map(() =>
    Array.from({ length: PER_CLIENT }, () => {
      const i = fd++;
      const dateTime = `${day}T10:${String(i % 60).padStart(2, '0')}:00`;
      store.register({
        fiscalDriveNumber: '9960440301234567',
        fiscalDocumentNumber: i,
        fiscalSign: 100_000 + i,
        dateTime,
        operationType: 1,
        userInn: `${clinicInn}  `,
        user: 'ООО «Клиника»',
        totalSum: 210_000,
        cashTotalSum: 0,
        ecashTotalSum: 210_000,
        prepaidSum: 0,
        creditSum: 0,
        provisionSum: 0,
        items: [
          {
            name: '1.01 Прием (осмотр, консультация) врача-терапевта повторный',
            price: 210_000,
            quantity: 1,
            sum: 210_000,
            nds: 6,
            paymentType: 4,
            productType: 4,
          },
        ],
      });
      return formatQr({ dateTime, sum: 210_000, fn: '9960440301234567', i, fp: 100_000 + i, n: 1 });
    }),
  );

  const clients = people.map(() => new Client(base));
  await Promise.all(clients.map((c, n) => c.login(people[n]!.email, 'Bench-password-1')));

  const run = async (fn: (client: Client, n: number, k: number) => Promise<Response>, perClient: number) => {
    const latencies: number[] = [];
    let failures = 0;
    const start = process.hrtime.bigint();
    await Promise.all(
      clients.map(async (client, n) => {
        for (let k = 0; k < perClient; k++) {
          const t = process.hrtime.bigint();
          const res = await fn(client, n, k);
          await res.arrayBuffer();
          latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
          if (res.status >= 300) failures++;
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return {
      rps: latencies.length / seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      failures,
      seconds,
    };
  };

  const baseline = await run(
    (c) => c.call('POST', '/api/bench/baseline', { n: 1 }),
    Math.ceil(BASELINE_REQUESTS / CLIENTS),
  );
  const claimsRun = await run(
    (c, n, k) =>
      c.call('POST', '/api/me/claims', { letterId: people[n]!.letterId, qr: qrs[n]![k]!, source: 'camera' }),
    PER_CLIENT,
  );

  const statuses = await database.query<{ status: string; n: string }>(
    'select status, count(*)::text as n from claims group by status',
  );
  const pays = await database.query<{ n: string }>(
    "select count(*)::text as n from payouts where status in ('created','pending','succeeded')",
  );
  console.log(
    `clients=${CLIENTS} claims=${CLIENTS * PER_CLIENT} on PostgreSQL; claim statuses: ${statuses.rows.map((r) => `${r.status}=${r.n}`).join(' ')}; payouts submitted: ${pays.rows[0]!.n}`,
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
  if (claimsRun.failures) exitCode = 1;
  rt.deps.simulators?.payouts.dispose();
  await app.close();
  await rt.close();
} catch (e) {
  console.error(e);
  exitCode = 1;
} finally {
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
