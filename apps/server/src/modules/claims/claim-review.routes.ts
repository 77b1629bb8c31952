import {
  claimViewSchema,
  reviewDecisionSchema,
  reviewPreviewResultSchema,
  reviewPreviewSchema,
} from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { idParamsSchema, okResponseSchema } from '../../platform/schemas.ts';
import { listClaimsToReview, previewReview, reviewClaim } from './review-claim.ts';

/** The console doctor's side of claims: receipts the engine was unsure about, decided line by line. */
export function claimReviewRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/console/reviews',
      endpoint({ access: ['console_doctor'] }, ['claims'], 'Чеки на ручной проверке', {
        response: { 200: z.array(claimViewSchema) },
      }),
      (req) => listClaimsToReview(deps, req.actor),
    );
    app.post(
      '/api/console/reviews/:id',
      endpoint(
        { access: ['console_doctor'] },
        ['claims'],
        'Решение по чеку: по каждой позиции — строка письма (или «нет в письме») и, если меньше, сумма; или отказ',
        { params: idParamsSchema, body: reviewDecisionSchema, response: { 200: okResponseSchema } },
      ),
      async (req) => {
        await reviewClaim(deps, req.actor, req.params.id, req.body);
        return { ok: true as const };
      },
    );
    app.post(
      '/api/console/reviews/:id/preview',
      endpoint(
        { access: ['console_doctor'] },
        ['claims'],
        'Сколько будет возмещено при таком решении (ничего не сохраняет)',
        { params: idParamsSchema, body: reviewPreviewSchema, response: { 200: reviewPreviewResultSchema } },
      ),
      (req) => previewReview(deps, req.params.id, req.body.lines),
    );
  };
}
