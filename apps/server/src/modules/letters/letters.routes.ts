import {
  cancelLetterSchema,
  clinicLettersFilterSchema,
  clinicLettersQuerySchema,
  extendLetterSchema,
  letterViewSchema,
  pageOf,
  type Role,
  tableFormatSchema,
} from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clinicParamsSchema } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { errorResponses, idParamsSchema } from '../../platform/schemas.ts';
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

const letterV1Schema = z.object({
  format: z.literal('remed.guarantee-letter/v1'),
  number: z.string(),
  issuedAt: z.string(),
  validFrom: z.iso.date(),
  validUntil: z.iso.date(),
  policyNumber: z.string(),
  insuredName: z.string(),
  clinic: z.object({ inn: z.string(), name: z.string() }),
  franchisePercent: z.number().int(),
  cashbackPercent: z.number().int(),
  remainingLimit: z.number().int().nullable(),
  items: z.array(
    z.object({
      line: z.number().int(),
      code: z.string(),
      clinicCode: z.string(),
      name: z.string(),
      price: z.number().int(),
      quantity: z.number().int(),
    }),
  ),
});

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
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: 'Гарантийные письма, доступные пользователю',
          response: { 200: z.array(letterViewSchema), ...errorResponses },
        },
      },
      (req) => listLetters(deps, req.actor),
    );
    app.get(
      '/api/letters/:id',
      {
        config: { access: READERS },
        schema: { tags, params: idParamsSchema, response: { 200: letterViewSchema, ...errorResponses } },
      },
      (req) => getLetter(deps, req.actor, req.params.id),
    );
    app.get(
      '/api/letters/:id/pdf',
      { config: { access: READERS }, schema: { tags, summary: 'Письмо в PDF', params: idParamsSchema } },
      async (req, reply) => {
        const { number, content } = await printLetter(deps, req.actor, req.params.id);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(`${number}.pdf`)}`)
          .send(content);
      },
    );
    app.get(
      '/api/letters/:id/export.json',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: 'Письмо в формате remed.guarantee-letter/v1',
          params: idParamsSchema,
          response: { 200: letterV1Schema, ...errorResponses },
        },
      },
      async (req, reply) => {
        const v1 = await exportLetterV1(deps, req.actor, req.params.id);
        return reply
          .header(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent(`${v1.number}.json`)}`,
          )
          .send(v1);
      },
    );
  };
}

function changeRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/letters/:id/cancel',
      {
        config: { access: ['console_doctor'] },
        schema: {
          tags,
          summary: 'Отменить письмо (с причиной)',
          params: idParamsSchema,
          body: cancelLetterSchema,
          response: { 200: letterViewSchema, ...errorResponses },
        },
      },
      (req) => cancelLetter(deps, req.actor, req.params.id, req.body.reason),
    );
    app.post(
      '/api/letters/:id/extend',
      {
        config: { access: ['console_doctor'] },
        schema: {
          tags,
          summary: 'Продлить письмо (с причиной)',
          params: idParamsSchema,
          body: extendLetterSchema,
          response: { 200: letterViewSchema, ...errorResponses },
        },
      },
      (req) => extendLetter(deps, req.actor, req.params.id, req.body.validUntil, req.body.reason),
    );
  };
}

function clinicLettersRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/clinics/:clinicId/letters',
      {
        config: { access: ['clinic_user', 'admin'] },
        schema: {
          tags,
          summary: 'Гарантийные письма, адресованные клинике (с фильтрами)',
          params: clinicParamsSchema,
          querystring: clinicLettersQuerySchema,
          response: { 200: pageOf(letterViewSchema), ...errorResponses },
        },
      },
      (req) => listClinicLetters(deps, req.actor, req.params.clinicId, req.query),
    );
    app.get(
      '/api/clinics/:clinicId/letters/export.:format',
      {
        config: { access: ['clinic_user', 'admin'] },
        schema: {
          tags,
          summary: 'Гарантийные письма клиники в файле XLSX или CSV (с теми же фильтрами)',
          params: clinicParamsSchema.extend({ format: tableFormatSchema }),
          querystring: clinicLettersFilterSchema,
        },
      },
      async (req, reply) => {
        const file = await exportClinicLetters(
          deps,
          req.actor,
          req.params.clinicId,
          req.query,
          req.params.format,
        );
        return reply
          .header('content-type', TABLE_CONTENT_TYPES[req.params.format])
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.content);
      },
    );
  };
}
