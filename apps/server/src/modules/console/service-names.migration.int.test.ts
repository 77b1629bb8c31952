import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsBefore } from '../../../test/migrations.ts';
import { type Database, openPglite, sqlRows } from '../../db/client.ts';
import { runMigrations } from '../../db/migrate.ts';
import { searchServices } from './search-services.ts';

let database: Database;
const X = '11111111-1111-4111-8111-111111111111';
const Y = '22222222-2222-4222-8222-222222222222';

beforeAll(async () => {
  database = await openPglite(undefined);
  const before = migrationsBefore('_service_names');
  await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: before });
  fs.rmSync(before, { recursive: true, force: true });
  await database.query(
    `insert into clinics (id, inn, name, short_name) values ($1, '7701000001', 'X', 'X'), ($2, '7701000002', 'Y', 'Y')`,
    [X, Y],
  );
  const versions: [string, number, string][] = [
    [X, 1, '2026-01-01'],
    [X, 2, '2026-07-01'],
    [Y, 1, '2026-01-01'],
  ];
  for (const [clinic, number, from] of versions)
    await database.query(
      `insert into price_list_versions (id, clinic_id, number, status, effective_from, source, import_status, created_at, updated_at, published_at)
       values (gen_random_uuid(), $1, $2, 'published', $3, 'editor', 'done', now(), now(), now())`,
      [clinic, number, from],
    );
  const items: [string, number, string, string][] = [
    [X, 1, 'B01.047.001', 'Прием врача-терапевта первичный'],
    [X, 2, 'B01.047.001', 'Прием врача-терапевта первичный'],
    [X, 2, 'A05.10.006', 'ЭКГ'],
    [Y, 1, 'A05.10.006', 'Регистрация электрокардиограммы'],
  ];
  for (const [clinic, number, code, name] of items)
    await database.query(
      `insert into price_list_items (id, version_id, position, clinic_code, service_code, name, price)
       select gen_random_uuid(), id, 1, '1', $3, $4, 100000 from price_list_versions where clinic_id = $1 and number = $2`,
      [clinic, number, code, name],
    );
  await runMigrations(database);
});
afterAll(() => database.close());

describe('the service catalogue migration', () => {
  it('fills the catalogue with every code and name already published, each pair once', async () => {
    const rows = await sqlRows<{ service_code: string; name: string }>(
      database.db,
      sql`select service_code, name from service_names order by 1, 2`,
    );
    expect(rows.map((r) => `${r.service_code} ${r.name}`)).toEqual([
      'A05.10.006 Регистрация электрокардиограммы',
      'A05.10.006 ЭКГ',
      'B01.047.001 Прием врача-терапевта первичный',
    ]);
  });

  it('so the prices published before it are found', async () => {
    expect(await searchServices(database.db, 'ЭКГ', '2026-08-01')).toEqual([
      { serviceCode: 'A05.10.006', name: expect.any(String), clinics: 2, minPrice: 100_000 },
    ]);
    expect((await searchServices(database.db, 'терапевт', '2026-08-01'))[0]).toMatchObject({
      serviceCode: 'B01.047.001',
      clinics: 1,
    });
  });
});
