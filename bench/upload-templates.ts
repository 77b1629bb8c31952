import { INSURED_COLUMNS, PRICE_LIST_COLUMNS } from '@remed/core';
import ExcelJS from 'exceljs';

/** The headings of the upload templates, as clinics and insurers download them. */
export const PRICE_LIST_HEADER = PRICE_LIST_COLUMNS.map((c) => c.title);
export const INSURED_LIST_HEADER = INSURED_COLUMNS.map((c) => c.title);

/** Streams a one-sheet workbook: the header, then `row(i)` for i = 1…count. */
export async function writeXlsx(
  file: string,
  sheet: string,
  header: readonly string[],
  count: number,
  row: (i: number) => (string | number)[],
) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet(sheet);
  ws.addRow(header).commit();
  for (let i = 1; i <= count; i++) ws.addRow(row(i)).commit();
  await ws.commit();
  await wb.commit();
}
