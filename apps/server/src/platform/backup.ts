import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { sql } from 'drizzle-orm';
import * as tar from 'tar';
import { type Database, sqlRows, type Tx } from '../db/client.ts';
import { readSequences, restoreSequences, type SequenceState } from './backup-sequences.ts';
import type { FileStorage } from './storage.ts';

const BACKUP_FORMAT = 'remed.backup/v1';
const BATCH = 2000;

interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  source: 'pglite' | 'postgres';
  migrations: number;
  tables: { name: string; rows: number }[];
  /** Absent in archives made before sequences travelled: those are moved past the data instead. */
  sequences?: SequenceState[];
  files: number;
}

const ident = (name: string) => sql.identifier(name);

/** Public tables ordered so that every table comes after the tables it references. */
async function tablesInDependencyOrder(tx: Tx): Promise<string[]> {
  const tables = (
    await sqlRows<{ name: string }>(
      tx,
      sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`,
    )
  ).map((r) => r.name);
  const deps = await sqlRows<{ child: string; parent: string }>(
    tx,
    sql`
      select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'`,
  );
  const unquote = (s: string) => s.replace(/^"|"$/g, '');
  const ordered: string[] = [];
  const visit = (t: string, seen: Set<string>) => {
    if (ordered.includes(t) || seen.has(t)) return;
    seen.add(t);
    for (const d of deps)
      if (unquote(d.child) === t && unquote(d.parent) !== t) visit(unquote(d.parent), seen);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

async function appliedMigrations(tx: Tx): Promise<number> {
  const r = await sqlRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return r[0]?.n ?? 0;
}

/**
 * One archive with every row of every table, read in one repeatable-read snapshot, and every stored file.
 * Rows travel as JSON and come back through json_populate_recordset, so a backup of PGlite restores
 * on PostgreSQL and the other way round.
 */
export async function createBackup(
  database: Database,
  storage: FileStorage,
  file: string,
  now: Date,
): Promise<BackupManifest> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'remed-backup-'));
  try {
    fs.mkdirSync(path.join(work, 'db'));
    const manifest = await database.db.transaction(
      async (tx) => {
        const tables: BackupManifest['tables'] = [];
        for (const name of await tablesInDependencyOrder(tx)) {
          const out = fs.createWriteStream(path.join(work, 'db', `${name}.jsonl`));
          let rows = 0;
          for (let offset = 0; ; offset += BATCH) {
            const r = await sqlRows<{ j: string }>(
              tx,
              sql`select row_to_json(t)::text as j from ${ident(name)} t order by ctid limit ${BATCH} offset ${offset}`,
            );
            for (const row of r) out.write(`${row.j}\n`);
            rows += r.length;
            if (r.length < BATCH) break;
          }
          await new Promise<void>((resolve, reject) =>
            out.end((e?: Error | null) => (e ? reject(e) : resolve())),
          );
          tables.push({ name, rows });
        }
        return { tables, sequences: await readSequences(tx), migrations: await appliedMigrations(tx) };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    let files = 0;
    for await (const key of storage.list()) {
      const target = path.join(work, 'files', key);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, await storage.get(key));
      files++;
    }
    const full: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: now.toISOString(),
      source: database.kind,
      ...manifest,
      files,
    };
    fs.writeFileSync(path.join(work, 'manifest.json'), JSON.stringify(full, null, 2));
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    await tar.c({ gzip: true, file, cwd: work, portable: true }, fs.readdirSync(work));
    return full;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export class BackupError extends Error {}

/** The columns of each table that take a value on insert (all but the generated ones), in table order. */
async function writableColumns(tx: Tx): Promise<Map<string, string[]>> {
  const rows = await sqlRows<{ t: string; c: string }>(
    tx,
    sql`select table_name as t, column_name as c from information_schema.columns
        where table_schema = 'public' and is_generated = 'NEVER' order by table_name, ordinal_position`,
  );
  const byTable = new Map<string, string[]>();
  for (const { t, c } of rows) byTable.set(t, [...(byTable.get(t) ?? []), c]);
  return byTable;
}

async function unpack(file: string, work: string): Promise<BackupManifest> {
  try {
    await tar.x({ file, cwd: work, strict: true });
  } catch (e) {
    throw new BackupError(`Не удалось распаковать архив: ${(e as Error).message}`);
  }
  const manifestFile = path.join(work, 'manifest.json');
  if (!fs.existsSync(manifestFile))
    throw new BackupError('В архиве нет manifest.json: это не резервная копия remed');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT)
    throw new BackupError(`Неизвестный формат архива: ${String(manifest.format)}`);
  return manifest;
}

/** Refuses a copy made by a newer version or naming tables this schema lacks; returns the load order. */
async function checkFits(tx: Tx, manifest: BackupManifest): Promise<string[]> {
  const current = await appliedMigrations(tx);
  if (manifest.migrations > current) {
    throw new BackupError(
      `Копия сделана более новой версией (миграций ${manifest.migrations}, здесь ${current}): обновите remed`,
    );
  }
  const order = await tablesInDependencyOrder(tx);
  const unknown = manifest.tables.filter((t) => !order.includes(t.name));
  if (unknown.length)
    throw new BackupError(
      `В копии есть таблицы, которых нет в схеме: ${unknown.map((t) => t.name).join(', ')}`,
    );
  return order;
}

/** Loads one table's JSON lines in batches. */
async function loadTable(tx: Tx, name: string, src: string, writable: string[]) {
  // Generated columns are computed again from the others; they cannot be written.
  const columns = sql.join(
    writable.map((c) => ident(c)),
    sql`, `,
  );
  let batch: string[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await tx.execute(
      sql`insert into ${ident(name)} (${columns}) overriding system value select ${columns} from json_populate_recordset(null::${ident(name)}, ${`[${batch.join(',')}]`}::json)`,
    );
    batch = [];
  };
  const lines = readline.createInterface({
    input: fs.createReadStream(src),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    if (!line) continue;
    batch.push(line);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
}

async function restoreRows(database: Database, work: string, manifest: BackupManifest) {
  await database.db.transaction(async (tx) => {
    const order = await checkFits(tx, manifest);
    await tx.execute(
      sql.raw(`truncate table ${order.map((t) => `"${t}"`).join(', ')} restart identity cascade`),
    );
    const writable = await writableColumns(tx);
    for (const name of order) {
      const src = path.join(work, 'db', `${name}.jsonl`);
      if (fs.existsSync(src)) await loadTable(tx, name, src, writable.get(name) ?? []);
    }
    await restoreSequences(tx, manifest.sequences);
  });
}

async function restoreFiles(storage: FileStorage, filesRoot: string) {
  for await (const key of storage.list()) await storage.delete(key);
  const walk = async (dir: string, prefix: string): Promise<void> => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const key = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(path.join(dir, e.name), key);
      else await storage.put(key, fs.readFileSync(path.join(dir, e.name)));
    }
  };
  await walk(filesRoot, '');
}

/** Replaces all data and files with the archive's; the database must already be migrated. */
export async function restoreBackup(
  database: Database,
  storage: FileStorage,
  file: string,
): Promise<BackupManifest> {
  if (!fs.existsSync(file)) throw new BackupError(`Файл не найден: ${file}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'remed-restore-'));
  try {
    const manifest = await unpack(file, work);
    await restoreRows(database, work, manifest);
    await restoreFiles(storage, path.join(work, 'files'));
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
