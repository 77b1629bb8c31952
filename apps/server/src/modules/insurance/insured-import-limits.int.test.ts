import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  loggedIn,
  makeOrganisations,
  makeProgram,
  type TestClient,
  type TestContext,
} from '../../../test/harness.ts';
import { insuredImports, policies } from '../../db/schema/index.ts';
import { writeBigXlsx } from '../../platform/tables/tables.fixtures.ts';
import { INSURED_HEADER, insuredPerson, uploadInsuredList } from './insured-list.fixtures.ts';

const HEADER = INSURED_HEADER;
const person = (n: number, prefix: string) => insuredPerson(n, prefix, { digits: 7, email: false });

// The configured caps, set low enough here that refusing does not need a million rows first.
const MAX_ROWS = 250_000;
const MAX_FILE_MB = 120;

let ctx: TestContext;
let insurer: TestClient;
let programId: string;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remed-insured-limits-'));
  ctx = await createTestContext({
    INSURED_IMPORT_MAX_ROWS: String(MAX_ROWS),
    INSURED_IMPORT_MAX_FILE_MB: String(MAX_FILE_MB),
  });
  const orgs = await makeOrganisations(ctx.deps);
  ({ programId } = await makeProgram(ctx.deps, orgs));
  insurer = (await loggedIn(ctx, ['insurer_user'], { insurerId: orgs.insurer.id })).client;
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const upload = (name: string, content: Buffer) =>
  uploadInsuredList(ctx, insurer, programId, { name, content, mode: 'valid_rows' });

const policiesOfProgram = () =>
  ctx.deps.database.db.select({ id: policies.id }).from(policies).where(eq(policies.programId, programId));

/** After a refusal the server still imports an ordinary list. */
async function expectServerStillWorks() {
  const prefix = `OK${crypto.randomInt(1000, 9999)}`;
  const csv = [HEADER, person(1, prefix), person(2, prefix)].map((r) => r.join(';')).join('\n');
  const ok = await upload('ok.csv', Buffer.from(csv));
  expect(ok.view).toMatchObject({ status: 'done', created: 2 });
}

const refusedAt = (view: { status: string; issues: { code?: string; problem: string }[] }) => {
  expect(view.status).toBe('failed');
  expect(view.issues).toHaveLength(1);
  return view.issues[0]!;
};

// Refusing a huge file happens in the streaming reader before a row reaches the database; on the PostgreSQL
// pass of CI these would only build the same files again, so they run in the PGlite pass only.
const onPostgres = !!process.env.TEST_DATABASE_URL;

describe('insured list upload limits', () => {
  it.skipIf(onPostgres)(
    'refuses a 1 000 000 row CSV over the configured cap, imports nothing and keeps working',
    async () => {
      const file = path.join(dir, 'million.csv');
      function* lines() {
        yield `${HEADER.join(';')}\n`;
        for (let n = 1; n <= 1_000_000; n += 1000)
          yield Array.from({ length: 1000 }, (_, k) => `${person(n + k, 'М').join(';')}\n`).join('');
      }
      await pipeline(Readable.from(lines()), fs.createWriteStream(file));
      const { res, view } = await upload('million.csv', fs.readFileSync(file));
      expect(res.statusCode).toBe(202);
      const issue = refusedAt(view);
      expect(issue.code).toBe('TABLE_TOO_MANY_ROWS');
      expect(issue.problem).toMatch(
        /^В файле больше 250\s000 строк — столько не помещается в одну загрузку списка застрахованных/,
      );
      expect(await policiesOfProgram()).toHaveLength(0);
      const [stored] = await ctx.deps.database.db
        .select()
        .from(insuredImports)
        .where(eq(insuredImports.id, view.id));
      expect(stored!.finishedAt).not.toBeNull();
      await expectServerStillWorks();
    },
  );

  // Writing and unzipping tens of megabytes takes about a minute alone and more beside other test files.
  it.skipIf(onPostgres)(
    'refuses a 2.5 million row XLSX of tens of megabytes the same way',
    { timeout: 240_000 },
    async () => {
      const before = (await policiesOfProgram()).length;
      const file = path.join(dir, 'huge.xlsx');
      const row = person(7, 'X');
      await writeBigXlsx(
        file,
        2_500_001,
        (r) => (r === 1 ? HEADER : [`X-${r}`, ...row.slice(1, 6), 79160000000 + r, ...row.slice(7)]),
        [...HEADER, ...row],
      );
      const content = fs.readFileSync(file);
      expect(content.length).toBeGreaterThan(10 * 1024 * 1024);
      const { view } = await upload('huge.xlsx', content);
      expect(refusedAt(view).code).toBe('TABLE_TOO_MANY_ROWS');
      expect(await policiesOfProgram()).toHaveLength(before);
      await expectServerStillWorks();
    },
  );

  it('answers 413 with the configured limit while the upload streams in, and stores no import', async () => {
    const before = await ctx.deps.database.db.select().from(insuredImports);
    const big = crypto.randomBytes((MAX_FILE_MB + 1) * 1024 * 1024);
    const { res } = await upload('big.csv', big);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: `Файл больше ${MAX_FILE_MB} МБ — такой файл не принимается`,
    });
    expect(await ctx.deps.database.db.select().from(insuredImports)).toHaveLength(before.length);
    await expectServerStillWorks();
  });
});
