import {
  adminHealthViewSchema,
  erasureRequestSchema,
  erasureResultSchema,
  healthViewSchema,
  myConsentSchema,
  personRefSchema,
  viewLogQuerySchema,
  viewPageOf,
} from '@remed/core';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { errorResponses, idParamsSchema } from '../../platform/schemas.ts';
import { erasePerson } from './erase-person.ts';
import { type ExportFile, exportMyData, exportPersonData } from './export-person-data.ts';
import { findPersons } from './find-persons.ts';
import { listMyConsents, listPersonConsents } from './list-consents.ts';
import { listHealthViews, listMyHealthViews } from './list-health-views.ts';
import { ADMIN, INSURED } from './personal-data-access.ts';
import { privacyOperator } from './privacy-operator.ts';
import { withdrawConsent } from './withdraw-consent.ts';

const insured = { access: INSURED };
const admin = { access: ADMIN };
const tags = ['personal data'];
const formatParams = z.object({ format: z.enum(['json', 'pdf']) });
// The file goes out as a Buffer, which Fastify sends as it is; the schema documents it for OpenAPI.
const fileResponse = { 200: z.string().describe('PDF или JSON-файл'), ...errorResponses };

const sendFile = (reply: FastifyReply, f: ExportFile) =>
  reply
    .header('content-type', f.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
    .send(f.content);

/** 152-ФЗ controls: consents, the log of views of health data, the export and the erasure of a person's data. */
export function personalDataRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(myDataRoutes(deps));
    await app.register(adminLookupRoutes(deps));
    await app.register(adminPersonRoutes(deps));
    await app.register(privacyRoutes(deps));
  };
}

/** The person's own consents, views of their health data and their export. */
function myDataRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/me/personal-data/consents',
      {
        config: insured,
        schema: {
          tags,
          summary: 'Мои согласия',
          response: { 200: z.array(myConsentSchema), ...errorResponses },
        },
      },
      (req) => listMyConsents(deps, req.actor),
    );
    app.post(
      '/api/me/personal-data/consents/:id/withdraw',
      {
        config: insured,
        schema: {
          tags,
          summary: 'Отозвать согласие',
          params: idParamsSchema,
          response: { 200: z.object({ withdrawnAt: z.iso.datetime() }), ...errorResponses },
        },
      },
      (req) => withdrawConsent(deps, req.actor, req.params.id),
    );
    app.get(
      '/api/me/personal-data/views',
      {
        config: insured,
        schema: {
          tags,
          summary: 'Кто смотрел мои медицинские данные',
          querystring: viewLogQuerySchema.pick({ before: true, limit: true }),
          response: { 200: viewPageOf(healthViewSchema), ...errorResponses },
        },
      },
      (req) => listMyHealthViews(deps, req.actor, req.query),
    );
    app.get(
      '/api/me/personal-data/export.:format',
      {
        config: insured,
        schema: {
          tags,
          summary: 'Все мои данные: PDF или JSON',
          params: formatParams,
          response: fileResponse,
        },
      },
      async (req, reply) => sendFile(reply, await exportMyData(deps, req.actor, req.params.format)),
    );
  };
}

/** The admin finds a person and reads the log of views of health data. */
function adminLookupRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/personal-data/persons',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Найти застрахованного по ФИО, номеру полиса или телефону',
          querystring: z.object({ q: z.string().trim().max(200).default('') }),
          response: { 200: z.array(personRefSchema), ...errorResponses },
        },
      },
      (req) => findPersons(deps, req.actor, req.query.q),
    );
    app.get(
      '/api/admin/personal-data/views',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Журнал просмотров медицинских данных',
          querystring: viewLogQuerySchema,
          response: { 200: viewPageOf(adminHealthViewSchema), ...errorResponses },
        },
      },
      (req) => listHealthViews(deps, req.actor, req.query),
    );
  };
}

/** What the admin does on a person's written request: show consents, export, erase. */
function adminPersonRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/personal-data/persons/:id/consents',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Согласия застрахованного',
          params: idParamsSchema,
          response: { 200: z.array(myConsentSchema), ...errorResponses },
        },
      },
      (req) => listPersonConsents(deps, req.actor, req.params.id),
    );
    app.get(
      '/api/admin/personal-data/persons/:id/export.:format',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Выгрузка данных застрахованного по его письменному запросу',
          params: idParamsSchema.extend(formatParams.shape),
          querystring: erasureRequestSchema,
          response: fileResponse,
        },
      },
      async (req, reply) =>
        sendFile(
          reply,
          await exportPersonData(deps, req.actor, req.params.id, req.params.format, req.query.basis),
        ),
    );
    app.post(
      '/api/admin/personal-data/persons/:id/erase',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Обезличить данные застрахованного по его заявлению (финансовые записи сохраняются)',
          params: idParamsSchema,
          body: erasureRequestSchema,
          response: { 200: erasureResultSchema, ...errorResponses },
        },
      },
      (req) => erasePerson(deps, req.actor, req.params.id, req.body.basis),
    );
  };
}

function privacyRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/privacy/operator',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Оператор персональных данных: для страницы политики обработки',
          response: {
            200: z.object({
              name: z.string(),
              inn: z.string(),
              ogrn: z.string(),
              address: z.string(),
              email: z.string(),
              phone: z.string(),
            }),
          },
        },
      },
      () => privacyOperator(deps),
    );
  };
}
