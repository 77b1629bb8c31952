import path from 'node:path';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../apps/server/src/db/client.ts';

/**
 * The database a benchmark runs on: PGlite in `dir` by default, or a database of its own created on the
 * PostgreSQL server at BENCH_DATABASE_URL and dropped by `drop()`.
 */
export async function openBenchDatabase(dir: string): Promise<{ database: Database; drop(): Promise<void> }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    const database = await openPglite(path.join(dir, 'pglite'));
    return { database, drop: async () => undefined };
  }
  const name = `remed_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString(), 4);
  return {
    database,
    async drop() {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * The baseline of the import benchmarks: `count` rows of `row(i)` (i = 1…count) inserted as bare batched
 * INSERTs, 1 000 a statement, into a scratch table of text columns; returns the seconds it took.
 */
export async function bareInsertSeconds(
  database: Database,
  columns: readonly string[],
  count: number,
  row: (i: number) => (string | number)[],
): Promise<number> {
  const start = process.hrtime.bigint();
  await database.query(`create table bench_baseline (${columns.map((c) => `${c} text`).join(', ')})`);
  for (let i = 1; i <= count; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - i + 1) }, (_, k) => row(i + k).map(String));
    const values = batch
      .map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(',')})`)
      .join(',');
    await database.query(`insert into bench_baseline values ${values}`, batch.flat());
  }
  return Number(process.hrtime.bigint() - start) / 1e9;
}
