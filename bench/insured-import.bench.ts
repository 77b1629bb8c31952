/**
 * Insured list import: N rows (default 100 000) through the real import job (XLSX streamed, every row
 * validated, one transaction), on PGlite in a temporary folder or on PostgreSQL with BENCH_DATABASE_URL.
 * Baseline in the same run: the same rows inserted as bare batched INSERTs into a scratch table.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { insuredImports } from '../apps/server/src/db/schema/index.ts';
import { getInsuredImport } from '../apps/server/src/modules/insurance/get-insured-import.ts';
import { runInsuredImport } from '../apps/server/src/modules/insurance/import-insured-file.ts';
import { bareInsertSeconds, openBenchDatabase } from './bench-database.ts';
import { insertBenchProgram } from './bench-program.ts';
import { benchRuntime, reportImport, sampleRss } from './bench-setup.ts';
import {
  benchWorkbook,
  INSURED_LIST_HEADER,
  type InsuredListPeople,
  insuredListRow,
} from './upload-templates.ts';

const N = Number(process.argv[2] ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remed-bench-import-'));

const PEOPLE: InsuredListPeople = {
  names: { last: ['Петров', 'Соколова'], first: ['Иван', 'Анна'] },
  phoneBase: 100_000_000,
  emailPrefix: 'p',
  validTo: '31.12.2026',
};
const row = (i: number) => insuredListRow(i, `Б-${String(i).padStart(7, '0')}`, PEOPLE);

const rss = sampleRss();

const { database, drop } = await openBenchDatabase(dir);
try {
  const rt = await benchRuntime(dir, database);
  const db = database.db;
  const ids = rt.deps.ids;
  const programId = await insertBenchProgram(db, ids, {
    name: 'Бенчмарк',
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    createdAt: new Date(),
  });

  const file = path.join(dir, 'list.xlsx');
  const content = await benchWorkbook(file, 'Застрахованные', INSURED_LIST_HEADER, N, row, database.kind);

  const baselineS = await bareInsertSeconds(
    database,
    ['policy', 'last_name', 'first_name', 'middle_name', 'birth', 'sex', 'phone', 'email', 'vfrom', 'vto'],
    N,
    row,
  );

  const rssBefore = rss.restart();
  const start = process.hrtime.bigint();
  await rt.deps.storage.put('imports/bench/source.xlsx', content);
  const importId = ids.uuid();
  await db.insert(insuredImports).values({
    id: importId,
    programId,
    fileName: 'list.xlsx',
    storageKey: 'imports/bench/source.xlsx',
    mode: 'all_or_nothing',
    status: 'queued',
    createdAt: new Date(),
  });
  await runInsuredImport(rt.deps, importId);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const result = await getInsuredImport(
    rt.deps,
    { user: { id: ids.uuid(), roles: ['admin'] } as never, requestId: null, ip: null },
    importId,
  );
  if (result.status !== 'done' || result.created !== N)
    throw new Error(`import ended ${result.status}: ${JSON.stringify(result.issues.slice(0, 3))}`);

  reportImport('insured_import', { rows: N, seconds, baselineS, peakRss: rss.peak, rssBefore });
  await rt.close();
} finally {
  rss.stop();
  await drop();
  fs.rmSync(dir, { recursive: true, force: true });
}
