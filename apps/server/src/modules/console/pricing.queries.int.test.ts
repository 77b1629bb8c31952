import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/harness.ts';
import { type Database, sqlRows } from '../../db/client.ts';
import { clinics } from '../../db/schema/index.ts';
import { cryptoIds } from '../../platform/ids.ts';
import { insertPublishedVersion } from '../price-lists/price-list-versions.queries.ts';
import { serviceNames } from './case-coverage.ts';
import { effectivePrices } from './pricing.queries.ts';
import { searchServices } from './search-services.ts';

const DAY = '2026-11-20';
let database: Database;
let drop: () => Promise<void>;
const clinic: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };

type Row = [serviceCode: string, name: string, rubles: number];

async function publish(clinicId: string, number: number, effectiveFrom: string, rows: Row[]) {
  await insertPublishedVersion(database.db, cryptoIds, {
    clinicId,
    number,
    effectiveFrom,
    at: new Date('2026-01-01T00:00:00Z'),
    rows: rows.map(([code, name, rubles], i) => [`${number}.${i + 1}`, code, name, rubles * 100]),
  });
}

const search = (q: string) => searchServices(database.db, q, DAY);
const codes = async (q: string) => (await search(q)).map((h) => h.serviceCode);

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  for (const [i, key] of (['A', 'B', 'C'] as const).entries()) {
    clinic[key] = cryptoIds.uuid();
    await database.db
      .insert(clinics)
      .values({ id: clinic[key], inn: `770100000${i}`, name: `Клиника ${key}`, shortName: key });
  }
  // A: one version in force, names as in 804н.
  await publish(clinic.A, 1, '2026-01-01', [
    ['A05.10.006', 'Регистрация электрокардиограммы', 1200],
    ['A04.14.001', 'Ультразвуковое исследование печени', 1800],
    ['A04.28.001', 'Ультразвуковое исследование почек и надпочечников', 1900],
    ['B03.016.003', 'Общий (клинический) анализ крови развернутый', 750],
    ['B01.047.001', 'Прием (осмотр, консультация) врача-терапевта первичный', 2500],
    ['B01.047.002', 'Прием (осмотр, консультация) врача-терапевта повторный', 2100],
    ['A06.09.007', 'Рентгенография легких', 1900],
  ]);
  // B: its own spelling (abbreviations, ё, capitals), cheaper; an older version with a code since dropped.
  await publish(clinic.B, 1, '2025-01-01', [
    ['A05.10.006', 'ЭКГ', 500],
    ['A05.23.009', 'МРТ головного мозга', 6000],
  ]);
  await publish(clinic.B, 2, '2026-06-01', [
    ['A05.10.006', 'ЭКГ в 12 отведениях', 900],
    ['A04.14.001', 'УЗИ ПЕЧЕНИ', 1500],
    ['B01.047.002', 'Приём врача-терапевта повторный', 1900],
  ]);
  // C: published ahead only: nothing of it is offered on DAY.
  await publish(clinic.C, 1, '2026-12-01', [
    ['A05.10.006', 'Регистрация электрокардиограммы', 300],
    ['A05.10.008', 'Холтеровское мониторирование сердечного ритма', 4000],
  ]);
});
afterAll(() => drop());

