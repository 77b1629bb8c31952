import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { TableLimits } from './table-limits.ts';

/** Generous limits for a test to tighten the one it is about. */
export const testLimits = (patch: Partial<TableLimits> = {}): TableLimits => ({
  maxFileBytes: 50 * 1024 * 1024,
  maxRows: 1000,
  maxCellChars: 100_000,
  maxRowChars: 200_000,
  maxColumns: 100,
  maxUnpackedBytes: 50 * 1024 * 1024,
  maxEntryBytes: 50 * 1024 * 1024,
  maxSharedStrings: 10_000,
  maxSharedStringChars: 1_000_000,
  rowsInto: 'в тест',
  rowsHint: 'Разделите файл.',
  ...patch,
});

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const workbookXml = (sheets: string[] = ['Лист1']) =>
  `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${RELS}"><sheets>${sheets
    .map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')}</sheets></workbook>`;

export const workbookRels = (targets: string[] = ['worksheets/sheet1.xml']) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${targets
    .map((t, i) => `<Relationship Id="rId${i + 1}" Type="${RELS}/worksheet" Target="${t}"/>`)
    .join('')}</Relationships>`;

export const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${rows}</sheetData></worksheet>`;

export const sharedStringsXml = (items: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`;

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A row of inline-string cells from A. */
export const inlineRow = (r: number, cells: string[]) =>
  `<row r="${r}">${cells
    .map(
      (c, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${xmlEscape(c)}</t></is></c>`,
    )
    .join('')}</row>`;

export async function zipOf(entries: Record<string, string | Buffer>, compress = true): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, body] of Object.entries(entries))
    zip.addBuffer(typeof body === 'string' ? Buffer.from(body) : body, name, { compress });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

/** A workbook of one sheet with the usual parts. */
export const workbookOf = (sheetRows: string, extra: Record<string, string | Buffer> = {}) =>
  zipOf({
    'xl/workbook.xml': workbookXml(),
    'xl/_rels/workbook.xml.rels': workbookRels(),
    'xl/worksheets/sheet1.xml': sheetXml(sheetRows),
    ...extra,
  });

/**
 * A big workbook written to `file` as a stream: the sheet XML comes from a generator of rows straight
 * into the zip, so neither the test nor yazl holds it. Text cells found in `strings` are shared strings,
 * others inline; numbers are number cells. Cells go without references (allowed, and what some
 * exporters write), which keeps a few million rows within tens of megabytes.
 */
export async function writeBigXlsx(
  file: string,
  rows: number,
  row: (r: number) => (string | number)[],
  strings: string[],
) {
  const index = new Map(strings.map((s, i) => [s, i]));
  const cell = (v: string | number) => {
    if (typeof v === 'number') return `<c><v>${v}</v></c>`;
    const i = index.get(v);
    return i === undefined
      ? `<c t="inlineStr"><is><t>${xmlEscape(v)}</t></is></c>`
      : `<c t="s"><v>${i}</v></c>`;
  };
  function* sheet(): Generator<string> {
    yield `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>`;
    let piece: string[] = [];
    for (let r = 1; r <= rows; r++) {
      piece.push(`<row r="${r}">${row(r).map(cell).join('')}</row>`);
      if (piece.length === 2000) {
        yield piece.join('');
        piece = [];
      }
    }
    yield `${piece.join('')}</sheetData></worksheet>`;
  }
  function* asBuffers(texts: Iterable<string>) {
    for (const t of texts) yield Buffer.from(t);
  }
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(workbookXml()), 'xl/workbook.xml');
  zip.addBuffer(Buffer.from(workbookRels()), 'xl/_rels/workbook.xml.rels');
  zip.addBuffer(
    Buffer.from(sharedStringsXml(strings.map((s) => `<si><t>${xmlEscape(s)}</t></si>`))),
    'xl/sharedStrings.xml',
  );
  zip.addReadStream(Readable.from(asBuffers(sheet())), 'xl/worksheets/sheet1.xml', { compressionLevel: 6 });
  zip.end();
  await pipeline(zip.outputStream, fs.createWriteStream(file));
}
