import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

export interface OutgoingFile {
  fileName: string;
  contentType: string;
  content: Buffer | Readable;
}

/** RFC 6266: an ASCII name for old clients and the real (often Cyrillic) name for every browser today. */
export const contentDisposition = (fileName: string, kind: 'attachment' | 'inline' = 'attachment') =>
  `${kind}; filename="${fileName.replace(/[^\w.-]+/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/**
 * Sends a file the user downloads. Files here carry personal or commercial data, so by default
 * no cache keeps them; `inline` is only for what the browser may show in the page (a PDF, a picture).
 */
export function sendFile(
  reply: FastifyReply,
  file: OutgoingFile,
  options: { inline?: boolean; cacheControl?: string } = {},
) {
  return reply
    .header('content-type', file.contentType)
    .header(
      'content-disposition',
      contentDisposition(file.fileName, options.inline ? 'inline' : 'attachment'),
    )
    .header('cache-control', options.cacheControl ?? 'private, no-store')
    .send(file.content);
}
