import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loggedIn, makeClinic } from '../../../test/harness.ts';
import {
  api,
  clinicA,
  ctx,
  HEADER,
  put,
  setUpPriceListsWorld,
  sheets,
  THERAPIST,
  upload,
  uploaded,
  userA,
} from '../../../test/price-lists-world.ts';
import { auditLog } from '../../db/schema/index.ts';

setUpPriceListsWorld();

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

// Reads the version the tests above published for clinic A, so it stays in their file and runs after them.
describe('rows of a published version', () => {
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
