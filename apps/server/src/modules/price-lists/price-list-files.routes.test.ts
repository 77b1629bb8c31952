import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loggedIn, multipartBody, TestClient } from '../../../test/harness.ts';
import {
  admin,
  api,
  clinicA,
  clinicB,
  ctx,
  HEADER,
  put,
  setUpPriceListsWorld,
  sheets,
  THERAPIST,
  upload,
  uploaded,
  userA,
  userB,
  xlsx,
} from '../../../test/price-lists-world.ts';
import { priceListVersions } from '../../db/schema/index.ts';

setUpPriceListsWorld();

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
