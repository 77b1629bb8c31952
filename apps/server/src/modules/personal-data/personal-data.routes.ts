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
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { idParamsSchema } from '../../platform/schemas.ts';
import { sendFile } from '../../platform/send-file.ts';
import { erasePerson } from './erase-person.ts';
import { exportMyData, exportPersonData } from './export-person-data.ts';
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
const fileResponse = { 200: z.string().describe('PDF или JSON-файл') };

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
      endpoint(insured, tags, 'Мои согласия', { response: { 200: z.array(myConsentSchema) } }),
      (req) => listMyConsents(deps, req.actor),
    );
    app.post(
      '/api/me/personal-data/consents/:id/withdraw',
      endpoint(insured, tags, 'Отозвать согласие', {
        params: idParamsSchema,
        response: { 200: z.object({ withdrawnAt: z.iso.datetime() }) },
      }),
      (req) => withdrawConsent(deps, req.actor, req.params.id),
    );
    app.get(
      '/api/me/personal-data/views',
      endpoint(insured, tags, 'Кто смотрел мои медицинские данные', {
        querystring: viewLogQuerySchema.pick({ before: true, limit: true }),
        response: { 200: viewPageOf(healthViewSchema) },
      }),
      (req) => listMyHealthViews(deps, req.actor, req.query),
    );
    app.get(
      '/api/me/personal-data/export.:format',
      endpoint(insured, tags, 'Все мои данные: PDF или JSON', {
        params: formatParams,
        response: fileResponse,
      }),
      async (req, reply) => sendFile(reply, await exportMyData(deps, req.actor, req.params.format)),
    );
  };
}

/** The admin finds a person and reads the log of views of health data. */
function adminLookupRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/personal-data/persons',
      endpoint(admin, tags, 'Найти застрахованного по ФИО, номеру полиса или телефону', {
        querystring: z.object({ q: z.string().trim().max(200).default('') }),
        response: { 200: z.array(personRefSchema) },
      }),
      (req) => findPersons(deps, req.actor, req.query.q),
    );
    app.get(
      '/api/admin/personal-data/views',
      endpoint(admin, tags, 'Журнал просмотров медицинских данных', {
        querystring: viewLogQuerySchema,
        response: { 200: viewPageOf(adminHealthViewSchema) },
      }),
      (req) => listHealthViews(deps, req.actor, req.query),
    );
  };
}

/** What the admin does on a person's written request: show consents, export, erase. */
function adminPersonRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/personal-data/persons/:id/consents',
      endpoint(admin, tags, 'Согласия застрахованного', {
        params: idParamsSchema,
        response: { 200: z.array(myConsentSchema) },
      }),
      (req) => listPersonConsents(deps, req.actor, req.params.id),
    );
    app.get(
      '/api/admin/personal-data/persons/:id/export.:format',
      endpoint(admin, tags, 'Выгрузка данных застрахованного по его письменному запросу', {
        params: idParamsSchema.extend(formatParams.shape),
        querystring: erasureRequestSchema,
        response: fileResponse,
      }),
      async (req, reply) =>
        sendFile(
          reply,
          await exportPersonData(deps, req.actor, req.params.id, req.params.format, req.query.basis),
        ),
    );
    app.post(
      '/api/admin/personal-data/persons/:id/erase',
      endpoint(
        admin,
        tags,
        'Обезличить данные застрахованного по его заявлению (финансовые записи сохраняются)',
        { params: idParamsSchema, body: erasureRequestSchema, response: { 200: erasureResultSchema } },
      ),
      (req) => erasePerson(deps, req.actor, req.params.id, req.body.basis),
    );
  };
}

function privacyRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/privacy/operator',
      endpoint({ access: 'public' }, tags, 'Оператор персональных данных: для страницы политики обработки', {
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
      }),
      () => privacyOperator(deps),
    );
  };
}
