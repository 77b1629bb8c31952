import {
  cancelLetterSchema,
  clinicLettersFilterSchema,
  clinicLettersQuerySchema,
  extendLetterSchema,
  guaranteeLetterSchema,
  letterViewSchema,
  pageOf,
  type Role,
  tableFormatSchema,
} from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clinicParamsSchema } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { idParamsSchema } from '../../platform/schemas.ts';
import { contentDisposition, sendFile } from '../../platform/send-file.ts';
import { TABLE_CONTENT_TYPES } from '../insurance/table-files.ts';
import { cancelLetter } from './cancel-letter.ts';
import { exportClinicLetters } from './export-clinic-letters.ts';
import { extendLetter } from './extend-letter.ts';
import { exportLetterV1 } from './letter-export.ts';
import { listClinicLetters } from './list-clinic-letters.ts';
import { listLetters } from './list-letters.ts';
import { printLetter } from './print-letter.ts';
import { getLetter } from './read-letter.ts';

const READERS: readonly Role[] = ['admin', 'console_doctor', 'insured', 'clinic_user', 'insurer_user'];
const tags = ['guarantee letters'];

/** Guarantee letters: read by everyone concerned, listed for a clinic, cancelled or extended by the console. */
export function lettersRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(readingRoutes(deps));
    await app.register(clinicLettersRoutes(deps));
    await app.register(changeRoutes(deps));
  };
}

function readingRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/letters',
      endpoint({ access: READERS }, tags, 'Гарантийные письма, доступные пользователю', {
        response: { 200: z.array(letterViewSchema) },
      }),
      (req) => listLetters(deps, req.actor),
    );
    app.get(
      '/api/letters/:id',
      endpoint({ access: READERS }, tags, 'Гарантийное письмо', {
        params: idParamsSchema,
        response: { 200: letterViewSchema },
      }),
      (req) => getLetter(deps, req.actor, req.params.id),
    );
    app.get(
      '/api/letters/:id/pdf',
      endpoint({ access: READERS }, tags, 'Письмо в PDF', { params: idParamsSchema }),
      async (req, reply) => {
        const { number, content } = await printLetter(deps, req.actor, req.params.id);
        return sendFile(
          reply,
          { fileName: `${number}.pdf`, contentType: 'application/pdf', content },
          { inline: true },
        );
      },
    );
    app.get(
      '/api/letters/:id/export.json',
      // Checked on the way out against the schema `remed adjudicate` reads: what one writes, the other takes.
      endpoint({ access: READERS }, tags, 'Письмо в формате remed.guarantee-letter/v1', {
        params: idParamsSchema,
        response: { 200: guaranteeLetterSchema },
      }),
      async (req, reply) => {
        const v1 = await exportLetterV1(deps, req.actor, req.params.id);
        return reply.header('content-disposition', contentDisposition(`${v1.number}.json`)).send(v1);
      },
    );
  };
}

function changeRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/letters/:id/cancel',
      endpoint({ access: ['console_doctor'] }, tags, 'Отменить письмо (с причиной)', {
        params: idParamsSchema,
        body: cancelLetterSchema,
        response: { 200: letterViewSchema },
      }),
      (req) => cancelLetter(deps, req.actor, req.params.id, req.body.reason),
    );
    app.post(
      '/api/letters/:id/extend',
      endpoint({ access: ['console_doctor'] }, tags, 'Продлить письмо (с причиной)', {
        params: idParamsSchema,
        body: extendLetterSchema,
        response: { 200: letterViewSchema },
      }),
      (req) => extendLetter(deps, req.actor, req.params.id, req.body.validUntil, req.body.reason),
    );
  };
}

function clinicLettersRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/clinics/:clinicId/letters',
      endpoint(
        { access: ['clinic_user', 'admin'] },
        tags,
        'Гарантийные письма, адресованные клинике (с фильтрами)',
        {
          params: clinicParamsSchema,
          querystring: clinicLettersQuerySchema,
          response: { 200: pageOf(letterViewSchema) },
        },
      ),
      (req) => listClinicLetters(deps, req.actor, req.params.clinicId, req.query),
    );
    app.get(
      '/api/clinics/:clinicId/letters/export.:format',
      endpoint(
        { access: ['clinic_user', 'admin'] },
        tags,
        'Гарантийные письма клиники в файле XLSX или CSV (с теми же фильтрами)',
        {
          params: clinicParamsSchema.extend({ format: tableFormatSchema }),
          querystring: clinicLettersFilterSchema,
        },
      ),
      async (req, reply) => {
        const file = await exportClinicLetters(
          deps,
          req.actor,
          req.params.clinicId,
          req.query,
          req.params.format,
        );
        return sendFile(reply, { ...file, contentType: TABLE_CONTENT_TYPES[req.params.format] });
      },
    );
  };
}
