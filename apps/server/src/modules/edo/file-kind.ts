/** File kinds the document exchange accepts, recognised by their bytes and cross-checked with the extension. */
const FILE_KINDS = {
  pdf: { extensions: ['pdf'], contentType: 'application/pdf' },
  xlsx: {
    extensions: ['xlsx'],
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  docx: {
    extensions: ['docx'],
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  csv: { extensions: ['csv'], contentType: 'text/csv' },
  png: { extensions: ['png'], contentType: 'image/png' },
  jpeg: { extensions: ['jpg', 'jpeg'], contentType: 'image/jpeg' },
} as const;

type FileKind = keyof typeof FILE_KINDS;

export const ACCEPTED_FILES = 'PDF, XLSX, CSV, DOCX, PNG или JPEG';

const startsWith = (b: Buffer, bytes: number[]) => bytes.every((x, i) => b[i] === x);

/**
 * An Office Open XML file is a ZIP archive; the names of its parts are stored uncompressed in the local
 * file headers, so the main part's name tells a workbook from a Word document.
 */
function officeKind(b: Buffer): FileKind | null {
  if (!startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return null;
  if (b.includes('[Content_Types].xml') || b.includes('_rels/.rels')) {
    if (b.includes('xl/workbook.xml') || b.includes('xl/_rels/')) return 'xlsx';
    if (b.includes('word/document.xml') || b.includes('word/_rels/')) return 'docx';
  }
  return null;
}

/** Plain text: no NUL bytes and no control characters other than tab, line feed and carriage return. */
function looksLikeText(b: Buffer): boolean {
  const sample = b.subarray(0, 64 * 1024);
  for (const c of sample) if (c === 0 || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)) return false;
  return true;
}

export function detectFileKind(b: Buffer): FileKind | null {
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  const office = officeKind(b);
  if (office) return office;
  if (b.length && looksLikeText(b)) return 'csv';
  return null;
}

type FileCheck = { ok: true; kind: FileKind; contentType: string } | { ok: false; reason: string };

/** The file's content decides; an extension that names another format is refused too (a renamed file). */
export function checkFile(fileName: string, content: Buffer): FileCheck {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const byExtension = (Object.keys(FILE_KINDS) as FileKind[]).find((k) =>
    (FILE_KINDS[k].extensions as readonly string[]).includes(ext),
  );
  if (!byExtension)
    return { ok: false, reason: `Такой тип файла не принимается. Загрузите ${ACCEPTED_FILES}` };
  const kind = detectFileKind(content);
  if (kind !== byExtension)
    return {
      ok: false,
      reason: `Содержимое файла не похоже на ${ext.toUpperCase()}: файл повреждён или переименован. Загрузите ${ACCEPTED_FILES}`,
    };
  return { ok: true, kind, contentType: FILE_KINDS[kind].contentType };
}
