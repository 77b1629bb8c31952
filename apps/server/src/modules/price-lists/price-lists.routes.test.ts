import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  loggedIn,
  makeClinic,
  multipartBody,
  TestClient,
  type TestContext,
} from '../../../test/harness.ts';
import { auditLog, priceListVersions } from '../../db/schema/index.ts';
import { runPriceListImport } from './import-price-list-file.ts';

const HEADER = ['Код клиники', 'Код услуги 804н', 'Наименование услуги', 'Цена, руб.', 'Примечание'];
const THERAPIST = 'Прием (осмотр, консультация) врача-терапевта первичный';

async function xlsx(rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Прейскурант');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function sheets(content: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => ({
    name: ws.name,
    rows: ws
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1)),
  }));
}

let ctx: TestContext;
let clinicA: { id: string };
let clinicB: { id: string };
let userA: TestClient;
let userB: TestClient;
let admin: TestClient;

beforeAll(async () => {
  ctx = await createTestContext({ LOGIN_RATE_PER_MINUTE: '1000' });
  clinicA = await makeClinic(ctx.deps, [
    ['B01.047.001', THERAPIST, 2500],
    ['A04.16.001', 'Ультразвуковое исследование органов брюшной полости (комплексное)', 3400],
    ['A06.09.007', 'Рентгенография легких', 1900],
  ]);
  clinicB = await makeClinic(ctx.deps, [['B01.047.001', THERAPIST, 2400]]);
  userA = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinicA.id] })).client;
  userB = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinicB.id] })).client;
  admin = (await loggedIn(ctx, ['admin'])).client;
});
afterAll(() => ctx.close());

const api = (clinicId: string, path = '') => `/api/clinics/${clinicId}/price-lists${path}`;

async function upload(client: TestClient, clinicId: string, name: string, content: Buffer) {
  const res = await client.request({
    method: 'POST',
    url: api(clinicId, '/uploads'),
    ...multipartBody({}, { field: 'file', name, content }),
  });
  if (res.statusCode === 202) await runPriceListImport(ctx.deps, res.json().id);
  return res;
}

async function uploaded(rows: (string | number)[][], clinicId = clinicA.id, client = userA) {
  const res = await upload(client, clinicId, 'prices.xlsx', await xlsx([HEADER, ...rows]));
  expect(res.statusCode).toBe(202);
  return (await client.get(api(clinicId, `/${res.json().id}`))).json();
}

const put = (client: TestClient, url: string, payload: unknown) =>
  client.request({ method: 'PUT', url, payload: payload as Record<string, unknown> });

