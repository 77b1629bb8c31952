import {
  claimFeedbackViewSchema,
  clinicFeedbackViewSchema,
  clinicRatingViewSchema,
  complaintDecisionSchema,
  complaintSchema,
  complaintViewSchema,
  visitRatingSchema,
} from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clinicParamsSchema } from '../../platform/clinic-access.ts';
import { errorResponses, idParamsSchema } from '../../platform/schemas.ts';
import type { FeedbackService } from './feedback.service.ts';
import type { RatingsService } from './ratings.service.ts';

const cabinet = { access: ['clinic_user', 'admin'] as const };
const insured = { access: ['insured'] as const };
const doctor = { access: ['console_doctor'] as const };

export function ratingsRoutes(ratings: RatingsService, feedback: FeedbackService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/clinics/:clinicId/rating',
      {
        config: cabinet,
        schema: {
          tags: ['clinic cabinet'],
          summary: 'Рейтинг клиники: балл, место среди клиник, составляющие и динамика',
          params: clinicParamsSchema,
          response: { 200: clinicRatingViewSchema, ...errorResponses },
        },
      },
      (req) => ratings.clinicRating(req.actor, req.params.clinicId),
    );
    app.get(
      '/api/clinics/:clinicId/feedback',
      {
        config: cabinet,
        schema: {
          tags: ['clinic cabinet'],
          summary: 'Оценки визитов и жалобы за 12 месяцев: сводка и комментарии без имён',
          params: clinicParamsSchema,
          response: { 200: clinicFeedbackViewSchema, ...errorResponses },
        },
      },
      (req) => ratings.clinicFeedback(req.actor, req.params.clinicId),
    );

    app.get(
      '/api/me/claims/:id/feedback',
      {
        config: insured,
        schema: {
          tags: ['claims'],
          summary: 'Моя оценка визита и жалоба по чеку',
          params: idParamsSchema,
          response: { 200: claimFeedbackViewSchema, ...errorResponses },
        },
      },
      (req) => feedback.claimFeedback(req.actor, req.params.id),
    );
    app.post(
      '/api/me/claims/:id/rating',
      {
        config: insured,
        schema: {
          tags: ['claims'],
          summary: 'Оценить визит в клинику (1–5 звёзд), один раз по чеку',
          params: idParamsSchema,
          body: visitRatingSchema,
          response: { 201: claimFeedbackViewSchema, ...errorResponses },
        },
      },
      async (req, reply) => reply.status(201).send(await feedback.rate(req.actor, req.params.id, req.body)),
    );
    app.post(
      '/api/me/claims/:id/complaint',
      {
        config: insured,
        schema: {
          tags: ['claims'],
          summary: 'Пожаловаться на клинику по этому чеку',
          params: idParamsSchema,
          body: complaintSchema,
          response: { 201: claimFeedbackViewSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await feedback.complain(req.actor, req.params.id, req.body)),
    );

    app.get(
      '/api/console/complaints',
      {
        config: doctor,
        schema: {
          tags: ['console'],
          summary: 'Жалобы на клиники: новые или рассмотренные',
          querystring: z.object({ status: z.enum(['new', 'decided']).default('new') }),
          response: { 200: z.array(complaintViewSchema), ...errorResponses },
        },
      },
      (req) => feedback.listComplaints(req.query.status),
    );
    app.post(
      '/api/console/complaints/:id/decision',
      {
        config: doctor,
        schema: {
          tags: ['console'],
          summary: 'Признать жалобу обоснованной или нет, с причиной',
          params: idParamsSchema,
          body: complaintDecisionSchema,
          response: { 200: complaintViewSchema, ...errorResponses },
        },
      },
      (req) => feedback.decide(req.actor, req.params.id, req.body),
    );
  };
}
