import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.ts';

export type TableFormat = 'xlsx' | 'csv';

export const TABLE_CONTENT_TYPES: Record<TableFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export function formatOf(fileName: string): TableFormat {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  throw new AppError('VALIDATION_FAILED', 'Нужен файл XLSX или CSV', {
    fields: { file: 'Нужен файл XLSX или CSV' },
  });
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

/** Excel saves CSV in Windows-1251 on Russian systems; anything that is not valid UTF-8 is read as that. */
function decodeCsv(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1251').decode(buffer);
  }
}

/** Rows of the first sheet (XLSX) or of a CSV file (`;` or `,`), as arrays of trimmed strings. */
export async function* readTable(buffer: Buffer, format: TableFormat): AsyncGenerator<string[]> {
  for await (const row of readTableLines(buffer, format)) yield row.cells;
}

/**
 * The same rows with the line each stands on in the file (empty lines are skipped but counted), so a
 * report names the line a person finds in Excel.
 */
export async function* readTableLines(
  buffer: Buffer,
  format: TableFormat,
): AsyncGenerator<{ line: number; cells: string[] }> {
  if (format === 'csv') {
    const text = decodeCsv(buffer);
    const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
    const delimiter =
      (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
    const parser = Readable.from([text]).pipe(
      parse({ delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }),
    );
    try {
      for await (const { record, info } of parser as AsyncIterable<{
        record: string[];
        info: { lines: number };
      }>)
        yield { line: info.lines, cells: record };
    } catch (e) {
      throw new AppError('VALIDATION_FAILED', `Файл CSV не читается: ${(e as Error).message}`);
    }
    return;
  }
  // The streaming reader of exceljs splits UTF-8 characters at chunk borders (Cyrillic names come out
  // broken), so the workbook is loaded whole: about 4 KB of memory per row, measured in bench/.
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError(
      'VALIDATION_FAILED',
      'Файл не читается как таблица XLSX. Сохраните его в Excel как «Книга Excel (.xlsx)»',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const values = sheet.getRow(r).values as ExcelJS.CellValue[];
    const cells = (Array.isArray(values) ? values.slice(1) : []).map((v) => cellText(v).trim());
    if (cells.some((c) => c !== '')) yield { line: r, cells };
  }
}

export async function writeTable(
  format: TableFormat,
  sheetName: string,
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): Promise<Buffer> {
  if (format === 'csv') {
    const cell = (v: string | number) => {
      const s = String(v);
      const safe = /^[=+\-@]/.test(s) && !/^[+-]?\d/.test(s) ? `'${s}` : s;
      return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    };
    return Buffer.from(`\uFEFF${[header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`);
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow([...header]).font = { bold: true };
  for (const r of rows) ws.addRow([...r]);
  ws.columns.forEach((c) => {
    c.width = 22;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