describe('template', () => {
  it('is an XLSX with a sheet to fill, instructions and an example of real 804н rows', async () => {
    const res = await userA.get(api(clinicA.id, '/template.xlsx'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const [fill, help, example] = await sheets(res.rawPayload);
    expect([fill!.name, help!.name, example!.name]).toEqual(['Прейскурант', 'Инструкция', 'Пример']);
    expect(fill!.rows).toEqual([HEADER]);
    expect(help!.rows.flat().join(' ')).toContain('804н');
    expect(example!.rows[0]).toEqual(HEADER);
    expect(example!.rows.length).toBeGreaterThan(10);
    for (const r of example!.rows.slice(1)) expect(String(r[1])).toMatch(/^[AB]\d{2}\.\d{2,3}\.\d{3}$/);
  });

  it('is a CSV in UTF-8 with BOM and «;», which uploads without errors', async () => {
    const res = await userA.get(api(clinicA.id, '/template.csv'));
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(res.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(HEADER.join(';'));
    const check = await upload(userA, clinicA.id, 'template.csv', res.rawPayload);
    const view = (await userA.get(api(clinicA.id, `/${check.json().id}`))).json();
    expect(view).toMatchObject({ import: { status: 'done' }, errorCount: 0, warningCount: 0 });
    await userA.delete(api(clinicA.id, `/${view.id}`));
  });
});

describe('a draft from a file to a published version', () => {
  it('refuses to publish with errors, takes fixes online, then publishes and shows the changes', async () => {
    const draft = await uploaded([
      ['1.1', 'B01.047.001', THERAPIST, '2 750,00', ''],
      ['1.2', 'A04.16.001', 'Ультразвуковое исследование органов брюшной полости', '3400', ''],
      ['1.3', 'A09.05.023', 'Исследование уровня глюкозы в крови', '35O', ''],
      ['1.4', 'A05.10.006', 'Регистрация электрокардиограммы', '1200', ''],
    ]);
    expect(draft).toMatchObject({ status: 'draft', errorCount: 1, rowCount: 4 });
    expect(draft.issues[0]).toMatchObject({ row: 4, field: 'price', column: 'Цена, руб.' });

    const refused = await userA.post(api(clinicA.id, `/${draft.id}/publish`), {
      effectiveFrom: '2026-11-20',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'PRICE_LIST_HAS_ERRORS', details: { errorCount: 1 } });

    const bad = (await userA.get(api(clinicA.id, `/${draft.id}/rows?filter=issues`))).json().items[0];
    expect(bad).toMatchObject({ line: 4, priceText: '35O', price: null });
    expect(bad.issues[0]).toMatchObject({ field: 'price', severity: 'error' });
    const stillBad = await put(userA, api(clinicA.id, `/${draft.id}/rows/${bad.id}`), {
      ...bad,
      price: '0,001',
    });
    expect(stillBad.statusCode).toBe(400);
    expect(stillBad.json().details.fields).toEqual({
      price: 'Не больше двух знаков после запятой (копейки)',
    });
    const dup = await put(userA, api(clinicA.id, `/${draft.id}/rows/${bad.id}`), {
      ...bad,
      price: '350',
      serviceCode: 'a04.16.001',
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().details.fields).toEqual({ serviceCode: 'Код A04.16.001 уже есть в строке 3' });
    const fixed = await put(userA, api(clinicA.id, `/${draft.id}/rows/${bad.id}`), { ...bad, price: '350' });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ row: { price: 35_000, issues: [] }, version: { errorCount: 0 } });

    const added = await userA.post(api(clinicA.id, `/${draft.id}/rows`), {
      clinicCode: '1.5',
      serviceCode: 'B01.047.002',
      name: 'Прием (осмотр, консультация) врача-терапевта первичный на дому',
      price: '2100',
      note: '',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().row).toMatchObject({
      line: 6,
      issues: [{ severity: 'warning', field: 'serviceCode' }],
    });
    expect(added.json().version).toMatchObject({ errorCount: 0, warningCount: 1, rowCount: 5 });

    const preview = (await userA.get(api(clinicA.id, `/${draft.id}/diff`))).json();
    expect(preview).toMatchObject({
      base: { number: 1 },
      added: 3,
      removed: 1,
      priceChanged: 1,
      renamed: 1,
      unchanged: 0,
    });

    const past = await userA.post(api(clinicA.id, `/${draft.id}/publish`), { effectiveFrom: '2026-11-19' });
    expect(past.statusCode).toBe(400);
    expect(past.json().details.fields.effectiveFrom).toMatch(
      /не может быть раньше сегодняшней \(20\.11\.2026\)/,
    );
    const published = await userA.post(api(clinicA.id, `/${draft.id}/publish`), {
      effectiveFrom: '2026-11-20',
    });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({
      status: 'published',
      effectiveFrom: '2026-11-20',
      inForce: true,
      warningCount: 1,
    });
    const again = await userA.post(api(clinicA.id, `/${draft.id}/publish`), { effectiveFrom: '2026-11-21' });
    expect(again.json().code).toBe('INVALID_STATE');
    const frozen = await put(userA, api(clinicA.id, `/${draft.id}/rows/${bad.id}`), { ...bad, price: '351' });
    expect(frozen.json().code).toBe('INVALID_STATE');

    const overview = (await userA.get(api(clinicA.id))).json();
    expect(overview.currentId).toBe(draft.id);
    const first = overview.versions.find((v: { number: number }) => v.number === 1);
    expect(first).toMatchObject({
      status: 'published',
      effectiveFrom: '2026-01-01',
      effectiveTo: '2026-11-19',
      inForce: false,
    });

    const diff = (await userA.get(api(clinicA.id, `/${draft.id}/diff`))).json();
    expect(diff).toMatchObject({
      base: { number: 1, effectiveFrom: '2026-01-01' },
      added: 3,
      removed: 1,
      priceChanged: 1,
      renamed: 1,
    });
    const byCode = Object.fromEntries(diff.entries.map((e: { serviceCode: string }) => [e.serviceCode, e]));
    expect(byCode['B01.047.001']).toMatchObject({
      kind: 'changed',
      oldPrice: 250_000,
      newPrice: 275_000,
      percent: 10,
    });
    expect(byCode['A04.16.001']).toMatchObject({
      kind: 'changed',
      renamed: true,
      priceChanged: false,
      oldName: 'Ультразвуковое исследование органов брюшной полости (комплексное)',
    });
    expect(byCode['A06.09.007']).toMatchObject({ kind: 'removed', oldPrice: 190_000 });

    const audit = await ctx.deps.database.db.select().from(auditLog).where(eq(auditLog.entityId, draft.id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'price_list.uploaded',
        'price_list.row_changed',
        'price_list.row_added',
        'price_list.published',
      ]),
    );
  });
});

describe('effective dates', () => {
  it('applies a version from its date until the next one; one in force today is not replaced on its own date', async () => {
    const clinic = await makeClinic(ctx.deps, [['B01.047.001', THERAPIST, 2500]]);
    const user = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinic.id] })).client;
    const draftAt = async (price: string) => {
      const current = (await user.get(api(clinic.id))).json().currentId;
      const d = (await user.post(api(clinic.id, '/drafts'), { fromVersionId: current })).json();
      expect(d).toMatchObject({
        status: 'draft',
        source: 'editor',
        basedOnNumber: expect.any(Number),
        rowCount: 1,
      });
      const row = (await user.get(api(clinic.id, `/${d.id}/rows`))).json().items[0];
      expect(row).toMatchObject({
        priceText: expect.stringMatching(/^\d+,\d\d$/),
        price: expect.any(Number),
      });
      await put(user, api(clinic.id, `/${d.id}/rows/${row.id}`), { ...row, price });
      return d.id as string;
    };
    const december = await draftAt('2 800');
    expect(
      (await user.post(api(clinic.id, `/${december}/publish`), { effectiveFrom: '2026-12-01' })).statusCode,
    ).toBe(200);
    const replacement = await draftAt('2 900');
    const diff = (await user.get(api(clinic.id, `/${replacement}/diff?effectiveFrom=2026-12-01`))).json();
    expect(diff.base.number).toBe(1);
    expect(
      (await user.post(api(clinic.id, `/${replacement}/publish`), { effectiveFrom: '2026-12-01' }))
        .statusCode,
    ).toBe(200);
    const today = await draftAt('2 600');
    expect(
      (await user.post(api(clinic.id, `/${today}/publish`), { effectiveFrom: '2026-11-20' })).statusCode,
    ).toBe(200);
    const sameDay = await draftAt('2 700');
    const conflict = await user.post(api(clinic.id, `/${sameDay}/publish`), { effectiveFrom: '2026-11-20' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().details.fields.effectiveFrom).toMatch(
      /уже действует версия 4: выберите 21\.11\.2026 или позже/,
    );

    const versions = (await user.get(api(clinic.id))).json().versions as {
      number: number;
      status: string;
      effectiveFrom: string | null;
      effectiveTo: string | null;
      inForce: boolean;
    }[];
    expect(versions.map((v) => [v.number, v.status, v.effectiveFrom, v.effectiveTo, v.inForce])).toEqual([
      [5, 'draft', null, null, false],
      [4, 'published', '2026-11-20', '2026-11-30', true],
      [3, 'published', '2026-12-01', null, false],
      [2, 'superseded', '2026-12-01', null, false],
      [1, 'published', '2026-01-01', '2026-11-19', false],
    ]);
    const superseded = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'price_list.superseded'));
    expect(superseded.length).toBeGreaterThan(0);
  });
});

