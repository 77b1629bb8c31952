import type { Role } from '@remed/core';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { clinicParamsSchema } from '../../platform/clinic-access.ts';

/** The clinic's own staff and the service's contracts department (admins) work in the same cabinet. */
export const CABINET: readonly Role[] = ['admin', 'clinic_user'];
export const SERVICE: readonly Role[] = ['admin'];
export const tags = ['clinic contracts and documents'];

export const itemParams = clinicParamsSchema.extend({ id: z.uuid('Неверный идентификатор') });

export function sendFile(
  reply: FastifyReply,
  file: { fileName: string; content: Buffer; contentType?: string },
  sha256?: string,
) {
  if (sha256) reply.header('x-document-sha256', sha256);
  return reply
    .header('content-type', file.contentType ?? 'application/pdf')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('cache-control', 'private, no-store')
    .send(file.content);
}
