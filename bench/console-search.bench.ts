/**
 * The console doctor's service search and the ranking of clinics for a letter at national scale: 1 000 clinics
 * with a published price list of 2 000 rows each (plus older and future versions of some), written through the
 * server's own migrations and queries, on PostgreSQL (BENCH_DATABASE_URL, default the local server; a
 * database of its own is created and dropped) or on PGlite with --pglite. Measures p50/p95/p99 of
 * searchServices over a fixed mix of what doctors type, and of rankClinics for a five-service letter, through
 * the console's use cases. Baseline in the same run and pool: a primary-key lookup.
 *
 *   npx tsx bench/console-search.bench.ts [--clinics 1000] [--rows 2000] [--iterations 50] [--quick] [--keep]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays, moscowDate } from '@remed/core';
import { eq, sql } from 'drizzle-orm';
import { sqlRows } from '../apps/server/src/db/client.ts';
import { clinics, programClinics, users } from '../apps/server/src/db/schema/index.ts';
import { rankClinics } from '../apps/server/src/modules/console/rank-clinics.ts';
import { findServices } from '../apps/server/src/modules/console/search-services.ts';
import { insertPublishedVersion } from '../apps/server/src/modules/price-lists/price-list-versions.queries.ts';
import { openBenchDatabase } from './bench-database.ts';
import { insertBenchCase, insertBenchInsured } from './bench-people.ts';
import { insertBenchProgram } from './bench-program.ts';
import { benchArgs, chooseBenchDatabase, ms, percentile, pool, silentRuntime, timed } from './bench-setup.ts';
import { clinicPriceList } from './console-search/services.ts';

const { flag, option } = benchArgs();
const quick = flag('quick');
const CLINICS = option('clinics', quick ? 50 : 1000);
const ROWS = option('rows', quick ? 400 : 2000);
const ITERATIONS = option('iterations', quick ? 20 : 50);
/** What doctors type, as typed: a word, organ and method, an abbreviation, a code, a typo, a class. */
const QUERIES = [
  'ЭКГ',
  'УЗИ печени',
  'ОАК',
  'B01.047.001',
  'терапевт повторный',
  'прием кардиолога',
  'мрт',
  'рентген грудной',
  'терапефт',
  'B01',
];
/** A letter for a first therapist visit with the usual tests. */
const LETTER = ['B01.047.001', 'B03.016.003', 'A05.10.006', 'A04.16.001', 'A06.09.007'];