describe('versions back as files', () => {
  it('downloads a published version in the template layout, which uploads again with no changes', async () => {
    const overview = (await userA.get(api(clinicA.id))).json();
    const current = overview.currentId as string;
    const res = await userA.get(api(clinicA.id, `/${current}/download.xlsx`));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const [sheet] = await sheets(res.rawPayload);
    expect(sheet!.rows[0]).toEqual(HEADER);
    expect(sheet!.rows.length - 1).toBe(
      overview.versions.find((v: { id: string }) => v.id === current).rowCount,
    );
    const again = await upload(userA, clinicA.id, 'back.xlsx', res.rawPayload);
    const diff = (await userA.get(api(clinicA.id, `/${again.json().id}/diff`))).json();
    expect(diff).toMatchObject({ added: 0, removed: 0, priceChanged: 0, renamed: 0, skippedRows: 0 });
    expect(diff.unchanged).toBeGreaterThan(0);
    expect((await userA.delete(api(clinicA.id, `/${again.json().id}`))).statusCode).toBe(200);
  });

  it('downloads a draft with the remarks of the check, and the report of the check', async () => {
    const draft = await uploaded([
      ['7.1', 'B01.047.001', THERAPIST, '-5', ''],
      ['7.2', 'A06.09.007', 'УЗИ почек', '900', ''],
    ]);
    const [sheet] = await sheets((await userA.get(api(clinicA.id, `/${draft.id}/download.xlsx`))).rawPayload);
    expect(sheet!.rows[0]).toEqual([...HEADER, 'Замечания проверки']);
    expect(sheet!.rows[1]![3]).toBe('-5');
    expect(String(sheet!.rows[1]![5])).toContain('Ошибка: Цена, руб. — цена должна быть больше нуля');
    expect(String(sheet!.rows[2]![5])).toContain('Предупреждение: Код услуги 804н — Код A06');
    const report = await userA.get(api(clinicA.id, `/${draft.id}/report.csv`));
    expect(report.body).toContain('Строка;Столбец;Важность;Что не так');
    expect(report.body).toContain('2;Цена, руб.;ошибка;цена должна быть больше нуля');
    expect((await userA.delete(api(clinicA.id, `/${draft.id}`))).statusCode).toBe(200);
    expect((await userA.get(api(clinicA.id, `/${draft.id}`))).statusCode).toBe(404);
  });

  it('pages and searches the rows; a published version cannot be deleted', async () => {
    const current = (await userA.get(api(clinicA.id))).json().currentId;
    const page = (await userA.get(api(clinicA.id, `/${current}/rows?limit=2&offset=1`))).json();
    expect(page.total).toBe(5);
    expect(page.items.map((r: { line: number }) => r.line)).toEqual([3, 4]);
    const found = (
      await userA.get(api(clinicA.id, `/${current}/rows?q=${encodeURIComponent('глюкозы')}`))
    ).json();
    expect(found.items.map((r: { serviceCode: string }) => r.serviceCode)).toEqual(['A09.05.023']);
    const gone = await userA.delete(api(clinicA.id, `/${current}`));
    expect(gone.statusCode).toBe(409);
    expect(gone.json().code).toBe('INVALID_STATE');
  });
});

