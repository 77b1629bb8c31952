/**
 * Price list import: an XLSX of N rows (default 50 000) through the real upload and job (workbook read,
 * every row checked, rows written as column arrays with progress), on PGlite in a temporary folder or on
 * PostgreSQL with BENCH_DATABASE_URL. Then the draft is published (rows copied into the version).
 * Baseline in the same run: the same rows inserted as bare batched INSERTs into a scratch table.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clinics } from '../apps/server/src/db/schema/index.ts';
import { runPriceListImport } from '../apps/server/src/modules/price-lists/import-price-list-file.ts';
import { publishPriceList } from '../apps/server/src/modules/price-lists/publish-price-list.ts';
import { uploadPriceList } from '../apps/server/src/modules/price-lists/upload-price-list.ts';
import { getVersion } from '../apps/server/src/modules/price-lists/version-detail.ts';
import { bareInsertSeconds, openBenchDatabase } from './bench-database.ts';
import { benchAdmin, benchRuntime, reportImport, sampleRss } from './bench-setup.ts';
import { benchWorkbook, PRICE_LIST_HEADER } from './upload-templates.ts';

const N = Number(process.argv[2] ?? 50_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remed-bench-prices-'));

const KINDS: [cls: string, name: string][] = [
  ['A04', 'Ультразвуковое исследование органа'],
  ['A05', 'Регистрация электрокардиограммы'],
  ['A06', 'Рентгенография органа'],
  ['A09', 'Исследование уровня вещества в крови'],
  ['B01', 'Прием (осмотр, консультация) врача-специалиста первичный'],
  ['B03', 'Общий (клинический) анализ крови развернутый'],
];

/** A valid, unique row: six 804н classes with names of their kind, prices typed several ways. */
function row(i: number): (string | number)[] {
  const [cls, name] = KINDS[i % KINDS.length]!;
  const code = `${cls}.${String(Math.floor(i / 1000) % 1000).padStart(3, '0')}.${String(i % 1000).padStart(3, '0')}`;
  const rubles = 300 + (i % 9000);
  const price = i % 3 === 0 ? rubles : i % 3 === 1 ? `${rubles.toLocaleString('ru-RU')},50` : `${rubles}.5`;
  return [`П-${i}`, code, `${name} № ${i}`, price, i % 10 ? '' : 'по записи'];
}

const rss = sampleRss();

const { database, drop } = await openBenchDatabase(dir);
try {
  const rt = await benchRuntime(dir, database);
  const ids = rt.deps.ids;
  const clinicId = ids.uuid();
  await database.db
    .insert(clinics)
    .values({ id: clinicId, inn: '7715000562', name: 'Клиника', shortName: 'Клиника' });
  const actor = benchAdmin;

  const file = path.join(dir, 'prices.xlsx');
  const content = await benchWorkbook(file, 'Прейскурант', PRICE_LIST_HEADER, N, row, database.kind);

  const baselineS = await bareInsertSeconds(
    database,
    ['clinic_code', 'service_code', 'name', 'price', 'note'],
    N,
    row,
  );

  const rssBefore = rss.restart();
  const start = process.hrtime.bigint();
  const { id } = await uploadPriceList(rt.deps, actor, clinicId, { fileName: 'prices.xlsx', content });
  await runPriceListImport(rt.deps, id);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const version = await getVersion(rt.deps, actor, clinicId, id);
  if (version.import.status !== 'done' || version.rowCount !== N || version.errorCount !== 0)
    throw new Error(`import ended ${version.import.status}: ${JSON.stringify(version.issues.slice(0, 3))}`);

  const publishStart = process.hrtime.bigint();
  await publishPriceList(rt.deps, actor, clinicId, id, version.today);
  const publishS = Number(process.hrtime.bigint() - publishStart) / 1e9;

  reportImport('price_list_import', {
    rows: N,
    seconds,
    baselineS,
    peakRss: rss.peak,
    rssBefore,
    phases: `publish: ${publishS.toFixed(2)} s; `,
  });
  await rt.close();
} finally {
  rss.stop();
  await drop();
  fs.rmSync(dir, { recursive: true, force: true });
}
