import { refuse, type TableLimits } from './table-limits.ts';
import type { TableLine } from './table-line.ts';
import { dateStyles, firstSheet, sharedStrings } from './xlsx-parts.ts';
import { sheetRows } from './xlsx-sheet-rows.ts';
import { openZip } from './zip-archive.ts';

/**
 * Rows of the first sheet of an XLSX file, streamed out of the zip: memory holds the shared strings
 * (bounded) and one chunk of rows, not the workbook. Stopping early (a refusal, or the caller leaving
 * the loop) closes the zip.
 */
export async function* readXlsx(buffer: Buffer, limits: TableLimits): AsyncGenerator<TableLine> {
  if (buffer.length > limits.maxFileBytes) throw refuse.fileTooLarge(limits);
  const zip = await openZip(buffer, limits);
  try {
    const sheet = await firstSheet(zip);
    const styles = await dateStyles(zip);
    const strings = await sharedStrings(zip, limits);
    yield* sheetRows(zip.chunks(sheet.path), {
      strings,
      dateStyles: styles,
      date1904: sheet.date1904,
      limits,
    });
  } finally {
    zip.close();
  }
}
