/**
 * Memory of bounded uploads: the process's RSS and heap growth (peak over the value before) while
 *  1. importing a 10 000-row insured CSV — the baseline of this run;
 *  2. refusing a 2 300 000-row XLSX price list (the file that once took the heap from 0.7 to 4.9 GB);
 *  3. importing an insured CSV of N rows within the limits (default 1 000 000; the issue asks < 400 MB).
 * All through the real jobs, on PGlite in a temporary folder or on PostgreSQL with BENCH_DATABASE_URL.
 * Run with `node --expose-gc` (the npm script does) so each step starts from a collected heap.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { clinics, insuredImports } from '../apps/server/src/db/schema/index.ts';
import { getInsuredImport } from '../apps/server/src/modules/insurance/get-insured-import.ts';
import { runInsuredImport } from '../apps/server/src/modules/insurance/import-insured-file.ts';
import { runPriceListImport } from '../apps/server/src/modules/price-lists/import-price-list-file.ts';
import { uploadPriceList } from '../apps/server/src/modules/price-lists/upload-price-list.ts';
import { getVersion } from '../apps/server/src/modules/price-lists/version-detail.ts';
import { writeBigXlsx } from '../apps/server/src/platform/tables/tables.fixtures.ts';
import { openBenchDatabase } from './bench-database.ts';
import { insertBenchProgram } from './bench-program.ts';
import { benchAdmin, benchRuntime } from './bench-setup.ts';
import { INSURED_LIST_HEADER, PRICE_LIST_HEADER } from './upload-templates.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const BIG_XLSX_ROWS = 2_300_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remed-bench-uploads-'));
const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;

const INSURED_HEADER = INSURED_LIST_HEADER.join(';');
const insuredLine = (prefix: string, i: number) =>
  `${prefix}-${String(i).padStart(7, '0')};${i % 3 ? 'Петров' : 'Соколова'};${i % 2 ? 'Иван' : 'Анна'};Сергеевич;${String((i % 28) + 1).padStart(2, '0')}.0${(i % 9) + 1}.19${50 + (i % 50)};${i % 2 ? 'М' : 'Ж'};+79${String(100_000_000 + i).slice(0, 9)};${i % 4 ? '' : `p${i}@example.ru`};01.01.2026;31.12.2026\n`;

async function writeInsuredCsv(file: string, prefix: string, rows: number) {
  function* lines() {
    yield `${INSURED_HEADER}\n`;
    for (let i = 1; i <= rows; i += 1000) {
      let chunk = '';
      for (let k = i; k < Math.min(i + 1000, rows + 1); k++) chunk += insuredLine(prefix, k);
      yield chunk;
    }
  }
  await pipeline(Readable.from(lines()), fs.createWriteStream(file));
}

let peak = { rss: 0, heap: 0 };
const sample = () => {
  const m = process.memoryUsage();
  peak = { rss: Math.max(peak.rss, m.rss), heap: Math.max(peak.heap, m.heapUsed) };
};
const sampler = setInterval(sample, 10);

/** Peak growth of RSS and heap over their values before `run`, in MB, and the seconds it took. */
async function measure(label: string, run: () => Promise<string>) {
  gc?.();
  const before = process.memoryUsage();
  peak = { rss: before.rss, heap: before.heapUsed };
  const start = process.hrtime.bigint();
  const outcome = await run();
  sample();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const figures = {
    label,
    seconds,
    rssMb: (peak.rss - before.rss) / MB,
    heapMb: (peak.heap - before.heapUsed) / MB,
    peakRssMb: peak.rss / MB,
  };
  // The sampler cannot run while embedded PGlite executes a statement on this thread; the kernel's
  // high-water mark of the process sees those moments too.
  const maxRssMb = (process.resourceUsage().maxRSS * 1024) / MB;
  console.log(
    `${label}: ${outcome}; ${seconds.toFixed(1)} s; RSS +${figures.rssMb.toFixed(0)} MB (peak ${figures.peakRssMb.toFixed(0)} MB, process high-water ${maxRssMb.toFixed(0)} MB), heap +${figures.heapMb.toFixed(0)} MB`,
  );
  return figures;
}

const { database, drop } = await openBenchDatabase(dir);
try {
  const rt = await benchRuntime(dir, database);
  const db = database.db;
  const ids = rt.deps.ids;
  const actor = benchAdmin;
  const programId = await insertBenchProgram(db, ids, {
    name: 'Бенчмарк',
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    createdAt: new Date(),
  });
  const clinicId = ids.uuid();
  await db.insert(clinics).values({ id: clinicId, inn: '7715000562', name: 'Клиника', shortName: 'Клиника' });

  async function importInsured(prefix: string, rows: number) {
    const file = path.join(dir, `${prefix}.csv`);
    await writeInsuredCsv(file, prefix, rows);
    const size = fs.statSync(file).size;
    const id = ids.uuid();
    const key = `imports/${id}/source.csv`;
    await rt.deps.storage.put(key, fs.readFileSync(file));
    fs.rmSync(file);
    await db.insert(insuredImports).values({
      id,
      programId,
      fileName: 'list.csv',
      storageKey: key,
      mode: 'all_or_nothing',
      detachMissing: true,
      status: 'queued',
      createdAt: new Date(),
    });
    return measure(
      `insured import, ${rows.toLocaleString('en')} rows (${(size / MB).toFixed(0)} MB CSV)`,
      async () => {
        await runInsuredImport(rt.deps, id);
        const r = await getInsuredImport(rt.deps, actor, id);
        if (r.status !== 'done' || r.created !== rows)
          throw new Error(`import ended ${r.status}: ${JSON.stringify(r.issues.slice(0, 3))}`);
        return `${r.status}, ${r.created} created`;
      },
    );
  }

  const baseline = await importInsured('BASE', 10_000);

  const xlsx = path.join(dir, 'huge.xlsx');
  const NAME = 'Исследование уровня глюкозы в крови';
  await writeBigXlsx(
    xlsx,
    BIG_XLSX_ROWS + 1,
    (r) => (r === 1 ? PRICE_LIST_HEADER : [r, 'A09.05.023', NAME, 350 + (r % 97), '']),
    [...PRICE_LIST_HEADER, 'A09.05.023', NAME, ''],
  );
  const content = fs.readFileSync(xlsx);
  fs.rmSync(xlsx);
  const refusal = await measure(
    `price list refused, ${BIG_XLSX_ROWS.toLocaleString('en')} rows (${(content.length / MB).toFixed(0)} MB XLSX)`,
    async () => {
      const { id } = await uploadPriceList(rt.deps, actor, clinicId, { fileName: 'huge.xlsx', content });
      await runPriceListImport(rt.deps, id);
      const v = await getVersion(rt.deps, actor, clinicId, id);
      if (v.import.status !== 'failed')
        throw new Error(`the big price list was not refused: ${v.import.status}`);
      return `${v.import.status}, ${v.issues[0]?.code}`;
    },
  );

  const big = await importInsured('BIG', N);

  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '—');
  console.log(
    `upload_refusal_rss_mb=${refusal.rssMb.toFixed(0)} insured_${N}_rss_mb=${big.rssMb.toFixed(0)} insured_${N}_heap_mb=${big.heapMb.toFixed(0)} baseline_10000_rss_mb=${baseline.rssMb.toFixed(0)} ratio_refusal=${ratio(refusal.rssMb, baseline.rssMb)} ratio_import=${ratio(big.rssMb, baseline.rssMb)} database=${database.kind}`,
  );
  await rt.close();
} finally {
  clearInterval(sampler);
  await drop();
  fs.rmSync(dir, { recursive: true, force: true });
}
