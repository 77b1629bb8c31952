import { consentStateSchema, helpRequestViewSchema, myInsuranceSchema } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { receiveUpload } from '../../platform/receive-upload.ts';
import { errorResponses, okResponseSchema } from '../../platform/schemas.ts';
import type { MeService } from './me.service.ts';

const insured = { access: ['insured'] as const };
const tags = ['insured app'];
const MAX_PHOTO = 10 * 1024 * 1024;
const ANSWER_KEYS = ['since', 'temperature', 'preferredArea', 'contactTime'] as const;

export function meRoutes(me: MeService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/me/insurance',
      {
        config: insured,
        schema: {
          tags,
          summary: 'Мой полис и программа простыми словами',
          response: { 200: myInsuranceSchema, ...errorResponses },
        },
      },
      (req) => me.insurance(req.actor),
    );
    app.get(
      '/api/me/consents',
      {
        config: insured,
        schema: {
          tags,
          summary: 'Мои согласия',
          response: { 200: z.array(consentStateSchema), ...errorResponses },
        },
      },
      (req) => me.consents(req.actor),
    );
    app.put(
      '/api/me/consents/employer-sharing',
      {
        config: insured,
        schema: {
          tags,
          summary: 'Дать или отозвать согласие на передачу сведений работодателю',
          body: z.object({ accept: z.boolean() }),
          response: { 200: okResponseSchema, ...errorResponses },
        },
      },
      async (req) => {
        await me.setEmployerSharing(req.actor, req.body.accept, req.headers['user-agent'] ?? null);
        return { ok: true as const };
      },
    );
    app.get(
      '/api/me/requests',
      {
        config: insured,
        schema: {
          tags,
          summary: 'Мои обращения',
          response: { 200: z.array(helpRequestViewSchema), ...errorResponses },
        },
      },
      (req) => me.requests(req.actor),
    );
    app.post(
      '/api/me/requests',
      {
        config: insured,
        schema: {
          tags,
          summary:
            'Попросить помощи (multipart: complaint, since, temperature, preferredArea, contactTime, photo?)',
          consumes: ['multipart/form-data'],
          response: { 201: z.object({ id: z.uuid() }), ...errorResponses },
        },
      },
      async (req, reply) => {
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
        return reply
          .status(201)
          .send({ id: await me.createRequest(req.actor, { complaint: fields.complaint, answers }, photo) });
      },
    );
  };
}
