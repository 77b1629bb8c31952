import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError } from '../errors.ts';
import { refuse, type TableLimits } from './table-limits.ts';
import type { TableLine } from './table-line.ts';

const CHUNK = 64 * 1024;

/** Excel saves CSV in Windows-1251 on Russian systems; a file that is not valid UTF-8 is read as that. */
function* decoded(buffer: Buffer): Generator<string> {
  const decoder = new TextDecoder(isUtf8(buffer) ? 'utf-8' : 'windows-1251');
  for (let at = 0; at < buffer.length; at += CHUNK) {
    const text = decoder.decode(buffer.subarray(at, at + CHUNK), { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** «;» unless the first line has more commas than semicolons. */
function delimiterOf(buffer: Buffer): string {
  const head = buffer.subarray(0, CHUNK).toString('latin1');
  const end = head.indexOf('\n');
  const first = end === -1 ? head : head.slice(0, end);
  return (first.match(/;/g)?.length ?? 0) >= (first.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/**
 * Records of a CSV file, streamed from the stored buffer in 64 KB pieces; a record, a cell or the count of
 * rows crossing its limit stops the parser at once.
 */
export async function* readCsv(buffer: Buffer, limits: TableLimits): AsyncGenerator<TableLine> {
  if (buffer.length > limits.maxFileBytes) throw refuse.fileTooLarge(limits);
  // No text encoding a spreadsheet saves has a zero byte, and the database cannot store one.
  if (buffer.includes(0)) throw refuse.unreadableCsv('в нём есть нулевые байты — это не текстовый файл');
  const source = Readable.from(decoded(buffer));
  const parser = parse({
    delimiter: delimiterOf(buffer),
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
    max_record_size: limits.maxRowChars,
  });
  source.pipe(parser);
  let rows = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (++rows > limits.maxRows + 1) throw refuse.tooManyRows(limits);
      if (record.length > limits.maxColumns) throw refuse.tooManyColumns(limits, info.lines);
      for (const cell of record)
        if (cell.length > limits.maxCellChars) throw refuse.cellTooLong(limits, info.lines);
      if (record.every((c) => c === '')) continue;
      yield { line: info.lines, cells: record };
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const err = e as { code?: string; records?: number; empty_lines?: number; lines?: number };
    // The parser is far past the start of an overlong record (a quote left open): name where it starts,
    // counted from the records and empty lines before it.
    if (err.code === 'CSV_MAX_RECORD_SIZE')
      throw refuse.rowTooLong(limits, (err.records ?? 0) + (err.empty_lines ?? 0) + 1);
    if (/QUOTE/.test(err.code ?? ''))
      throw refuse.unreadableCsv(
        `в строке ${err.lines ?? rows + 1} кавычка не на месте. Текст, в котором есть «;» или кавычки, должен быть взят в кавычки целиком`,
      );
    throw refuse.unreadableCsv(`ошибка в строке ${err.lines ?? rows + 1} (${err.code ?? 'неизвестная'})`);
  } finally {
    source.destroy();
    parser.destroy();
  }
}
