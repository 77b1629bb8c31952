import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '@remed/core';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { type Database, openPglite, openPostgres } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import {
  clinicCashback,
  clinics,
  contracts,
  insuredPersons,
  insurers,
  policies,
  policyholders,
  programClinics,
  programs,
  userClinics,
  users,
} from '../src/db/schema/index.ts';
import { insertPublishedVersion } from '../src/modules/price-lists/price-list-versions.queries.ts';
import { ManualClock } from '../src/platform/clock.ts';
import type { AppDeps } from '../src/platform/deps.ts';
import { hashPassword } from '../src/platform/passwords.ts';
import { createRuntime, type Runtime, type RuntimeOverrides } from '../src/runtime.ts';

/** A database of its own for one test file: PGlite loaded from the migrated template, or a clone on PostgreSQL. */
export async function openTestDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  const pgTemplate = inject('postgresTemplate');
  const url = process.env.TEST_DATABASE_URL;
  if (pgTemplate && url) {
    const name = `remed_t_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${pgTemplate}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const database = await openPostgres(u.toString(), 5);
    return {
      database,
      async drop() {
        await database.close().catch(() => undefined);
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const blob = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
  const database = await openPglite(undefined, blob);
  return { database, drop: () => database.close().catch(() => undefined) };
}

/** A PGlite of its own, migrated from scratch (for a test that needs one beside a PostgreSQL database). */
export async function openFreshPglite(): Promise<{ database: Database; drop(): Promise<void> }> {
  const database = await openPglite(undefined);
  await runMigrations(database);
  return { database, drop: () => database.close().catch(() => undefined) };
}

export interface TestContext {
  deps: AppDeps;
  app: FastifyInstance;
  clock: ManualClock;
  runtime: Runtime;
  dataDir: string;
  close(): Promise<void>;
}

/** `jobs`: 'queue' starts pg-boss so jobs can be sent (tests run handlers themselves); 'work' also works them. */
export async function createTestContext(
  env: Record<string, string> = {},
  opts: {
    jobs?: 'off' | 'queue' | 'work';
    overrides?: Pick<RuntimeOverrides, 'receiptSource' | 'payoutProvider'>;
    /** Another database than the test run's kind, e.g. `openFreshPglite` beside PostgreSQL. */
    openDatabase?: () => Promise<{ database: Database; drop(): Promise<void> }>;
  } = {},
): Promise<TestContext> {
  const { database, drop } = await (opts.openDatabase ?? openTestDatabase)();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'remed-test-'));
  // Test files run side by side on a busy machine: the QR time budget is generous unless a test sets it.
  const config: Config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    QR_TIMEOUT_SECONDS: '60',
    ...env,
  });
  const clock = new ManualClock(new Date('2026-11-20T07:00:00Z'));
  const runtime = await createRuntime(config, {
    database,
    clock,
    log: { error: () => undefined },
    ...opts.overrides,
  });
  const app = await buildApp(runtime.deps, { logger: process.env.TEST_LOG ? { level: 'error' } : false });
  await app.ready();
  const jobs = opts.jobs ?? 'queue';
  if (jobs !== 'off') await runtime.deps.jobs.start({ work: jobs === 'work' });
  return {
    deps: runtime.deps,
    app,
    clock,
    runtime,
    dataDir,
    async close() {
      await app.close();
      await runtime.deps.jobs.stop();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const hashes = new Map<string, Promise<string>>();
/** bcrypt at cost 12 takes a quarter of a second: each distinct password is hashed once per file. */
const hashOnce = (password: string) => {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password, 12));
  return hashes.get(password)!;
};

export const TEST_PASSWORD = 'Test-password-42';
let seq = 0;
export const unique = (prefix = 'u') =>
  `${prefix}${Date.now().toString(36)}${(seq++).toString(36)}${crypto.randomBytes(2).toString('hex')}`;

export async function makeOrganisations(deps: AppDeps) {
  const id = () => deps.ids.uuid();
  const digits = () => String(crypto.randomInt(1e9, 1e10 - 1));
  const clinic = { id: id(), inn: digits(), name: `Клиника ${unique()}`, shortName: `Клиника ${unique()}` };
  const clinic2 = { id: id(), inn: digits(), name: `Клиника ${unique()}`, shortName: `Клиника ${unique()}` };
  const insurer = { id: id(), inn: digits(), name: `СК ${unique()}` };
  const policyholder = { id: id(), inn: digits(), name: `ООО ${unique()}` };
  await deps.database.db.insert(clinics).values([clinic, clinic2]);
  await deps.database.db.insert(insurers).values(insurer);
  await deps.database.db.insert(policyholders).values(policyholder);
  return { clinic, clinic2, insurer, policyholder };
}

/** Inserts a user straight into the table (no audit record): test data, not a use case. */
export async function makeUser(
  deps: AppDeps,
  opts: {
    roles: Role[];
    email?: string;
    phone?: string | null;
    password?: string;
    omsLevel?: number | null;
    clinicIds?: string[];
    insurerId?: string | null;
    policyholderId?: string | null;
    blocked?: boolean;
    /** Test users of other features sign in with a password alone, like the demo accounts (decision 013). */
    secondFactorExempt?: boolean;
  },
) {
  const id = deps.ids.uuid();
  const email = opts.email ?? `${unique()}@test.remed.ru`;
  await deps.database.db.insert(users).values({
    id,
    fullName: `Тестов ${unique('Т')}`,
    email,
    phone: opts.phone ?? null,
    passwordHash: await hashOnce(opts.password ?? TEST_PASSWORD),
    roles: opts.roles,
    omsLevel: opts.omsLevel ?? (opts.roles.includes('oms_rep') ? 1 : null),
    insurerId: opts.insurerId ?? null,
    policyholderId: opts.policyholderId ?? null,
    blockedAt: opts.blocked ? deps.clock.now() : null,
    secondFactorExempt: opts.secondFactorExempt ?? true,
    createdAt: deps.clock.now(),
    updatedAt: deps.clock.now(),
  });
  if (opts.clinicIds?.length) {
    await deps.database.db
      .insert(userClinics)
      .values(opts.clinicIds.map((clinicId) => ({ userId: id, clinicId })));
  }
  return { id, email, password: opts.password ?? TEST_PASSWORD };
}

/** A browser-like client over app.inject: keeps cookies and sends the CSRF token like the web app. */
export class TestClient {
  private cookies = new Map<string, string>();
  csrfToken: string | null = null;
  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = {},
  ) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now() - 1000 * 3600 * 24 * 365))
        this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async request(opts: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse> {
    const method = (opts.method ?? 'GET').toUpperCase();
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(method);
    if (unsafe && opts.csrf !== false && !this.csrfToken) await this.fetchCsrf();
    const res = await this.app.inject({
      ...opts,
      headers: {
        ...this.headers,
        ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}),
        ...(unsafe && opts.csrf !== false && this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
        ...(opts.headers ?? {}),
      },
    });
    this.remember(res);
    return res;
  }

  async fetchCsrf() {
    const res = await this.request({ method: 'GET', url: '/api/auth/csrf' });
    this.csrfToken = res.json().csrfToken;
  }

  get = (url: string, opts: InjectOptions = {}) => this.request({ ...opts, method: 'GET', url });
  post = (url: string, payload?: unknown, opts: InjectOptions & { csrf?: boolean } = {}) =>
    this.request({ ...opts, method: 'POST', url, payload: payload as InjectOptions['payload'] });
  patch = (url: string, payload?: unknown) =>
    this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] });
  delete = (url: string) => this.request({ method: 'DELETE', url });

  async login(login: string, password = TEST_PASSWORD) {
    const res = await this.post('/api/auth/login', { login, password });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    return res;
  }

  hasCookie(name: string) {
    return this.cookies.has(name);
  }
  dropCookie(name: string) {
    this.cookies.delete(name);
  }
}

export async function loggedIn(
  ctx: TestContext,
  roles: Role[],
  extra: Parameters<typeof makeUser>[1] extends infer O ? Partial<O> : never = {},
) {
  const user = await makeUser(ctx.deps, { roles, ...extra });
  const client = new TestClient(ctx.app);
  await client.login(user.email, user.password);
  return { user, client };
}

export async function makeProgram(
  deps: AppDeps,
  orgs: Awaited<ReturnType<typeof makeOrganisations>>,
  overrides: Partial<typeof programs.$inferInsert> = {},
) {
  const contractId = deps.ids.uuid();
  const programId = deps.ids.uuid();
  await deps.database.db.insert(contracts).values({
    id: contractId,
    insurerId: orgs.insurer.id,
    policyholderId: orgs.policyholder.id,
    number: `Д-${unique()}`,
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    createdAt: deps.clock.now(),
  });
  await deps.database.db.insert(programs).values({
    id: programId,
    contractId,
    code: unique('P'),
    name: 'Поликлиника и диагностика',
    coveredPrefixes: ['B01.', 'A04.', 'B03.016', 'A05.10.'],
    exclusionPrefixes: ['B01.001.'],
    approvalPrefixes: ['A05.23.'],
    annualLimit: 5_000_000,
    franchisePercent: 0,
    accessTypes: ['letter', 'reimbursement'],
    createdAt: deps.clock.now(),
    ...overrides,
  });
  return { contractId, programId };
}

/** A multipart/form-data body as a browser sends it. */
export function multipartBody(
  fields: Record<string, string>,
  file?: { field: string; name: string; content: Buffer; type?: string },
) {
  const boundary = `----remedtest${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="${file.field}"; filename="${file.name}"\r\ncontent-type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A clinic with a price list version published from the start of 2026; prices in rubles. */
export async function makeClinic(
  deps: AppDeps,
  prices: [serviceCode: string, name: string, rubles: number][],
  opts: { cashback?: number; rating?: string } = {},
) {
  const id = deps.ids.uuid();
  const inn = String(crypto.randomInt(1e9, 1e10 - 1));
  await deps.database.db.insert(clinics).values({
    id,
    inn,
    name: `ООО «Клиника ${unique()}»`,
    shortName: `Клиника ${unique()}`,
    address: 'г. Москва',
    rating: opts.rating ?? '8.0',
  });
  await insertPublishedVersion(deps.database.db, deps.ids, {
    clinicId: id,
    number: 1,
    effectiveFrom: '2026-01-01',
    at: deps.clock.now(),
    rows: prices.map(([serviceCode, name, rubles], n) => [
      `1.${n + 1}`,
      serviceCode,
      name,
      Math.round(rubles * 100),
    ]),
  });
  if (opts.cashback)
    await deps.database.db
      .insert(clinicCashback)
      .values({ clinicId: id, validFrom: '2026-01-01', percent: opts.cashback });
  return { id, inn };
}

export async function attachClinics(deps: AppDeps, programId: string, clinicIds: string[]) {
  await deps.database.db
    .insert(programClinics)
    .values(clinicIds.map((clinicId) => ({ programId, clinicId })));
}

/** An insured person with a policy in the program, optionally with an insured account. */
export async function makeInsured(
  deps: AppDeps,
  programId: string,
  opts: { withUser?: boolean; phone?: string; email?: string | null } = {},
) {
  const personId = deps.ids.uuid();
  const user = opts.withUser ? await makeUser(deps, { roles: ['insured'] }) : null;
  const phone = opts.phone ?? `+7916${String(crypto.randomInt(0, 1e7)).padStart(7, '0')}`;
  await deps.database.db.insert(insuredPersons).values({
    id: personId,
    lastName: 'Иванова',
    firstName: 'Мария',
    middleName: 'Петровна',
    birthDate: '1985-03-14',
    sex: 'female',
    phone,
    email: opts.email === undefined ? `${unique()}@insured.ru` : opts.email,
    userId: user?.id ?? null,
    createdAt: deps.clock.now(),
    updatedAt: deps.clock.now(),
  });
  const policyNumber = `ДМС-${unique()}`;
  await deps.database.db.insert(policies).values({
    id: deps.ids.uuid(),
    number: policyNumber,
    programId,
    insuredPersonId: personId,
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    createdAt: deps.clock.now(),
    updatedAt: deps.clock.now(),
  });
  return { personId, policyNumber, phone, user };
}
