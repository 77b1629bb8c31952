import type { Role } from '@remed/core';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { clinicParamsSchema } from '../../platform/clinic-access.ts';
import { sendFile } from '../../platform/send-file.ts';

/** The clinic's own staff and the service's contracts department (admins) work in the same cabinet. */
export const CABINET: readonly Role[] = ['admin', 'clinic_user'];
export const SERVICE: readonly Role[] = ['admin'];
export const tags = ['clinic contracts and documents'];

export const itemParams = clinicParamsSchema.extend({ id: z.uuid('Неверный идентификатор') });

/** Contract and document files are PDFs unless the clinic uploaded another kind. */
export function sendEdoFile(
  reply: FastifyReply,
  file: { fileName: string; content: Buffer; contentType?: string },
  sha256?: string,
) {
  if (sha256) reply.header('x-document-sha256', sha256);
  return sendFile(reply, { ...file, contentType: file.contentType ?? 'application/pdf' });
}
