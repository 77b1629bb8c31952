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
import { openBenchDatabase } from './bench-database.ts';
import { insertBenchProgram } from './bench-program.ts';
import { benchRuntime, sampleRss } from './bench-setup.ts';
import { INSURED_LIST_HEADER, writeXlsx } from './upload-templates.ts';

const N = Number(process.argv[2] ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remed-bench-import-'));

function row(i: number): string[] {
  return [
    `Б-${String(i).padStart(7, '0')}`,
    i % 3 ? 'Петров' : 'Соколова',
    i % 2 ? 'Иван' : 'Анна',
    'Сергеевич',
    `${String((i % 28) + 1).padStart(2, '0')}.0${(i % 9) + 1}.19${50 + (i % 50)}`,
    i % 2 ? 'М' : 'Ж',
    `+79${String(100_000_000 + i).slice(0, 9)}`,
    i % 4 ? '' : `p${i}@example.ru`,
    '01.01.2026',
    '31.12.2026',
  ];
}

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
  await writeXlsx(file, 'Застрахованные', INSURED_LIST_HEADER, N, row);
  const content = fs.readFileSync(file);
  console.log(
    `file: ${N} rows, ${(content.length / 1024 / 1024).toFixed(1)} MB XLSX, database: ${database.kind}`,
  );

  const baselineStart = process.hrtime.bigint();
  await database.query(
    'create table bench_baseline (policy text, last_name text, first_name text, middle_name text, birth text, sex text, phone text, email text, vfrom text, vto text)',
  );
  for (let i = 1; i <= N; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, N - i + 1) }, (_, k) => row(i + k));
    const params = batch.flat();
    const values = batch
      .map((_, r) => `(${Array.from({ length: 10 }, (_, c) => `$${r * 10 + c + 1}`).join(',')})`)
      .join(',');
    await database.query(`insert into bench_baseline values ${values}`, params);
  }
  const baselineS = Number(process.hrtime.bigint() - baselineStart) / 1e9;

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

  const rate = N / seconds;
  const baseline = N / baselineS;
  console.log(
    `import: ${seconds.toFixed(2)} s, ${Math.round(rate)} rows/s; baseline bare insert: ${baselineS.toFixed(2)} s`,
  );
  console.log(
    `peak RSS during import: ${(rss.peak / 1024 / 1024).toFixed(0)} MB (before: ${(rssBefore / 1024 / 1024).toFixed(0)} MB)`,
  );
  console.log(
    `insured_import_rows_per_s=${Math.round(rate)} peak_rss_mb=${Math.round(rss.peak / 1024 / 1024)} baseline_rows_per_s=${Math.round(baseline)} ratio=${(rate / baseline).toFixed(3)}`,
  );
  await rt.close();
} finally {
  rss.stop();
  await drop();
  fs.rmSync(dir, { recursive: true, force: true });
}
