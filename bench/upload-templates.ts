import fs from 'node:fs';
import { INSURED_COLUMNS, PRICE_LIST_COLUMNS } from '@remed/core';
import ExcelJS from 'exceljs';

/** The headings of the upload templates, as clinics and insurers download them. */
export const PRICE_LIST_HEADER = PRICE_LIST_COLUMNS.map((c) => c.title);
export const INSURED_LIST_HEADER = INSURED_COLUMNS.map((c) => c.title);

/** Streams a one-sheet workbook: the header, then `row(i)` for i = 1…count. */
async function writeXlsx(
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

/** The upload of an import benchmark: writes the workbook, prints its size and returns its bytes. */
export async function benchWorkbook(
  file: string,
  sheet: string,
  header: readonly string[],
  count: number,
  row: (i: number) => (string | number)[],
  databaseKind: string,
): Promise<Buffer> {
  await writeXlsx(file, sheet, header, count, row);
  const content = fs.readFileSync(file);
  console.log(
    `file: ${count} rows, ${(content.length / 1024 / 1024).toFixed(1)} MB XLSX, database: ${databaseKind}`,
  );
  return content;
}

/** How the people of one insured list are made up; row `i` takes its values by i. */
export interface InsuredListPeople {
  /** Last names [when i % 3 ≠ 0, else], first names [when i is odd, else]; the sex follows the first name. */
  names: { last: [string, string]; first: [string, string] };
  /** Phone numbers are +79 and the first nine digits of phoneBase + i. */
  phoneBase: number;
  /** Every fourth person has the e-mail <emailPrefix><i>@example.ru. */
  emailPrefix: string;
  validTo: string;
}

/** Row `i` of an insured list: the policy number given, the person made up by `people`, valid from 2026. */
export function insuredListRow(i: number, policy: string, people: InsuredListPeople): string[] {
  return [
    policy,
    i % 3 ? people.names.last[0] : people.names.last[1],
    i % 2 ? people.names.first[0] : people.names.first[1],
    'Сергеевич',
    `${String((i % 28) + 1).padStart(2, '0')}.0${(i % 9) + 1}.19${50 + (i % 50)}`,
    i % 2 ? 'М' : 'Ж',
    `+79${String(people.phoneBase + i).slice(0, 9)}`,
    i % 4 ? '' : `${people.emailPrefix}${i}@example.ru`,
    '01.01.2026',
    people.validTo,
  ];
}
