/**
 * Insured list import: N rows (default 100 000) through the real import job (XLSX streamed, every row
 * validated, one transaction), on PGlite in a temporary folder or on PostgreSQL with BENCH_DATABASE_URL.
 * Baseline in the same run: the same rows inserted as bare batched INSERTs into a scratch table.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { loadConfig } from '../apps/server/src/config.ts';
import { insuredImports } from '../apps/server/src/db/schema/index.ts';
import { insuredImportService } from '../apps/server/src/modules/insurance/insured-import.service.ts';
import { createRuntime } from '../apps/server/src/runtime.ts';
import { openBenchDatabase } from './bench-database.ts';
import { insertBenchProgram } from './bench-program.ts';

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

async function makeXlsx(file: string) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('Застрахованные');
  ws.addRow([
    'Номер полиса',
    'Фамилия',
    'Имя',
    'Отчество',
    'Дата рождения',
    'Пол',
    'Телефон',
    'E-mail',
    'Дата начала',
    'Дата окончания',
  ]).commit();
  for (let i = 1; i <= N; i++) ws.addRow(row(i)).commit();
  await ws.commit();
  await wb.commit();
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 25);

const { database, drop } = await openBenchDatabase(dir);
try {
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const rt = await createRuntime(config, { database, log: { error: () => undefined } });
  await rt.deps.jobs.start({ work: false });
  const db = database.db;
  const ids = rt.deps.ids;
  const programId = await insertBenchProgram(db, ids, {
    name: 'Бенчмарк',
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    createdAt: new Date(),
  });

  const file = path.join(dir, 'list.xlsx');
  await makeXlsx(file);
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

  const service = insuredImportService(rt.deps);
  peakRss = process.memoryUsage().rss;
  const rssBefore = peakRss;
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
  await service.run(importId);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const result = await service.get(
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
    `peak RSS during import: ${(peakRss / 1024 / 1024).toFixed(0)} MB (before: ${(rssBefore / 1024 / 1024).toFixed(0)} MB)`,
  );
  console.log(
    `insured_import_rows_per_s=${Math.round(rate)} peak_rss_mb=${Math.round(peakRss / 1024 / 1024)} baseline_rows_per_s=${Math.round(baseline)} ratio=${(rate / baseline).toFixed(3)}`,
  );
  await rt.close();
} finally {
  clearInterval(sampler);
  await drop();
  fs.rmSync(dir, { recursive: true, force: true });
}