describe('service search', () => {
  it('finds a service by its abbreviation, counting the clinics and the lowest price in force', async () => {
    const [ecg, ...rest] = await search('ЭКГ');
    expect(rest).toEqual([]);
    // Clinic C's lower price starts in December; B's older price is superseded.
    expect(ecg).toEqual({
      serviceCode: 'A05.10.006',
      name: expect.any(String),
      clinics: 2,
      minPrice: 90_000,
    });
    expect(['Регистрация электрокардиограммы', 'ЭКГ в 12 отведениях']).toContain(ecg!.name);
  });

  it('matches every typed word in any form, whatever the case, ё and the clinic’s spelling', async () => {
    expect(await search('УЗИ печени')).toEqual([
      { serviceCode: 'A04.14.001', name: expect.any(String), clinics: 2, minPrice: 150_000 },
    ]);
    expect(await codes('ОАК')).toEqual(['B03.016.003']);
    expect(await search('терапевт повторный')).toEqual([
      { serviceCode: 'B01.047.002', name: expect.any(String), clinics: 2, minPrice: 190_000 },
    ]);
    expect(await codes('повторный приём терапевта')).toEqual(['B01.047.002']);
    expect(await codes('рентген легких')).toEqual(['A06.09.007']);
  });

  it('names a service as most of its clinics in force write it', async () => {
    await publish(clinic.C, 2, '2026-02-01', [
      ['A04.28.001', 'Ультразвуковое исследование почек и надпочечников', 2000],
    ]);
    const other = cryptoIds.uuid();
    await database.db.insert(clinics).values({ id: other, inn: '7701000009', name: 'D', shortName: 'D' });
    await publish(other, 1, '2026-01-01', [['A04.28.001', 'УЗИ почек', 1700]]);
    expect(await search('узи почек')).toEqual([
      {
        serviceCode: 'A04.28.001',
        name: 'Ультразвуковое исследование почек и надпочечников',
        clinics: 3,
        minPrice: 170_000,
      },
    ]);
  });

  it('searches a typed 804н code as a prefix, in code order, also with a Cyrillic letter', async () => {
    expect(await codes('B01.047')).toEqual(['B01.047.001', 'B01.047.002']);
    expect(await codes('в01.047.001')).toEqual(['B01.047.001']);
    expect(await codes('A05')).toEqual(['A05.10.006']);
    expect(await codes('B01.999')).toEqual([]);
  });

  it('skips codes no clinic offers on the day, however well their names match', async () => {
    // МРТ was in B's superseded version; the Holter monitoring is only in C's future one.
    expect(await codes('мрт')).toEqual([]);
    expect(await codes('холтеровское')).toEqual([]);
    expect(await searchServices(database.db, 'холтеровское', '2026-12-01')).toEqual([
      {
        serviceCode: 'A05.10.008',
        name: 'Холтеровское мониторирование сердечного ритма',
        clinics: 1,
        minPrice: 400_000,
      },
    ]);
  });

  it('falls back to word similarity when the words find nothing: a typo still finds the service', async () => {
    const typo = await codes('терапефт');
    expect(typo.slice(0, 2).sort()).toEqual(['B01.047.001', 'B01.047.002']);
    expect(await codes('zzzz')).toEqual([]);
    expect(await codes('ж')).toEqual([]);
  });

  it('keeps to 20 services offered, best match first', async () => {
    const many = cryptoIds.uuid();
    await database.db.insert(clinics).values({ id: many, inn: '7701000008', name: 'E', shortName: 'E' });
    const rows: Row[] = Array.from({ length: 30 }, (_, i) => [
      `A09.05.${String(100 + i).padStart(3, '0')}`,
      `Исследование уровня вещества № ${i + 1} в крови`,
      300 + i,
    ]);
    await publish(many, 1, '2026-01-01', rows);
    const found = await codes('исследование уровня');
    expect(found).toHaveLength(20);
    expect(found).toEqual([...found].sort());
    expect(await codes('')).toHaveLength(20);
  });

  it('every name ever published is in the catalogue once, and gives a name for a chosen code', async () => {
    const [{ n } = { n: 0 }] = await sqlRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from service_names where service_code = 'A05.10.006'`,
    );
    expect(n).toBe(3);
    const names = await serviceNames(database.db, ['A05.10.006', 'B01.047.002', 'A00.00.000']);
    expect(names).toEqual(
      new Map([
        ['A05.10.006', 'Регистрация электрокардиограммы'],
        ['B01.047.002', 'Прием (осмотр, консультация) врача-терапевта повторный'],
      ]),
    );
  });
});

describe('prices for ranking', () => {
  it('gives each clinic its price from the version in force on the day, for the clinics asked', async () => {
    const prices = async (day: string, ids: string[] | null) =>
      (await effectivePrices(database.db, ['A05.10.006', 'A05.23.009'], day, ids))
        .filter((p) => [clinic.A, clinic.B, clinic.C].includes(p.clinicId))
        .map(
          (p) =>
            `${Object.entries(clinic).find(([, id]) => id === p.clinicId)![0]} ${p.serviceCode} ${p.price}`,
        )
        .sort();
    expect(await prices(DAY, null)).toEqual(['A A05.10.006 120000', 'B A05.10.006 90000']);
    expect(await prices('2025-03-01', null)).toEqual(['B A05.10.006 50000', 'B A05.23.009 600000']);
    expect(await prices('2026-12-01', [clinic.B, clinic.C])).toEqual([
      'B A05.10.006 90000',
      'C A05.10.006 30000',
    ]);
    expect(await prices(DAY, [])).toEqual([]);
  });
});
