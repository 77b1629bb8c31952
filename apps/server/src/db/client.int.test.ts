import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openPostgres, sqlRows } from './client.ts';

// Prepared statements are a property of the PostgreSQL connection; PGlite has no pool to name them on.
describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL connections prepare each statement once', () => {
  it('names a parameterised statement by its text and reuses it; plain statements stay unnamed', async () => {
    const database = await openPostgres(process.env.TEST_DATABASE_URL!, 1);
    try {
      const twice = async (n: number) => sqlRows<{ n: number }>(database.db, sql`select ${n}::int + 1 as n`);
      expect(await twice(1)).toEqual([{ n: 2 }]);
      expect(await twice(41)).toEqual([{ n: 42 }]);
      await database.query('select 1');
      const prepared = await database.query<{ name: string; statement: string }>(
        'select name, statement from pg_prepared_statements order by prepare_time',
      );
      const ours = prepared.rows.filter((r) => r.name.startsWith('s_'));
      expect(ours.filter((r) => r.statement.includes('::int + 1'))).toHaveLength(1);
      expect(ours.some((r) => r.statement === 'select 1')).toBe(false);
    } finally {
      await database.close();
    }
  });
});
