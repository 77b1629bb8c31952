import { addDays, moscowDate, validatePriceList } from '@remed/core';
import { eq } from 'drizzle-orm';
import { priceListVersions, users } from '../db/schema/index.ts';
import { reportOf } from '../modules/price-lists/draft-check.ts';
import { insertDraftRows } from '../modules/price-lists/draft-rows.queries.ts';
import { insertPublishedVersion } from '../modules/price-lists/price-list-versions.queries.ts';
import type { AppDeps } from '../platform/deps.ts';
import { DEMO_CLINICS, DEMO_DRAFT_FILE, DEMO_PRICE_CHANGES, demoDraftRows } from './demo-data.ts';

/**
 * Each clinic's price list from the start of the year, uploaded by the demo clinic user; the first clinic
 * changed some prices from the first day of this month, the second has a draft with mistakes in it.
 */
export async function seedPriceLists(deps: AppDeps, clinicIds: string[], yearStart: string) {
  const { ids, clock } = deps;
  const db = deps.database.db;
  const now = clock.now();
  const [author] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'clinic@demo.remed.ru'));
  const year = yearStart.slice(0, 4);
  const kopecks = (rubles: number) => rubles * 100;
  for (const [n, c] of DEMO_CLINICS.entries()) {
    await insertPublishedVersion(db, ids, {
      clinicId: clinicIds[n]!,
      number: 1,
      effectiveFrom: yearStart,
      at: now,
      sourceFileName: `Прейскурант ${year}.xlsx`,
      createdBy: author?.id ?? null,
      rows: c.prices.map(([clinicCode, code, name, rubles]) => [clinicCode, code, name, kopecks(rubles)]),
    });
  }
  const monthStart = `${moscowDate(now).slice(0, 7)}-01`;
  const changes = DEMO_PRICE_CHANGES;
  await insertPublishedVersion(db, ids, {
    clinicId: clinicIds[0]!,
    number: 2,
    effectiveFrom: monthStart > yearStart ? monthStart : addDays(yearStart, 1),
    at: now,
    sourceFileName: `Прейскурант ${year}, изменения.xlsx`,
    createdBy: author?.id ?? null,
    rows: [...DEMO_CLINICS[0]!.prices, ...changes.added]
      .filter(([, code]) => !changes.removed.includes(code))
      .map(([clinicCode, code, name, rubles]) => [
        clinicCode,
        code,
        changes.renamed[code] ?? name,
        kopecks(changes.prices[code] ?? rubles),
      ]),
  });
  const draftId = ids.uuid();
  const check = validatePriceList(
    demoDraftRows(DEMO_CLINICS[1]!.prices).map(([clinicCode, serviceCode, name, price], i) => ({
      id: ids.uuid(),
      line: i + 2,
      clinicCode,
      serviceCode,
      name,
      price,
    })),
  );
  await db.insert(priceListVersions).values({
    id: draftId,
    clinicId: clinicIds[1]!,
    number: 2,
    status: 'draft',
    source: 'file',
    sourceFileName: DEMO_DRAFT_FILE,
    importStatus: 'done',
    totalRows: check.rows.length,
    processedRows: check.rows.length,
    rowCount: check.rows.length,
    ...reportOf(check.issues),
    createdBy: author?.id ?? null,
    createdAt: now,
    updatedAt: now,
  });
  await insertDraftRows(
    db,
    draftId,
    check.rows.map((r) => ({ ...r, id: r.source.id, line: r.source.line })),
  );
}
