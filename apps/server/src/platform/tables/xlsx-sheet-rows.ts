import { refuse, type TableLimits } from './table-limits.ts';
import type { TableLine } from './table-line.ts';
import { parseXml } from './xml-stream.ts';

interface SheetContext {
  strings: string[];
  dateStyles: boolean[];
  date1904: boolean;
  limits: TableLimits;
}

/** «C12» → 2: the column of a cell reference, from 0. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col - 1;
}

const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 system is 1899-12-30 (it counts the 29 February 1900 that never was). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A date cell as the readers before showed it: the date part of the ISO form, «1985-03-14». */
function serialToDate(serial: number, date1904: boolean): string {
  const ms = (date1904 ? EPOCH_1904 : EPOCH_1900) + Math.round(serial * DAY_MS);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(serial) : d.toISOString().slice(0, 10);
}

function cellValue(raw: string, type: string, style: number, ctx: SheetContext): string {
  switch (type) {
    case 's':
      return ctx.strings[Number(raw)] ?? '';
    case 'inlineStr':
    case 'str':
      return raw;
    case 'b':
      return raw === '1' || raw === 'true' ? 'true' : 'false';
    case 'e':
      return '';
    case 'd': {
      const d = new Date(raw);
      return Number.isNaN(d.getTime()) ? raw : d.toISOString().slice(0, 10);
    }
    default: {
      if (raw === '') return '';
      const n = Number.parseFloat(raw);
      if (Number.isNaN(n)) return raw;
      return ctx.dateStyles[style] ? serialToDate(n, ctx.date1904) : String(n);
    }
  }
}

/**
 * The rows of a worksheet as they stream out of the zip: cells by column (a gap reads as empty),
 * trimmed; rows with nothing in them are skipped but keep their number in `line`.
 */
export async function* sheetRows(
  chunks: AsyncIterable<Buffer>,
  ctx: SheetContext,
): AsyncGenerator<TableLine> {
  const { limits } = ctx;
  const ready: TableLine[] = [];
  let rows = 0;
  let line = 0;
  let cells: string[] = [];
  let col = -1;
  let type = '';
  let style = 0;
  let text: string[] | null = null;
  let textChars = 0;
  let inPhonetic = false;
  let value = '';

  const handlers = {
    open(name: string, a: Record<string, string>) {
      if (name === 'row') {
        line = a.r ? Number(a.r) : line + 1;
        cells = [];
        col = -1;
      } else if (name === 'c') {
        col = a.r ? columnOf(a.r) : col + 1;
        type = a.t ?? 'n';
        style = a.s ? Number(a.s) : 0;
        value = '';
      } else if (name === 'v' || (name === 't' && type === 'inlineStr' && !inPhonetic)) {
        text = [];
        textChars = 0;
      } else if (name === 'rPh') inPhonetic = true;
    },
    text(t: string) {
      if (!text) return;
      textChars += t.length;
      if (textChars > limits.maxCellChars) throw refuse.cellTooLong(limits, line);
      text.push(t);
    },
    close(name: string) {
      if (name === 'v' || name === 't') {
        if (text) value += text.join('');
        text = null;
      } else if (name === 'rPh') inPhonetic = false;
      else if (name === 'c') {
        const v = cellValue(value, type, style, ctx).trim();
        if (v === '') return;
        if (v.length > limits.maxCellChars) throw refuse.cellTooLong(limits, line);
        if (col >= limits.maxColumns) throw refuse.tooManyColumns(limits, line);
        cells[col] = v;
      } else if (name === 'row') {
        if (cells.length === 0) return;
        // The header row is not counted: maxRows is the number of data rows.
        if (++rows > limits.maxRows + 1) throw refuse.tooManyRows(limits);
        ready.push({ line, cells: Array.from(cells, (c) => c ?? '') });
      }
    },
  };

  for await (const _ of parseXml(chunks, handlers)) {
    for (const r of ready) yield r;
    ready.length = 0;
  }
  for (const r of ready) yield r;
}
