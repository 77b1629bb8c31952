import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../platform/pdf.ts';
import { checkFile, detectFileKind } from './file-kind.ts';

async function xlsx() {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Реестр').addRow(['Код', 'Сумма']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('detectFileKind', () => {
  it('recognises each accepted format by its bytes', async () => {
    const pdf = await renderPdf({ content: 'Акт', defaultStyle: { font: 'DejaVu' } });
    expect(detectFileKind(pdf)).toBe('pdf');
    expect(detectFileKind(await xlsx())).toBe('xlsx');
    expect(detectFileKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('png');
    expect(detectFileKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('jpeg');
    expect(detectFileKind(Buffer.from('Код;Сумма\r\nB01.047.001;2500\r\n'))).toBe('csv');
    const docx = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from('....[Content_Types].xml....word/document.xml....'),
    ]);
    expect(detectFileKind(docx)).toBe('docx');
  });

  it('recognises nothing in an executable, a bare ZIP or binary noise', () => {
    expect(detectFileKind(Buffer.from('MZ\x90\x00\x03\x00\x00\x00'))).toBeNull();
    expect(detectFileKind(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBeNull();
    expect(detectFileKind(Buffer.from([1, 2, 3, 0, 255]))).toBeNull();
  });
});

describe('checkFile', () => {
  it('accepts a file whose content matches its extension', async () => {
    expect(checkFile('реестр.XLSX', await xlsx())).toEqual({
      ok: true,
      kind: 'xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(checkFile('фото.jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({
      ok: true,
      kind: 'jpeg',
    });
  });

  it('refuses an extension it does not take', () => {
    expect(checkFile('virus.exe', Buffer.from('MZ'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('не принимается'),
    });
  });

  it('refuses a file renamed to look like an accepted one', () => {
    expect(checkFile('акт.pdf', Buffer.from('MZ\x90\x00\x03'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('не похоже на PDF'),
    });
    expect(checkFile('реестр.csv', Buffer.from('%PDF-1.7'))).toMatchObject({ ok: false });
  });
});
