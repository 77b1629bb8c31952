import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  loggedIn,
  makeClinic,
  multipartBody,
  type TestClient,
  type TestContext,
} from '../../../test/harness.ts';
import { HEADER, uploadAndView } from '../../../test/price-lists-world.ts';
import { auditLog, priceListVersions } from '../../db/schema/index.ts';
import { runPriceListImport } from './import-price-list-file.ts';

export async function xlsx(rows: (string | number)[][], sheet = 'Прейскурант') {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CP1251 bytes for Cyrillic text, as Excel on a Russian Windows saves «CSV (разделители — точка с запятой)». */
function cp1251(text: string): Buffer {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => table.get(ch) ?? 0x3f));
}

let ctx: TestContext;
let clinic: { id: string };
let user: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  clinic = await makeClinic(ctx.deps, [
    ['B01.047.001', 'Прием (осмотр, консультация) врача-терапевта первичный', 2500],
  ]);
  user = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinic.id] })).client;
});
afterAll(() => ctx.close());

const upload = (name: string, content: Buffer) => uploadAndView(ctx, user, clinic.id, name, content);

const rows = (versionId: string, query = '') =>
  user.get(`/api/clinics/${clinic.id}/price-lists/${versionId}/rows${query}`).then((r) => r.json());

describe('price list files', () => {
  it('reads XLSX, reports each bad cell with its line and column, warns without blocking', async () => {
    const { res, view } = await upload(
      'прейскурант.xlsx',
      await xlsx([
        HEADER,
        ['1.01', 'B01.047.001', 'Прием (осмотр, консультация) врача-терапевта первичный', 2750, ''],
        [],
        [
          '1.02',
          'B01.047.002',
          'Прием (осмотр, консультация) врача-терапевта первичный на дому',
          '2 100,50',
          'будни',
        ],
        ['1.03', 'A04.16.001', 'УЗИ органов брюшной полости', '0', ''],
        ['1.01', 'B01.4.001', '', 'две тысячи', ''],
        ['1.05', 'В01.023.001', 'Прием невролога первичный', 3200.0000000000005, ''],
      ]),
    );
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({
      status: 'draft',
      import: { status: 'queued' },
      sourceFileName: 'прейскурант.xlsx',
    });
    expect(view).toMatchObject({
      status: 'draft',
      import: { status: 'done', totalRows: 5, processedRows: 5 },
      rowCount: 5,
      errorCount: 5,
      warningCount: 1,
      issuesTotal: 6,
    });
    const lines = view.issues.map((i: { row: number; column: string; message: string; severity: string }) => [
      i.row,
      i.column,
      i.severity,
      i.message,
    ]);
    // Line numbers are those of the file: the empty line 3 is counted.
    expect(lines).toEqual([
      [5, 'Цена, руб.', 'error', 'цена должна быть больше нуля'],
      [
        6,
        'Код услуги 804н',
        'error',
        '«B01.4.001» — не код по номенклатуре 804н; нужен вид B01.047.001 или A04.16.001',
      ],
      [6, 'Наименование услуги', 'error', 'не заполнено'],
      [6, 'Цена, руб.', 'error', '«две тысячи» — не число; пример: 1 234,50'],
      [6, 'Код клиники', 'error', 'код клиники «1.01» уже есть в строке 2'],
      [
        4,
        'Код услуги 804н',
        'warning',
        'Код на .002 — повторный приём, а в наименовании «первичный». Проверьте код',
      ],
    ]);
    const all = (await rows(view.id)).items;
    expect(
      all.map((r: { line: number; serviceCode: string; price: number | null }) => [
        r.line,
        r.serviceCode,
        r.price,
      ]),
    ).toEqual([
      [2, 'B01.047.001', 275_000],
      [4, 'B01.047.002', 210_050],
      [5, 'A04.16.001', null],
      [6, 'B01.4.001', null],
      [7, 'B01.023.001', 320_000],
    ]);
    const flagged = (await rows(view.id, '?filter=issues')).items.map((r: { line: number }) => r.line);
    expect(flagged).toEqual([4, 5, 6]);
    const audit = await ctx.deps.database.db.select().from(auditLog).where(eq(auditLog.entityId, view.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['price_list.checked', 'price_list.uploaded']);
  });

  it('reads CSV from Excel in Windows-1251 with «;» and prices with spaces and commas', async () => {
    const text = [
      HEADER.join(';'),
      '1.01;B01.047.001;Прием (осмотр, консультация) врача-терапевта первичный;1 234,50;',
      '1.02;A04.16.001;"Ультразвуковое исследование органов брюшной полости; комплексное";3400;печень, почки',
    ].join('\r\n');
    const { res, view } = await upload('price.csv', cp1251(text));
    expect(res.statusCode).toBe(202);
    expect(view).toMatchObject({ import: { status: 'done' }, rowCount: 2, errorCount: 0, warningCount: 0 });
    const all = (await rows(view.id)).items;
    expect(all[0]).toMatchObject({
      name: 'Прием (осмотр, консультация) врача-терапевта первичный',
      price: 123_450,
    });
    expect(all[1]).toMatchObject({
      name: 'Ультразвуковое исследование органов брюшной полости; комплексное',
      price: 340_000,
      note: 'печень, почки',
    });
  });

  it('reads CSV in UTF-8 with BOM, columns in any order, optional note missing', async () => {
    const text =
      '\uFEFFЦена;Наименование услуги;Код по 804н;Код клиники\n2500;Рентгенография легких;A06.09.007;Р-1\n';
    const { view } = await upload('price-utf8.csv', Buffer.from(text, 'utf8'));
    expect(view).toMatchObject({ import: { status: 'done' }, rowCount: 1, errorCount: 0 });
    expect((await rows(view.id)).items[0]).toMatchObject({
      clinicCode: 'Р-1',
      serviceCode: 'A06.09.007',
      name: 'Рентгенография легких',
      price: 250_000,
      note: null,
    });
  });

  it('refuses at once what is not a spreadsheet, and reports a file without our columns or rows', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const notXlsx = await upload('price.xlsx', png);
    expect(notXlsx.res.statusCode).toBe(400);
    expect(notXlsx.res.json().details.fields.file).toMatch(/не таблица XLSX/);
    const binaryCsv = await upload('price.csv', Buffer.concat([Buffer.from('a;b\n'), Buffer.alloc(4)]));
    expect(binaryCsv.res.json().details.fields.file).toMatch(/не текстовый файл CSV/);
    const pdf = await upload('price.pdf', Buffer.from('%PDF-1.4'));
    expect(pdf.res.json().details.fields.file).toBe('Нужен файл XLSX или CSV');
    const empty = await upload('price.csv', Buffer.alloc(0));
    expect(empty.res.statusCode).toBe(400);
    expect(empty.res.json().details.fields.file).toBe('Файл пустой');

    const broken = await upload('broken.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64)]));
    expect(broken.res.statusCode).toBe(202);
    expect(broken.view).toMatchObject({
      import: { status: 'failed' },
      errorCount: 1,
      issues: [{ row: null, message: expect.stringMatching(/не читается как таблица XLSX/) }],
    });
    const wrong = await upload(
      'insured.xlsx',
      await xlsx([
        ['Номер полиса', 'Фамилия', 'Цена'],
        ['1', 'Иванов', '3'],
      ]),
    );
    expect(wrong.view.import.status).toBe('failed');
    expect(wrong.view.issues[0].message).toBe(
      'В первой строке нет столбцов «Код клиники», «Код услуги 804н», «Наименование услуги». Скачайте шаблон и сверьте заголовки.',
    );
    const headerOnly = await upload('header.csv', Buffer.from(`${HEADER.join(';')}\n`));
    expect(headerOnly.view.issues[0].message).toBe(
      'В файле есть заголовок, но нет ни одной строки с услугами',
    );
    const publish = await user.post(`/api/clinics/${clinic.id}/price-lists/${wrong.view.id}/publish`, {
      effectiveFrom: '2026-12-01',
    });
    expect(publish.statusCode).toBe(409);
    expect((await user.delete(`/api/clinics/${clinic.id}/price-lists/${wrong.view.id}`)).statusCode).toBe(
      200,
    );
  });

  it('finds the open draft when the same file is uploaded twice', async () => {
    const file = await xlsx([HEADER, ['9.01', 'A09.05.023', 'Исследование уровня глюкозы в крови', 350, '']]);
    const first = await upload('glucose.xlsx', file);
    const second = await upload('glucose-copy.xlsx', file);
    expect(first.res.statusCode).toBe(202);
    expect(second.res.statusCode).toBe(200);
    expect(second.view.id).toBe(first.view.id);
    const same = await ctx.deps.database.db
      .select()
      .from(priceListVersions)
      .where(eq(priceListVersions.fileSha256, crypto.createHash('sha256').update(file).digest('hex')));
    expect(same).toHaveLength(1);
    // Once that draft is gone, the same file makes a new one.
    await user.delete(`/api/clinics/${clinic.id}/price-lists/${first.view.id}`);
    const third = await upload('glucose.xlsx', file);
    expect(third.res.statusCode).toBe(202);
    expect(third.view.id).not.toBe(first.view.id);
  });

  it('writes 20 000 rows in batches, reporting progress as it goes', async () => {
    const big: (string | number)[][] = [HEADER];
    for (let i = 0; i < 20_000; i++)
      big.push([
        `К-${i}`,
        `A09.05.${String(i % 1000).padStart(3, '0')}.${String(Math.floor(i / 1000)).padStart(3, '0')}`,
        'Исследование уровня глюкозы в крови',
        350,
        '',
      ]);
    const seen: number[] = [];
    const res = await user.request({
      method: 'POST',
      url: `/api/clinics/${clinic.id}/price-lists/uploads`,
      ...multipartBody({}, { field: 'file', name: 'big.xlsx', content: await xlsx(big) }),
    });
    const id = res.json().id;
    const watch = setInterval(async () => {
      const [v] = await ctx.deps.database.db
        .select()
        .from(priceListVersions)
        .where(eq(priceListVersions.id, id));
      if (v) seen.push(v.processedRows);
    }, 20);
    await runPriceListImport(ctx.deps, id);
    clearInterval(watch);
    const view = (await user.get(`/api/clinics/${clinic.id}/price-lists/${id}`)).json();
    expect(view).toMatchObject({
      import: { status: 'done', totalRows: 20_000, processedRows: 20_000 },
      errorCount: 0,
      rowCount: 20_000,
    });
    expect(seen.some((n) => n > 0 && n < 20_000)).toBe(true);
  });
});
