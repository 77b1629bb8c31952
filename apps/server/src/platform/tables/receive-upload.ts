import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

export interface ReceivedUpload {
  file: { fileName: string; content: Buffer } | null;
  fields: Record<string, string>;
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString('ru-RU')} МБ`;

/**
 * One file and the text fields of a multipart form. The byte limit is busboy's, counted while the body
 * streams in: the first byte past it ends the upload with 413 PAYLOAD_TOO_LARGE naming the limit, and a
 * form cut short answers 400, never a 500.
 */
export async function receiveUpload(req: FastifyRequest, maxBytes: number): Promise<ReceivedUpload> {
  const tooLarge = () => {
    const message = `Файл больше ${mb(maxBytes)} — такой файл не принимается`;
    return new AppError('PAYLOAD_TOO_LARGE', message, { limit: maxBytes, fields: { file: message } });
  };
  const received: ReceivedUpload = { file: null, fields: {} };
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1 } })) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.file.truncated) throw tooLarge();
        received.file = { fileName: part.filename, content };
      } else if (typeof part.value === 'string') {
        received.fields[part.fieldname] = part.value;
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (code === 'FST_FILES_LIMIT')
      throw new AppError('VALIDATION_FAILED', 'Загрузите один файл', {
        fields: { file: 'Загрузите один файл' },
      });
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
      throw new AppError('VALIDATION_FAILED', 'Файл отправляется формой multipart/form-data', {
        fields: { file: 'Выберите файл' },
      });
    throw new AppError('VALIDATION_FAILED', 'Файл пришёл не полностью. Загрузите его ещё раз', {
      fields: { file: 'Файл пришёл не полностью. Загрузите его ещё раз' },
    });
  }
  return received;
}
