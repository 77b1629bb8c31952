import {
  caseViewSchema,
  coverageResponseSchema,
  createHelpRequestSchema,
  helpRequestViewSchema,
  icd10EntrySchema,
  issueLetterSchema,
  rankedClinicSchema,
  serviceSearchResultSchema,
  servicesRequestSchema,
  updateCaseSchema,
} from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { idParamsSchema, okResponseSchema } from '../../platform/schemas.ts';
import { caseCoverage } from './case-coverage.ts';
import { createPhoneRequest } from './create-phone-request.ts';
import { getCase } from './get-case.ts';
import { searchIcd10 } from './icd10.ts';
import { issueLetter } from './issue-letter.ts';
import { listRequests } from './list-requests.ts';
import { openCase } from './open-case.ts';
import { rankClinics } from './rank-clinics.ts';
import { requestPhoto } from './request-photo.ts';
import { findServices } from './search-services.ts';
import { updateCase } from './update-case.ts';

const doctor = { access: ['console_doctor'] as const };
const tags = ['console'];
const idResponse = z.object({ id: z.uuid() });

/** The medical console: incoming requests, the case a doctor works on, and what can be offered for it. */
export function consoleRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(requestRoutes(deps));
    await app.register(caseRoutes(deps));
    await app.register(lookupRoutes(deps));
    await app.register(offerRoutes(deps));
  };
}

/** Requests from the app and from phone calls, and taking one into work. */
function requestRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/console/requests',
      endpoint(doctor, tags, 'Входящие заявки', {
        querystring: z.object({ status: z.enum(['new', 'in_work', 'closed']).optional() }),
        response: { 200: z.array(helpRequestViewSchema) },
      }),
      (req) => listRequests(deps, req.actor, req.query.status),
    );
    app.post(
      '/api/console/requests',
      endpoint(doctor, tags, 'Заявка по телефонному звонку', {
        body: createHelpRequestSchema,
        response: { 201: idResponse },
      }),
      async (req, reply) =>
        reply.status(201).send({ id: await createPhoneRequest(deps, req.actor, req.body) }),
    );
    app.get(
      '/api/console/requests/:id/photo',
      endpoint(doctor, tags, 'Фото, приложенное к заявке', { params: idParamsSchema }),
      async (req, reply) => {
        const photo = await requestPhoto(deps, req.actor, req.params.id);
        return reply
          .header('content-type', photo.contentType)
          .header('cache-control', 'private, no-store')
          .send(photo.content);
      },
    );
    app.post(
      '/api/console/requests/:id/case',
      endpoint(doctor, tags, 'Взять заявку в работу: открыть случай', {
        params: idParamsSchema,
        response: { 200: idResponse },
      }),
      async (req) => ({ id: await openCase(deps, req.actor, req.params.id) }),
    );
  };
}

/** The case: who, which policy and program, complaints and diagnosis. */
function caseRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/console/cases/:id',
      endpoint(doctor, tags, 'Случай: застрахованный, полис, программа, письма', {
        params: idParamsSchema,
        response: { 200: caseViewSchema },
      }),
      (req) => getCase(deps, req.actor, req.params.id),
    );
    app.patch(
      '/api/console/cases/:id',
      endpoint(doctor, tags, 'Жалобы и диагноз (МКБ-10)', {
        params: idParamsSchema,
        body: updateCaseSchema,
        response: { 200: okResponseSchema },
      }),
      async (req) => {
        await updateCase(deps, req.actor, req.params.id, req.body);
        return { ok: true as const };
      },
    );
  };
}

/** Suggestions while typing: services of the catalogue and ICD-10 diagnoses. */
function lookupRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/console/services',
      endpoint(doctor, tags, 'Поиск услуг по названию или коду 804н', {
        querystring: z.object({ q: z.string().max(100).default('') }),
        response: { 200: z.array(serviceSearchResultSchema) },
      }),
      (req) => findServices(deps, req.query.q),
    );
    app.get(
      '/api/console/icd10',
      endpoint(doctor, tags, 'Подсказки диагнозов МКБ-10', {
        querystring: z.object({ q: z.string().max(100).default('') }),
        response: { 200: z.array(icd10EntrySchema) },
      }),
      async (req) => searchIcd10(req.query.q),
    );
  };
}

/** What the program covers, which clinics can do it, and the guarantee letter that sends the patient there. */
function offerRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/console/cases/:id/coverage',
      endpoint(doctor, tags, 'Проверка покрытия программой', {
        params: idParamsSchema,
        body: servicesRequestSchema,
        response: { 200: coverageResponseSchema },
      }),
      (req) => caseCoverage(deps, req.params.id, req.body.services, req.body.approvedCodes),
    );
    app.post(
      '/api/console/cases/:id/clinics',
      endpoint(doctor, tags, 'Клиники для выбранных услуг, по рейтингу, цене и кэшбэку', {
        params: idParamsSchema,
        body: servicesRequestSchema,
        response: { 200: z.array(rankedClinicSchema) },
      }),
      (req) => rankClinics(deps, req.params.id, req.body.services),
    );
    app.post(
      '/api/console/cases/:id/letters',
      endpoint(doctor, tags, 'Выдать гарантийное письмо', {
        params: idParamsSchema,
        body: issueLetterSchema,
        response: { 201: idResponse },
      }),
      async (req, reply) =>
        reply.status(201).send({ id: await issueLetter(deps, req.actor, req.params.id, req.body) }),
    );
  };
}
