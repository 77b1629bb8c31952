import { AppError } from '../errors.ts';

/**
 * What one uploaded table may cost before it is refused. Each limit is checked while the file is read,
 * so a refusal comes as soon as it is crossed, not after the whole file is in memory.
 */
export interface TableLimits {
  /** The uploaded file as stored: XLSX compressed, CSV as is. */
  maxFileBytes: number;
  /** Rows with data after the header row. */
  maxRows: number;
  maxCellChars: number;
  /** CSV: characters of one record (a quote left open makes the rest of the file one record). */
  maxRowChars: number;
  /** Columns a row may fill, in XLSX and CSV. */
  maxColumns: number;
  /** XLSX: bytes inflated from all entries read, counted as they come out, whatever the header says. */
  maxUnpackedBytes: number;
  /** XLSX: bytes inflated from one entry. */
  maxEntryBytes: number;
  /** XLSX: the shared string table is held in memory while rows are read; it is bounded on its own. */
  maxSharedStrings: number;
  maxSharedStringChars: number;
  /** Says, in the refusal, what the rows are for: «в один прейскурант». */
  rowsInto: string;
  /** What a person can do about too many rows. */
  rowsHint: string;
}

const n = (v: number) => v.toLocaleString('ru-RU');
const mb = (bytes: number) => `${n(Math.round(bytes / 1024 / 1024))} МБ`;

function refusal(code: ConstructorParameters<typeof AppError>[0], message: string, limit: number) {
  return new AppError(code, message, { limit, fields: { file: message } });
}

export const refuse = {
  fileTooLarge: (l: TableLimits) =>
    refusal(
      'PAYLOAD_TOO_LARGE',
      `Файл больше ${mb(l.maxFileBytes)} — такой файл не принимается. Разделите его на части или удалите лишние листы и оформление`,
      l.maxFileBytes,
    ),
  tooManyRows: (l: TableLimits) =>
    refusal(
      'TABLE_TOO_MANY_ROWS',
      `В файле больше ${n(l.maxRows)} строк — столько не помещается ${l.rowsInto}. ${l.rowsHint}`,
      l.maxRows,
    ),
  cellTooLong: (l: TableLimits, line: number) =>
    refusal(
      'TABLE_CELL_TOO_LONG',
      `В строке ${n(line)} ячейка длиннее ${n(l.maxCellChars)} символов. Сократите текст в ней`,
      l.maxCellChars,
    ),
  rowTooLong: (l: TableLimits, line: number) =>
    refusal(
      'TABLE_ROW_TOO_LONG',
      `Строка ${n(line)} длиннее ${n(l.maxRowChars)} символов. Проверьте, что файл сохранён как CSV с разделителем «;» и кавычки в нём закрыты`,
      l.maxRowChars,
    ),
  tooManyColumns: (l: TableLimits, line: number) =>
    refusal(
      'TABLE_ROW_TOO_LONG',
      `В строке ${n(line)} заполнены ячейки дальше ${n(l.maxColumns)}-го столбца. Удалите лишние столбцы`,
      l.maxColumns,
    ),
  unpackedTooLarge: (l: TableLimits) =>
    refusal(
      'TABLE_UNPACKED_TOO_LARGE',
      `Таблица внутри файла XLSX больше ${mb(l.maxUnpackedBytes)} в распакованном виде — такой файл не принимается. Удалите лишние листы, оформление и пустые строки или разделите файл`,
      l.maxUnpackedBytes,
    ),
  tooManyStrings: (l: TableLimits) =>
    refusal(
      'TABLE_UNPACKED_TOO_LARGE',
      `В файле XLSX больше ${n(l.maxSharedStrings)} разных текстов или больше ${n(l.maxSharedStringChars)} символов текста — такой файл не принимается. Разделите файл или сохраните его как CSV`,
      l.maxSharedStrings,
    ),
  unreadableXlsx: (why?: string) =>
    refusal(
      'TABLE_UNREADABLE',
      `Файл не читается как таблица XLSX${why ? ` (${why})` : ''}. Сохраните его в Excel как «Книга Excel (.xlsx)»`,
      0,
    ),
  unreadableCsv: (why: string) => refusal('TABLE_UNREADABLE', `Файл CSV не читается: ${why}`, 0),
};
