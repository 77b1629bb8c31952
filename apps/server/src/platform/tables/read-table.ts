import { readCsv } from './read-csv.ts';
import { readXlsx } from './read-xlsx.ts';
import type { TableLimits } from './table-limits.ts';
import type { TableLine } from './table-line.ts';

export type TableFormat = 'xlsx' | 'csv';

/** Rows of the first sheet (XLSX) or of a CSV file (`;` or `,`), each with its line, within `limits`. */
export function readTableLines(
  buffer: Buffer,
  format: TableFormat,
  limits: TableLimits,
): AsyncGenerator<TableLine> {
  return format === 'csv' ? readCsv(buffer, limits) : readXlsx(buffer, limits);
}
