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
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { idParamsSchema } from '../../platform/schemas.ts';
import { getClaimFeedback } from './claim-feedback.ts';
import { getClinicFeedback } from './clinic-feedback.ts';
import { getClinicRating } from './clinic-rating.ts';
import { decideComplaint } from './decide-complaint.ts';
import { fileComplaint } from './file-complaint.ts';
import { listComplaints } from './list-complaints.ts';
import { rateVisit } from './rate-visit.ts';

/** Clinic ratings: the clinic's own view, the insured person's rating and complaint, the doctor's decision. */
export function ratingRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(clinicCabinetRoutes(deps));
    await app.register(insuredFeedbackRoutes(deps));
    await app.register(complaintDecisionRoutes(deps));
  };
}

function clinicCabinetRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const config = { access: ['clinic_user', 'admin'] as const };
  const tags = ['clinic cabinet'];
  return async (app) => {
    app.get(
      '/api/clinics/:clinicId/rating',
      endpoint(config, tags, 'Рейтинг клиники: балл, место среди клиник, составляющие и динамика', {
        params: clinicParamsSchema,
        response: { 200: clinicRatingViewSchema },
      }),
      (req) => getClinicRating(deps, req.actor, req.params.clinicId),
    );
    app.get(
      '/api/clinics/:clinicId/feedback',
      endpoint(config, tags, 'Оценки визитов и жалобы за 12 месяцев: сводка и комментарии без имён', {
        params: clinicParamsSchema,
        response: { 200: clinicFeedbackViewSchema },
      }),
      (req) => getClinicFeedback(deps, req.actor, req.params.clinicId),
    );
  };
}

function insuredFeedbackRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const config = { access: ['insured'] as const };
  const tags = ['claims'];
  const created = { 201: claimFeedbackViewSchema };
  return async (app) => {
    app.get(
      '/api/me/claims/:id/feedback',
      endpoint(config, tags, 'Моя оценка визита и жалоба по чеку', {
        params: idParamsSchema,
        response: { 200: claimFeedbackViewSchema },
      }),
      (req) => getClaimFeedback(deps, req.actor, req.params.id),
    );
    app.post(
      '/api/me/claims/:id/rating',
      endpoint(config, tags, 'Оценить визит в клинику (1–5 звёзд), один раз по чеку', {
        params: idParamsSchema,
        body: visitRatingSchema,
        response: created,
      }),
      async (req, reply) => reply.status(201).send(await rateVisit(deps, req.actor, req.params.id, req.body)),
    );
    app.post(
      '/api/me/claims/:id/complaint',
      endpoint(config, tags, 'Пожаловаться на клинику по этому чеку', {
        params: idParamsSchema,
        body: complaintSchema,
        response: created,
      }),
      async (req, reply) =>
        reply.status(201).send(await fileComplaint(deps, req.actor, req.params.id, req.body)),
    );
  };
}

function complaintDecisionRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const config = { access: ['console_doctor'] as const };
  const tags = ['console'];
  return async (app) => {
    app.get(
      '/api/console/complaints',
      endpoint(config, tags, 'Жалобы на клиники: новые или рассмотренные', {
        querystring: z.object({ status: z.enum(['new', 'decided']).default('new') }),
        response: { 200: z.array(complaintViewSchema) },
      }),
      (req) => listComplaints(deps, req.query.status),
    );
    app.post(
      '/api/console/complaints/:id/decision',
      endpoint(config, tags, 'Признать жалобу обоснованной или нет, с причиной', {
        params: idParamsSchema,
        body: complaintDecisionSchema,
        response: { 200: complaintViewSchema },
      }),
      (req) => decideComplaint(deps, req.actor, req.params.id, req.body),
    );
  };
}
