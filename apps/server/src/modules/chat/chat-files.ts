import { CHAT_ATTACHMENT_MAX_BYTES, chatAttachmentType } from '@remed/core';
import { AppError } from '../../platform/errors.ts';

export interface IncomingFile {
  fileName: string;
  content: Buffer;
}

export interface CheckedFile extends IncomingFile {
  contentType: string;
}

const starts = (b: Buffer, bytes: number[], at = 0) => bytes.every((x, i) => b[at + i] === x);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * The first bytes must be what the extension claims: a page renamed to .png is never served back as a
 * picture, and a program renamed to .pdf is refused.
 */
const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => starts(b, [0xff, 0xd8, 0xff]),
  'image/png': (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/webp': (b) => starts(b, [0x52, 0x49, 0x46, 0x46]) && starts(b, [0x57, 0x45, 0x42, 0x50], 8),
  'application/pdf': (b) => starts(b, [0x25, 0x50, 0x44, 0x46]),
  'application/msword': (b) => starts(b, OLE),
  'application/vnd.ms-excel': (b) => starts(b, OLE),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (b) => starts(b, ZIP),
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': (b) => starts(b, ZIP),
  'application/vnd.oasis.opendocument.text': (b) => starts(b, ZIP),
  'application/vnd.oasis.opendocument.spreadsheet': (b) => starts(b, ZIP),
  'text/plain': (b) => !b.includes(0),
  'text/csv': (b) => !b.includes(0),
};

/** A file name safe to keep and to send back in Content-Disposition: no path, no control characters. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return clean.slice(-200) || 'файл';
}

export function checkFile(file: IncomingFile): CheckedFile {
  const fileName = cleanFileName(file.fileName);
  const field = (message: string) =>
    new AppError('VALIDATION_FAILED', message, { fields: { files: message } });
  if (file.content.length === 0) throw field(`Файл «${fileName}» пустой`);
  if (file.content.length > CHAT_ATTACHMENT_MAX_BYTES)
    throw new AppError('PAYLOAD_TOO_LARGE', `Файл «${fileName}» больше 10 МБ`, {
      fields: { files: `Файл «${fileName}» больше 10 МБ` },
    });
  const contentType = chatAttachmentType(fileName);
  if (!contentType)
    throw field(
      `Файл «${fileName}»: такие файлы не принимаются. Можно приложить фото (JPG, PNG, WebP), PDF, документы Word и Excel, TXT или CSV`,
    );
  if (!SIGNATURES[contentType]!(file.content))
    throw field(`Файл «${fileName}» повреждён или не является файлом своего типа`);
  return { ...file, fileName, contentType };
}
