import { consentStateSchema, helpRequestViewSchema, myInsuranceSchema } from '@remed/core';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { AppError } from '../../platform/errors.ts';
import { receiveUpload } from '../../platform/receive-upload.ts';
import { okResponseSchema } from '../../platform/schemas.ts';
import { askForHelp } from './ask-for-help.ts';
import { myConsents } from './my-consents.ts';
import { myInsurance } from './my-insurance.ts';
import { myRequests } from './my-requests.ts';
import { setEmployerSharing } from './set-employer-sharing.ts';

const insured = { access: ['insured'] as const };
const tags = ['insured app'];
const MAX_PHOTO = 10 * 1024 * 1024;
const ANSWER_KEYS = ['since', 'temperature', 'preferredArea', 'contactTime'] as const;

/** The insured person's own app: policy and program in plain words, consents, requests for help. */
export function insuredRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(insuranceRoutes(deps));
    await app.register(helpRequestRoutes(deps));
  };
}

function insuranceRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/me/insurance',
      endpoint(insured, tags, 'Мой полис и программа простыми словами', {
        response: { 200: myInsuranceSchema },
      }),
      (req) => myInsurance(deps, req.actor),
    );
    app.get(
      '/api/me/consents',
      endpoint(insured, tags, 'Мои согласия', { response: { 200: z.array(consentStateSchema) } }),
      (req) => myConsents(deps, req.actor),
    );
    app.put(
      '/api/me/consents/employer-sharing',
      endpoint(insured, tags, 'Дать или отозвать согласие на передачу сведений работодателю', {
        body: z.object({ accept: z.boolean() }),
        response: { 200: okResponseSchema },
      }),
      async (req) => {
        await setEmployerSharing(deps, req.actor, req.body.accept, req.headers['user-agent'] ?? null);
        return { ok: true as const };
      },
    );
  };
}

function helpRequestRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/me/requests',
      endpoint(insured, tags, 'Мои обращения', { response: { 200: z.array(helpRequestViewSchema) } }),
      (req) => myRequests(deps, req.actor),
    );
    app.post(
      '/api/me/requests',
      endpoint(
        insured,
        tags,
        'Попросить помощи (multipart: complaint, since, temperature, preferredArea, contactTime, photo?)',
        { consumes: ['multipart/form-data'], response: { 201: z.object({ id: z.uuid() }) } },
      ),
      async (req, reply) => {
        const { input, photo } = await helpRequestForm(req);
        return reply.status(201).send({ id: await askForHelp(deps, req.actor, input, photo) });
      },
    );
  };
}

/** The multipart form of a request for help: the complaint, the answers given, and an optional photo. */
async function helpRequestForm(req: FastifyRequest) {
  const form = await receiveUpload(req, { field: 'photo', maxBytes: MAX_PHOTO, label: 'Фото' });
  const fields = Object.fromEntries(
    Object.entries(form.fields).map(([k, v]) => [k, v.trim().slice(0, 4000)]),
  );
  const photo = form.files[0]?.content.length ? form.files[0].content : null;
  if (!fields.complaint || fields.complaint.length < 3) {
    throw new AppError('VALIDATION_FAILED', undefined, {
      fields: { complaint: 'Опишите, что беспокоит' },
    });
  }
  const answers = Object.fromEntries(ANSWER_KEYS.filter((k) => fields[k]).map((k) => [k, fields[k]!]));
  return { input: { complaint: fields.complaint, answers }, photo };
}
