import crypto from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsBefore } from '../../../test/migrations.ts';
import { type Database, openPglite, openPostgres, sqlRows } from '../../db/client.ts';
import { runMigrations } from '../../db/migrate.ts';
import { effectivePrices } from '../console/pricing.queries.ts';

/** An empty database: an in-memory PGlite, or a new database on the PostgreSQL server under test. */
async function emptyDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openPglite(undefined);
    return { database, drop: () => database.close() };
  }
  const name = `remed_m_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString(), 2);
  return {
    database,
    async drop() {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

let database: Database;
let drop: () => Promise<void>;
const X = '11111111-1111-4111-8111-111111111111';
const Y = '22222222-2222-4222-8222-222222222222';
const EMPTY = '33333333-3333-4333-8333-333333333333';

beforeAll(async () => {
  ({ database, drop } = await emptyDatabase());
  const before = migrationsBefore('_price_lists');
  if (database.kind === 'pglite')
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: before });
  else await migrateNodePg(database.db as unknown as NodePgDatabase, { migrationsFolder: before });
  fs.rmSync(before, { recursive: true, force: true });
  await database.query(
    `insert into clinics (id, inn, name, short_name) values ($1, '7701000001', 'X', 'X'), ($2, '7701000002', 'Y', 'Y'), ($3, '7701000003', 'Z', 'Z')`,
    [X, Y, EMPTY],
  );
  const rows: [string, string, string, string, number, string, string | null][] = [
    [X, '1.01', 'B01.047.001', 'Прием терапевта первичный', 250_000, '2026-01-01', '2026-06-30'],
    [X, '1.01', 'B01.047.001', 'Прием терапевта первичный', 270_000, '2026-07-01', null],
    [X, '2.01', 'A04.16.001', 'УЗИ брюшной полости', 340_000, '2026-01-01', null],
    [X, '3.01', 'A06.09.007', 'Рентгенография легких', 190_000, '2026-03-01', '2026-03-31'],
    [Y, '5.01', 'A09.05.023', 'Глюкоза в крови', 35_000, '2026-01-01', '2026-01-31'],
  ];
  for (const r of rows)
    await database.query(
      `insert into price_list_items (id, clinic_id, clinic_code, service_code, name, price, valid_from, valid_to)
       values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7)`,
      r,
    );
  await runMigrations(database);
});
afterAll(() => drop());

const pricesOn = async (day: string) =>
  (await effectivePrices(database.db, ['B01.047.001', 'A04.16.001', 'A06.09.007', 'A09.05.023'], day, null))
    .map((p) => `${p.clinicId === X ? 'X' : 'Y'} ${p.serviceCode} ${p.price}`)
    .sort();

describe('moving dated price rows into versions', () => {
  it('makes a published version for each day the prices changed, numbered by date', async () => {
    const versions = await sqlRows<{
      clinic_id: string;
      number: number;
      effective_from: string;
      row_count: number;
    }>(
      database.db,
      sql`select clinic_id, number, effective_from::text, row_count from price_list_versions
          where status = 'published' and source = 'migration' order by clinic_id, number`,
    );
    expect(
      versions.map((v) => [v.clinic_id === X ? 'X' : 'Y', v.number, v.effective_from, v.row_count]),
    ).toEqual([
      ['X', 1, '2026-01-01', 2],
      ['X', 2, '2026-03-01', 3],
      ['X', 3, '2026-04-01', 2],
      ['X', 4, '2026-07-01', 2],
      ['Y', 1, '2026-01-01', 1],
      ['Y', 2, '2026-02-01', 0],
    ]);
    const none = await sqlRows(
      database.db,
      sql`select 1 from price_list_versions where clinic_id = ${EMPTY}`,
    );
    expect(none).toEqual([]);
  });

  it('keeps the prices every day had', async () => {
    expect(await pricesOn('2025-12-31')).toEqual([]);
    expect(await pricesOn('2026-01-15')).toEqual([
      'X A04.16.001 340000',
      'X B01.047.001 250000',
      'Y A09.05.023 35000',
    ]);
    expect(await pricesOn('2026-03-31')).toEqual([
      'X A04.16.001 340000',
      'X A06.09.007 190000',
      'X B01.047.001 250000',
    ]);
    expect(await pricesOn('2026-04-01')).toEqual(['X A04.16.001 340000', 'X B01.047.001 250000']);
    expect(await pricesOn('2026-11-20')).toEqual(['X A04.16.001 340000', 'X B01.047.001 270000']);
  });

  it('keeps each version in file order with its clinic codes', async () => {
    const items = await sqlRows<{ position: number; clinic_code: string; service_code: string }>(
      database.db,
      sql`select i.position, i.clinic_code, i.service_code from price_list_items i
          join price_list_versions v on v.id = i.version_id where v.clinic_id = ${X} and v.number = 2
          order by i.position`,
    );
    expect(items.map((i) => [Number(i.position), i.clinic_code, i.service_code])).toEqual([
      [1, '1.01', 'B01.047.001'],
      [2, '2.01', 'A04.16.001'],
      [3, '3.01', 'A06.09.007'],
    ]);
  });
});
