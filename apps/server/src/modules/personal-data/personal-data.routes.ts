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
import { type ExportFormat, exportPersonData } from './export-person-data.ts';
import { listConsents } from './list-consents.ts';
import { viewsForAdmin, viewsOfPerson } from './list-health-views.ts';
import { findPersons, personById, personOfUser } from './personal-data.queries.ts';
import { withdrawConsent } from './withdraw-consent.ts';

const insured = { access: ['insured'] as const };
const admin = { access: ['admin'] as const };
const tags = ['personal data'];
const formatParams = z.object({ format: z.enum(['json', 'pdf']) });
// The file goes out as a Buffer, which Fastify sends as it is; the schema documents it for OpenAPI.
const fileResponse = { 200: z.string().describe('PDF или JSON-файл'), ...errorResponses };

const sendFile = (reply: FastifyReply, f: { content: Buffer; fileName: string; contentType: string }) =>
  reply
    .header('content-type', f.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
    .send(f.content);

/** 152-ФЗ controls: consents, the log of views of health data, the export and the erasure of a person's data. */
export function personalDataRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  const me = (userId: string) => personOfUser(db, userId);
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
      async (req) => listConsents(db, (await me(req.actor.user!.id)).id),
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
      async (req) => withdrawConsent(deps, req.actor, (await me(req.actor.user!.id)).id, req.params.id),
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
      async (req) => viewsOfPerson(db, (await me(req.actor.user!.id)).id, req.query),
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
      async (req, reply) =>
        sendFile(
          reply,
          await exportPersonData(deps, req.actor, await me(req.actor.user!.id), req.params.format, null),
        ),
    );

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
      (req) => findPersons(db, req.query.q),
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
      (req) => viewsForAdmin(db, req.query),
    );
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
      async (req) => listConsents(db, (await personById(db, req.params.id)).id),
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
          await exportPersonData(
            deps,
            req.actor,
            await personById(db, req.params.id),
            req.params.format as ExportFormat,
            req.query.basis,
          ),
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
      () => {
        const p = deps.config.serviceParty;
        return { name: p.name, inn: p.inn, ogrn: p.ogrn, address: p.address, email: p.email, phone: p.phone };
      },
    );
  };
}
