import crypto from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type ExtractTablesWithRelations, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Db | Tx;

type DatabaseConfig = { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string; poolSize: number };

/** The same Drizzle API over embedded PGlite or a PostgreSQL pool; `query` is the raw SQL door both share. */
export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  close(): Promise<void>;
  readonly pglite?: PGlite;
  readonly pool?: pg.Pool;
  readonly url?: string;
}

// int8 arrives as text; Drizzle's number mode reads bigint columns as numbers (decision 020), and raw SQL
// results convert with Number() where they are money.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);

export async function openPglite(dir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  if (dir) fs.mkdirSync(dir, { recursive: true });
  const client = await PGlite.create({
    ...(dir ? { dataDir: dir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: { pg_trgm },
  });
  return {
    kind: 'pglite',
    db: drizzlePglite(client, { schema }) as unknown as Db,
    pglite: client,
    query: async <T>(text: string, params?: unknown[]) => {
      const r = await client.query<T>(text, params);
      return { rows: r.rows };
    },
    close: () => client.close(),
  };
}

/** Statements one connection keeps prepared; past this, new shapes (e.g. long `in (…)` lists) run unnamed. */
const PREPARED_PER_CONNECTION = 500;

/**
 * A connection that prepares each parameterised statement once: the statement is named by a hash of its
 * text, so PostgreSQL parses and plans it the first time a connection sees it and reuses the plan after
 * (on this machine the claims benchmark gains about a third). Behind PgBouncer this needs session pooling,
 * or transaction pooling with `max_prepared_statements` (PgBouncer 1.21+).
 */
class PreparingClient extends pg.Client {
  private readonly prepared = new Set<string>();

  override query(...args: unknown[]): never {
    const [config, values] = args as [{ text?: unknown; name?: unknown; values?: unknown[] }, unknown[]?];
    const parameterised = (values?.length ?? 0) > 0 || (config?.values?.length ?? 0) > 0;
    if (
      config &&
      typeof config === 'object' &&
      typeof config.text === 'string' &&
      !config.name &&
      parameterised
    ) {
      const name = `s_${crypto.createHash('sha1').update(config.text).digest('base64url')}`;
      if (this.prepared.has(name) || this.prepared.size < PREPARED_PER_CONNECTION) {
        this.prepared.add(name);
        args[0] = { ...config, name };
      }
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, Client: PreparingClient });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next checkout.
  });
  await pool.query('select 1');
  return {
    kind: 'postgres',
    db: drizzleNodePg(pool, { schema }) as unknown as Db,
    pool,
    url,
    query: async <T>(text: string, params?: unknown[]) => {
      const r = await pool.query(text, params);
      return { rows: r.rows as T[] };
    },
    close: () => pool.end(),
  };
}

export function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.kind === 'pglite' ? openPglite(config.dir) : openPostgres(config.url, config.poolSize);
}

/** Rows of a raw SQL query; both drivers answer with `{ rows }`. */
export async function sqlRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Writes that do not read each other's results, sent as one statement of data-modifying CTEs: one round
 * trip instead of one each, with every constraint still checked (foreign keys at the end of the statement,
 * so a row may point at one inserted beside it). No two writes may touch the same row.
 */
export async function writeAll(db: DbOrTx, writes: readonly SQLWrapper[]): Promise<void> {
  if (writes.length === 0) return;
  if (writes.length === 1) {
    await db.execute(writes[0]!.getSQL());
    return;
  }
  const ctes = writes.map((w, n) => sql`${sql.raw(`w${n}`)} as (${w.getSQL()})`);
  await db.execute(sql`with ${sql.join(ctes, sql`, `)} select 1`);
}
