import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.ts';
import type { TableFormat } from '../../platform/tables/read-table.ts';

export type { TableFormat };

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
