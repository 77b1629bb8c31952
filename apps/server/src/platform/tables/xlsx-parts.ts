import { refuse, type TableLimits } from './table-limits.ts';
import { parseXmlEntry } from './xml-stream.ts';
import type { ZipArchive } from './zip-archive.ts';

/** Built-in number formats that show a date or a time (ECMA-376 §18.8.30, with the East Asian ones). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** A format code shows a date when, outside quoted text and [colour]/[$-locale] parts, it has d, m, y, h or s. */
function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** The first sheet as Excel shows it (order of <sheets>), and the date system of the workbook. */
export async function firstSheet(zip: ZipArchive): Promise<{ path: string; date1904: boolean }> {
  if (!zip.has('xl/workbook.xml')) {
    if (zip.has('xl/worksheets/sheet1.xml')) return { path: 'xl/worksheets/sheet1.xml', date1904: false };
    throw refuse.unreadableXlsx('в нём нет ни одного листа');
  }
  let firstId: string | null = null;
  let date1904 = false;
  await parseXmlEntry(zip.chunks('xl/workbook.xml'), {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name === 'sheet' && firstId === null)
        firstId = Object.entries(a).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1] ?? '';
    },
    close() {},
    text() {},
  });
  if (firstId === null) throw refuse.unreadableXlsx('в нём нет ни одного листа');
  let target: string | null = null;
  if (zip.has('xl/_rels/workbook.xml.rels'))
    await parseXmlEntry(zip.chunks('xl/_rels/workbook.xml.rels'), {
      open(name, a) {
        if (name === 'Relationship' && a.Id === firstId) target = a.Target ?? null;
      },
      close() {},
      text() {},
    });
  const path = target ? resolveTarget(target) : 'xl/worksheets/sheet1.xml';
  if (!zip.has(path)) throw refuse.unreadableXlsx('в нём нет ни одного листа');
  return { path, date1904 };
}

function resolveTarget(target: string): string {
  const parts = target.startsWith('/') ? [] : ['xl'];
  for (const p of target.replace(/^\//, '').split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** For each cell style (the «s» of a cell), whether it shows the number as a date. */
export async function dateStyles(zip: ZipArchive): Promise<boolean[]> {
  if (!zip.has('xl/styles.xml')) return [];
  const customDates = new Set<number>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  await parseXmlEntry(zip.chunks('xl/styles.xml'), {
    open(name, a) {
      if (name === 'numFmt' && isDateFormatCode(a.formatCode ?? '')) customDates.add(Number(a.numFmtId));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        styles.push(BUILT_IN_DATE_FORMATS.has(id) || customDates.has(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return styles;
}

/**
 * The shared string table, with rich text runs joined and phonetic hints left out. It is held while the
 * rows are read, so its count and its characters are bounded before it grows.
 */
export async function sharedStrings(zip: ZipArchive, limits: TableLimits): Promise<string[]> {
  if (!zip.has('xl/sharedStrings.xml')) return [];
  const strings: string[] = [];
  let chars = 0;
  let current: string[] | null = null;
  let inText = false;
  let inPhonetic = false;
  await parseXmlEntry(zip.chunks('xl/sharedStrings.xml'), {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 't') inText = true;
      else if (name === 'rPh') inPhonetic = true;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si' && current) {
        if (strings.length >= limits.maxSharedStrings) throw refuse.tooManyStrings(limits);
        strings.push(current.join(''));
        current = null;
      }
    },
    text(text) {
      if (!current || !inText || inPhonetic) return;
      chars += text.length;
      if (chars > limits.maxSharedStringChars) throw refuse.tooManyStrings(limits);
      current.push(text);
    },
  });
  return strings;
}