describe('access', () => {
  it('keeps each clinic to its own versions, other roles out, and anonymous callers asked to sign in', async () => {
    const draft = await uploaded([['8.1', 'B01.047.001', THERAPIST, '2500', '']]);
    const row = (await userA.get(api(clinicA.id, `/${draft.id}/rows`))).json().items[0];
    const published = (await userA.get(api(clinicA.id))).json().currentId as string;
    const rowBody = {
      clinicCode: '8.2',
      serviceCode: 'A04.16.001',
      name: 'УЗИ брюшной полости',
      price: '1000',
    };
    const file = await xlsx([HEADER, ['9.1', 'B01.047.001', THERAPIST, '1', '']]);
    const calls = (clinicId: string): [string, (c: TestClient) => Promise<{ statusCode: number }>][] => [
      ['overview', (c) => c.get(api(clinicId))],
      ['template', (c) => c.get(api(clinicId, '/template.xlsx'))],
      [
        'upload',
        (c) =>
          c.request({
            method: 'POST',
            url: api(clinicId, '/uploads'),
            ...multipartBody({}, { field: 'file', name: 'x.xlsx', content: file }),
          }),
      ],
      ['new draft', (c) => c.post(api(clinicId, '/drafts'), { fromVersionId: published })],
      ['version', (c) => c.get(api(clinicId, `/${draft.id}`))],
      ['rows', (c) => c.get(api(clinicId, `/${draft.id}/rows`))],
      ['add row', (c) => c.post(api(clinicId, `/${draft.id}/rows`), rowBody)],
      ['change row', (c) => put(c, api(clinicId, `/${draft.id}/rows/${row.id}`), rowBody)],
      ['delete row', (c) => c.delete(api(clinicId, `/${draft.id}/rows/${row.id}`))],
      ['publish', (c) => c.post(api(clinicId, `/${draft.id}/publish`), { effectiveFrom: '2026-12-15' })],
      ['diff', (c) => c.get(api(clinicId, `/${published}/diff`))],
      ['download', (c) => c.get(api(clinicId, `/${published}/download.xlsx`))],
      ['report', (c) => c.get(api(clinicId, `/${draft.id}/report.xlsx`))],
      ['delete draft', (c) => c.delete(api(clinicId, `/${draft.id}`))],
    ];
    const statuses = async (c: TestClient, clinicId: string) => {
      const out: Record<string, number> = {};
      for (const [name, call] of calls(clinicId)) out[name] = (await call(c)).statusCode;
      return out;
    };
    const all = (status: number) => Object.fromEntries(calls(clinicA.id).map(([n]) => [n, status]));

    expect(await statuses(userB, clinicA.id)).toEqual(all(403));
    // Clinic A's versions named under clinic B's own path are simply not there.
    const underOwnPath = await statuses(userB, clinicB.id);
    for (const name of [
      'version',
      'rows',
      'add row',
      'change row',
      'delete row',
      'publish',
      'diff',
      'download',
      'report',
      'delete draft',
    ])
      expect([name, underOwnPath[name]]).toEqual([name, 404]);
    for (const role of [
      'insurer_user',
      'console_doctor',
      'insured',
      'policyholder_user',
      'oms_rep',
    ] as const) {
      const other = (await loggedIn(ctx, [role])).client;
      expect(await statuses(other, clinicA.id)).toEqual(all(403));
    }
    expect(await statuses(new TestClient(ctx.app), clinicA.id)).toEqual(all(401));

    // None of it changed clinic A's draft.
    const after = (await userA.get(api(clinicA.id, `/${draft.id}`))).json();
    expect(after).toMatchObject({ status: 'draft', rowCount: 1 });
    const versionsA = await ctx.deps.database.db
      .select()
      .from(priceListVersions)
      .where(eq(priceListVersions.clinicId, clinicA.id));
    expect(versionsA.filter((v) => v.status === 'draft')).toHaveLength(1);

    // The service's administrator may look into any clinic's price list (support).
    expect((await admin.get(api(clinicA.id, `/${draft.id}`))).statusCode).toBe(200);
    expect((await admin.get(api(clinicB.id))).statusCode).toBe(200);
  });

  it('answers 400 with the field for a malformed row or date', async () => {
    const draft = (await userA.post(api(clinicA.id, '/drafts'), {})).json();
    expect(draft).toMatchObject({ status: 'draft', rowCount: 0, errorCount: 1 });
    const res = await userA.post(api(clinicA.id, `/${draft.id}/rows`), {
      clinicCode: '',
      serviceCode: 'X01',
      name: 'Услуга',
      price: 'сто',
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().details.fields).sort()).toEqual(['clinicCode', 'price', 'serviceCode']);
    const date = await userA.post(api(clinicA.id, `/${draft.id}/publish`), { effectiveFrom: '01.12.2026' });
    expect(date.statusCode).toBe(400);
    expect(date.json().details.fields).toHaveProperty('effectiveFrom');
    const empty = await userA.post(api(clinicA.id, `/${draft.id}/publish`), { effectiveFrom: '2026-12-01' });
    expect(empty.json().code).toBe('PRICE_LIST_HAS_ERRORS');
    const noFile = await userA.request({
      method: 'POST',
      url: api(clinicA.id, '/uploads'),
      ...multipartBody({ note: 'x' }),
    });
    expect(noFile.json().details.fields).toEqual({ file: 'Выберите файл' });
    await userA.delete(api(clinicA.id, `/${draft.id}`));
  });
});
