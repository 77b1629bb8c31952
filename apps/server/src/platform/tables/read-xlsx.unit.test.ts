import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx } from './read-xlsx.ts';
import type { TableLimits } from './table-limits.ts';
import {
  inlineRow,
  sharedStringsXml,
  sheetXml,
  testLimits,
  workbookOf,
  workbookRels,
  workbookXml,
  zipOf,
} from './tables.fixtures.ts';
import { sheetRows } from './xlsx-sheet-rows.ts';

async function rows(buffer: Buffer, limits: TableLimits = testLimits()) {
  const out: { line: number; cells: string[] }[] = [];
  for await (const r of readXlsx(buffer, limits)) out.push(r);
  return out;
}

async function refusal(promise: Promise<unknown>) {
  const e = (await promise.then(
    () => null,
    (err: unknown) => err,
  )) as { code: string; message: string; details: { limit: number } } | null;
  if (!e) throw new Error('expected a refusal');
  return e;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>`;

describe('streaming XLSX reader', () => {
  it('reads shared, rich and inline strings, numbers, booleans and dates, with gaps as empty cells', async () => {
    const strings = sharedStringsXml([
      '<si><t>Код</t></si>',
      '<si><r><rPr><b/></rPr><t>Приём </t></r><r><t xml:space="preserve">терапевта</t></r><rPh><t>ふりがな</t></rPh></si>',
      '<si><t>  с пробелами  </t></si>',
    ]);
    const sheet = [
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>Цена</t></is></c></row>',
      '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3"><v>2500.5</v></c><c r="C3" t="b"><v>1</v></c>',
      '<c r="D3" s="1"><v>31120</v></c><c r="E3" s="2"><v>46023.75</v></c><c r="F3" s="3"><v>1E-3</v></c></row>',
      '<row r="4"><c r="B4" t="s"><v>2</v></c><c r="C4" t="e"><v>#N/A</v></c><c r="D4" t="str"><f>A1</f><v>итог</v></c></row>',
      '<row r="5"><c r="A5" t="inlineStr"><is><r><t>Бо</t></r><r><t>льшой</t></r></is></c></row>',
      '<row r="6"><c r="A6" t="inlineStr"><is><t>   </t></is></c></row>',
    ].join('');
    const file = await workbookOf(sheet, {
      'xl/sharedStrings.xml': strings,
      'xl/styles.xml': STYLES,
    });
    expect(await rows(file)).toEqual([
      { line: 1, cells: ['Код', '', 'Цена'] },
      { line: 3, cells: ['Приём терапевта', '2500.5', 'true', '1985-03-14', '2026-01-01', '0.001'] },
      { line: 4, cells: ['', 'с пробелами', '', 'итог'] },
      { line: 5, cells: ['Большой'] },
    ]);
  });

  it('reads a workbook written by Excel-like software (exceljs), first sheet only, rows without «r»', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Прейскурант');
    ws.addRow(['Код', 'Наименование', 'Дата', 'Цена']);
    ws.addRow([
      '1.01',
      { richText: [{ text: 'Приём ' }, { text: 'врача', font: { bold: true } }] },
      new Date(Date.UTC(2026, 2, 1)),
      1234.5,
    ]);
    wb.addWorksheet('Другой').addRow(['не тот лист']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await rows(file)).toEqual([
      { line: 1, cells: ['Код', 'Наименование', 'Дата', 'Цена'] },
      { line: 2, cells: ['1.01', 'Приём врача', '2026-03-01', '1234.5'] },
    ]);
    const noR = await workbookOf(
      '<row><c t="inlineStr"><is><t>а</t></is></c><c t="inlineStr"><is><t>б</t></is></c></row><row><c><v>7</v></c></row>',
    );
    expect(await rows(noR)).toEqual([
      { line: 1, cells: ['а', 'б'] },
      { line: 2, cells: ['7'] },
    ]);
  });

  it('keeps a Cyrillic character whole when a chunk border cuts it, down to one byte per chunk', async () => {
    const text = 'Ёжик в тумане — ₽ 1 234,50';
    const xml = Buffer.from(sheetXml(inlineRow(1, [text, 'Щука'])));
    async function* byteByByte() {
      for (let i = 0; i < xml.length; i++) yield xml.subarray(i, i + 1);
    }
    const ctx = { strings: [], dateStyles: [], date1904: false, limits: testLimits() };
    const out = [];
    for await (const r of sheetRows(byteByByte(), ctx)) out.push(r);
    expect(out).toEqual([{ line: 1, cells: [text, 'Щука'] }]);

    // Through the zip too: runs of 2- and 3-byte characters longer than several inflate chunks (16 KB).
    const long = `${'Ж'.repeat(30_001)}${'₽'.repeat(20_000)}я`;
    const file = await workbookOf(inlineRow(1, [long]) + inlineRow(2, [`x${long}`]));
    const read = await rows(file);
    expect(read.map((r) => r.cells[0])).toEqual([long, `x${long}`]);
  });

  it('refuses more rows than the limit as soon as the row after the limit is read', async () => {
    const sheet = Array.from({ length: 50 }, (_, i) => inlineRow(i + 1, [`строка ${i}`])).join('');
    const file = await workbookOf(sheet);
    const seen: number[] = [];
    const e = await refusal(
      (async () => {
        for await (const r of readXlsx(file, testLimits({ maxRows: 10 }))) seen.push(r.line);
      })(),
    );
    expect(e.code).toBe('TABLE_TOO_MANY_ROWS');
    expect(e.message).toBe('В файле больше 10 строк — столько не помещается в тест. Разделите файл.');
    // Rows of the chunk being parsed when the limit is crossed are not handed out: the file is refused.
    expect(seen.length).toBeLessThanOrEqual(11);
    expect(await rows(file, testLimits({ maxRows: 49 }))).toHaveLength(50);
  });

  it('refuses a long cell, a cell far to the right, and too many or too long shared strings', async () => {
    const long = await workbookOf(inlineRow(1, ['a']) + inlineRow(2, ['b', 'x'.repeat(101)]));
    const cell = await refusal(rows(long, testLimits({ maxCellChars: 100 })));
    expect(cell).toMatchObject({
      code: 'TABLE_CELL_TOO_LONG',
      message: expect.stringMatching(/^В строке 2 ячейка длиннее 100 символов/),
    });
    const wide = await workbookOf('<row r="1"><c r="ZZ1" t="inlineStr"><is><t>далеко</t></is></c></row>');
    expect((await refusal(rows(wide, testLimits({ maxColumns: 26 })))).code).toBe('TABLE_ROW_TOO_LONG');
    const many = await workbookOf('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', {
      'xl/sharedStrings.xml': sharedStringsXml(Array.from({ length: 20 }, (_, i) => `<si><t>${i}</t></si>`)),
    });
    expect((await refusal(rows(many, testLimits({ maxSharedStrings: 19 })))).code).toBe(
      'TABLE_UNPACKED_TOO_LARGE',
    );
    expect((await refusal(rows(many, testLimits({ maxSharedStringChars: 20 })))).code).toBe(
      'TABLE_UNPACKED_TOO_LARGE',
    );
    expect(await rows(many, testLimits({ maxSharedStrings: 20 }))).toEqual([{ line: 1, cells: ['0'] }]);
  });

  it('refuses a file larger than the upload limit without opening it', async () => {
    const file = await workbookOf(inlineRow(1, ['a']));
    const e = await refusal(rows(file, testLimits({ maxFileBytes: file.length - 1 })));
    expect(e.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('stops a zip bomb at the unpacked budget, whether its header tells the size or lies about it', async () => {
    const zeros = Buffer.alloc(64 * 1024 * 1024, 0x20);
    const bomb = await zipOf({
      'xl/workbook.xml': workbookXml(),
      'xl/_rels/workbook.xml.rels': workbookRels(),
      'xl/worksheets/sheet1.xml': Buffer.concat([
        Buffer.from(sheetXml('').replace('</sheetData></worksheet>', '')),
        zeros,
      ]),
    });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const limits = testLimits({ maxUnpackedBytes: 8 * 1024 * 1024, maxEntryBytes: 8 * 1024 * 1024 });
    const honest = await refusal(rows(bomb, limits));
    expect(honest.code).toBe('TABLE_UNPACKED_TOO_LARGE');
    expect(honest.message).toMatch(/больше 8 МБ в распакованном виде/);

    // The same archive with the sheet's sizes in both headers rewritten to 1 000 bytes.
    const lying = Buffer.from(bomb);
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    for (const [sig, sizeAt, nameAt] of [
      [0x04034b50, 22, 30],
      [0x02014b50, 24, 46],
    ] as const)
      for (let i = 0; i < lying.length - 4; i++)
        if (
          lying.readUInt32LE(i) === sig &&
          lying.subarray(i + nameAt, i + nameAt + name.length).equals(name)
        )
          lying.writeUInt32LE(1000, i + sizeAt);
    const lie = await refusal(rows(lying, limits));
    expect(lie.code).toBe('TABLE_UNPACKED_TOO_LARGE');
  });

  it('calls a non-zip, a truncated zip and a zip without a worksheet unreadable', async () => {
    const notZip = await refusal(rows(Buffer.from('Номер полиса;Фамилия\n1;Иванов\n')));
    expect(notZip).toMatchObject({
      code: 'TABLE_UNREADABLE',
      message: expect.stringMatching(/не читается как таблица XLSX/),
    });
    const whole = await workbookOf(inlineRow(1, ['a']));
    expect((await refusal(rows(whole.subarray(0, Math.floor(whole.length * 0.6))))).code).toBe(
      'TABLE_UNREADABLE',
    );
    const noSheet = await zipOf({ 'xl/workbook.xml': workbookXml(), 'docProps/app.xml': '<Properties/>' });
    expect(await refusal(rows(noSheet))).toMatchObject({
      code: 'TABLE_UNREADABLE',
      message: expect.stringMatching(/нет ни одного листа/),
    });
    const brokenXml = await workbookOf('<row r="1"><c r="A1" t="inlineStr"><is><t>а</is></c></row>');
    expect((await refusal(rows(brokenXml))).code).toBe('TABLE_UNREADABLE');
  });
});
