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
