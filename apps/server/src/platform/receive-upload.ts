import type { Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

interface UploadedFile {
  fileName: string;
  content: Buffer;
}

export interface UploadRules {
  /** The form field that carries the files; every refusal names it in `details.fields`. */
  field: string;
  /** Bytes a file may have, counted while the body streams in. */
  maxBytes: number;
  /** Files the field takes; one unless said. */
  maxFiles?: number;
  /** What to say when the form has no file; without it the file may be left out. */
  required?: string;
  /** What the person calls the file, for the messages: «Фото». «Файл» unless said. */
  label?: string;
  /** The refusal for a file too many, where the form's own words say it better. */
  tooMany?: string;
}

interface ReceivedUpload {
  fields: Record<string, string>;
  files: UploadedFile[];
}

/** More text fields than any of our forms has means a form that is not ours. */
const MAX_FIELDS = 20;

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${Math.round(bytes / 1024 / 1024).toLocaleString('ru-RU')} МБ`
    : `${Math.ceil(bytes / 1024).toLocaleString('ru-RU')} КБ`;

const invalid = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, { fields: { [field]: message } });

function tooLarge(rules: UploadRules, fileName: string): AppError {
  const { field, maxBytes, maxFiles = 1, label = 'Файл' } = rules;
  const limit = size(maxBytes);
  // Among several files the person needs to know which one; alone, the file is obvious.
  const message =
    maxFiles > 1
      ? `${label} «${fileName}» больше ${limit}`
      : `${label} больше ${limit} — такой файл не принимается`;
  const fieldText = maxFiles > 1 ? message : `Не больше ${limit}`;
  return new AppError('PAYLOAD_TOO_LARGE', message, { limit: maxBytes, fields: { [field]: fieldText } });
}

/**
 * The text fields and the files of a multipart form, under one set of rules for every upload route. The
 * byte limit is busboy's: the first byte past it ends the upload with 413 PAYLOAD_TOO_LARGE naming the
 * field and the limit; a file too many, a file in another field or a missing file answer 400 naming the
 * field; a form cut short answers 400, never a 500.
 */
export async function receiveUpload(req: FastifyRequest, rules: UploadRules): Promise<ReceivedUpload> {
  const maxFiles = rules.maxFiles ?? 1;
  const limits = { fileSize: rules.maxBytes, files: maxFiles, fields: MAX_FIELDS };
  const received: ReceivedUpload = { fields: {}, files: [] };
  try {
    for await (const part of req.parts({ limits })) await take(part, rules, received);
  } catch (e) {
    if (e instanceof AppError) throw e;
    const { code, part } = e as { code?: string; part?: { filename?: string } };
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(rules, part?.filename ?? '');
    if (code === 'FST_FILES_LIMIT')
      throw invalid(
        rules.field,
        rules.tooMany ?? (maxFiles === 1 ? 'Загрузите один файл' : `Не больше ${maxFiles} файлов`),
      );
    if (code === 'FST_FIELDS_LIMIT')
      throw new AppError(
        'VALIDATION_FAILED',
        `В форме больше ${MAX_FIELDS} полей — такая форма не принимается`,
      );
    throw invalid(rules.field, 'Файл пришёл не полностью. Загрузите его ещё раз');
  }
  if (rules.required && received.files.length === 0) throw invalid(rules.field, rules.required);
  return received;
}

async function take(part: Multipart, rules: UploadRules, received: ReceivedUpload) {
  if (part.type === 'field') {
    if (typeof part.value === 'string') received.fields[part.fieldname] = part.value;
    return;
  }
  if (part.fieldname !== rules.field)
    throw invalid(part.fieldname, `Файл нужно приложить в поле «${rules.field}»`);
  const content = await part.toBuffer().catch((e: { code?: string }) => {
    throw e.code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge(rules, part.filename) : e;
  });
  // Busboy cuts the file short without an error where the plugin is told not to throw: never keep a cut file.
  if (part.file.truncated) throw tooLarge(rules, part.filename);
  received.files.push({ fileName: part.filename, content });
}