chooseBenchDatabase(flag('pglite'));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remed-bench-search-'));
const { database, drop } = await openBenchDatabase(dir);
let keep = false;
try {
  const rt = await silentRuntime(dir, database);
  const { db } = database;
  const ids = rt.deps.ids;
  const now = new Date();
  const today = moscowDate(now);

  // --- Data: clinics, their price list versions (10 % with an older one, 5 % with one published ahead).
  const loadStart = process.hrtime.bigint();
  const clinicIds = Array.from({ length: CLINICS }, () => ids.uuid());
  for (let i = 0; i < CLINICS; i += 500)
    await db.insert(clinics).values(
      clinicIds.slice(i, i + 500).map((id, k) => ({
        id,
        inn: String(7700000000 + i + k),
        name: `ООО «Клиника ${i + k + 1}»`,
        shortName: `Клиника ${i + k + 1}`,
        address: `г. Москва, ул. Тестовая, д. ${i + k + 1}`,
        rating: (5 + ((i + k) % 50) / 10).toFixed(1),
      })),
    );
  let rowsWritten = 0;
  let versionsWritten = 0;
  await pool(database.kind === 'postgres' ? 2 : 1, CLINICS, async (i) => {
    const clinicId = clinicIds[i]!;
    const rows = clinicPriceList(i, ROWS);
    const scaled = (f: number) =>
      rows.map(([c, s, n, k]): (typeof rows)[number] => [
        c,
        s,
        n,
        Math.floor((k * Math.round(f * 100)) / 100),
      ]);
    const versions: { effectiveFrom: string; rows: typeof rows }[] = [];
    if (i % 10 === 3) versions.push({ effectiveFrom: addDays(today, -400), rows: scaled(0.9) });
    versions.push({ effectiveFrom: addDays(today, -60), rows });
    if (i % 20 === 7) versions.push({ effectiveFrom: addDays(today, 20), rows: scaled(1.1) });
    await db.transaction(async (tx) => {
      for (const [n, v] of versions.entries()) {
        await insertPublishedVersion(tx, ids, { clinicId, number: n + 1, at: now, ...v });
        rowsWritten += v.rows.length;
        versionsWritten++;
      }
    });
    if ((i + 1) % 100 === 0) process.stdout.write(`  ${i + 1} clinics\r`);
  });
  const loadS = Number(process.hrtime.bigint() - loadStart) / 1e9;
  const vacuumStart = process.hrtime.bigint();
  await database.query('vacuum analyze');
  const vacuumS = Number(process.hrtime.bigint() - vacuumStart) / 1e9;
  const [{ n: inForce } = { n: '0' }] = await sqlRows<{ n: string }>(
    db,
    sql`select count(*)::text as n from price_list_items i join price_list_versions v on v.id = i.version_id
        where v.effective_from = ${addDays(today, -60)}::date`,
  );
  console.log(
    `data: ${CLINICS} clinics, ${versionsWritten} published versions, ${rowsWritten} price rows (${inForce} in force today), database: ${database.kind}; written in ${loadS.toFixed(1)} s, vacuum analyze ${vacuumS.toFixed(1)} s`,
  );

  // --- A case: an insured person of a program that has every clinic, opened by a doctor.
  const [doctorId, personId, policyId, requestId, caseId] = Array.from({ length: 5 }, () => ids.uuid()) as [
    string,
    string,
    string,
    string,
    string,
  ];
  const programId = await insertBenchProgram(db, ids, {
    name: 'Поликлиника и диагностика',
    validFrom: '2020-01-01',
    validTo: '2099-12-31',
    coveredPrefixes: ['B01.', 'B03.', 'A04.', 'A05.', 'A06.'],
    createdAt: now,
  });
  for (let i = 0; i < CLINICS; i += 1000)
    await db
      .insert(programClinics)
      .values(clinicIds.slice(i, i + 1000).map((clinicId) => ({ programId, clinicId })));
  await db.insert(users).values({
    id: doctorId,
    fullName: 'Врач пульта',
    email: 'doctor@bench.ru',
    passwordHash: '-',
    roles: ['console_doctor'],
    createdAt: now,
    updatedAt: now,
  });
  await insertBenchInsured(db, now, {
    personId,
    policyId,
    policyNumber: 'Б-1',
    programId,
    phone: '+79160000000',
  });
  await insertBenchCase(db, now, {
    requestId,
    caseId,
    personId,
    policyId,
    doctorId,
    complaint: 'Давление, слабость',
    requestStatus: 'in_work',
    caseStatus: 'open',
  });

  // --- Baseline: a primary-key lookup through the same pool.
  const baseline: number[] = [];
  for (let i = 0; i < 20; i++)
    await db
      .select()
      .from(clinics)
      .where(eq(clinics.id, clinicIds[i % CLINICS]!));
  for (let i = 0; i < ITERATIONS * QUERIES.length; i++)
    baseline.push(
      await timed(() =>
        db
          .select()
          .from(clinics)
          .where(eq(clinics.id, clinicIds[i % CLINICS]!)),
      ),
    );

  // --- Search: each query warmed twice, then ITERATIONS rounds of the mix.
  const byQuery = new Map<string, number[]>(QUERIES.map((q) => [q, []]));
  const found = new Map<string, Awaited<ReturnType<typeof findServices>>>();
  for (const q of QUERIES) {
    found.set(q, await findServices(rt.deps, q));
    await findServices(rt.deps, q);
  }
  for (let i = 0; i < ITERATIONS; i++)
    for (const q of QUERIES) byQuery.get(q)!.push(await timed(() => findServices(rt.deps, q)));
  const search = [...byQuery.values()].flat();

  // --- Ranking the clinics for a five-service letter.
  const services = LETTER.map((serviceCode) => ({ serviceCode, quantity: 1 }));
  const ranked = await rankClinics(rt.deps, caseId, services);
  await rankClinics(rt.deps, caseId, services);
  const rank: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) rank.push(await timed(() => rankClinics(rt.deps, caseId, services)));

  console.log('query                 p50, ms   p95, ms   hits  first hit');
  for (const q of QUERIES) {
    const t = byQuery.get(q)!;
    const hits = found.get(q)!;
    const first = hits[0] ? `${hits[0].serviceCode} ${hits[0].name} (${hits[0].clinics} clinics)` : '—';
    console.log(
      `${q.padEnd(20)} ${ms(percentile(t, 50)).padStart(8)} ${ms(percentile(t, 95)).padStart(9)} ${String(hits.length).padStart(6)}  ${first}`,
    );
  }
  const complete = ranked.filter((r) => !r.missing.length).length;
  console.log(
    `ranking: ${ranked.length} clinics (${complete} with all five services), first ${ranked[0]?.name} ${ranked[0]?.total} kopecks`,
  );
  const line = (name: string, xs: number[]) =>
    `${name}: p50 ${ms(percentile(xs, 50))} ms, p95 ${ms(percentile(xs, 95))} ms, p99 ${ms(percentile(xs, 99))} ms (${xs.length} runs)`;
  console.log(line('search', search));
  console.log(line('ranking', rank));
  console.log(line('baseline primary-key lookup', baseline));
  const b95 = percentile(baseline, 95);
  console.log(
    `console_search_p50_ms=${ms(percentile(search, 50))} p95_ms=${ms(percentile(search, 95))} p99_ms=${ms(percentile(search, 99))} rank_p50_ms=${ms(percentile(rank, 50))} rank_p95_ms=${ms(percentile(rank, 95))} rank_p99_ms=${ms(percentile(rank, 99))} baseline_p95_ms=${ms(b95)} search_ratio=${(percentile(search, 95) / b95).toFixed(1)} rank_ratio=${(percentile(rank, 95) / b95).toFixed(1)}`,
  );
  if (flag('keep') && database.url) {
    keep = true;
    console.log(`kept: ${database.url}`);
  }
  await rt.close();
} finally {
  if (!keep) await drop();
  fs.rmSync(dir, { recursive: true, force: true });
}
if (keep) process.exit(0);
