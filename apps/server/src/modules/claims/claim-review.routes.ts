import {
  claimViewSchema,
  reviewDecisionSchema,
  reviewPreviewResultSchema,
  reviewPreviewSchema,
} from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { errorResponses, idParamsSchema, okResponseSchema } from '../../platform/schemas.ts';
import { listClaimsToReview, previewReview, reviewClaim } from './review-claim.ts';

/** The console doctor's side of claims: receipts the engine was unsure about, decided line by line. */
export function claimReviewRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/console/reviews',
      {
        config: { access: ['console_doctor'] },
        schema: {
          tags: ['claims'],
          summary: 'Чеки на ручной проверке',
          response: { 200: z.array(claimViewSchema) },
        },
      },
      (req) => listClaimsToReview(deps, req.actor),
    );
    app.post(
      '/api/console/reviews/:id',
      {
        config: { access: ['console_doctor'] },
        schema: {
          tags: ['claims'],
          summary:
            'Решение по чеку: по каждой позиции — строка письма (или «нет в письме») и, если меньше, сумма; или отказ',
          params: idParamsSchema,
          body: reviewDecisionSchema,
          response: { 200: okResponseSchema, ...errorResponses },
        },
      },
      async (req) => {
        await reviewClaim(deps, req.actor, req.params.id, req.body);
        return { ok: true as const };
      },
    );
    app.post(
      '/api/console/reviews/:id/preview',
      {
        config: { access: ['console_doctor'] },
        schema: {
          tags: ['claims'],
          summary: 'Сколько будет возмещено при таком решении (ничего не сохраняет)',
          params: idParamsSchema,
          body: reviewPreviewSchema,
          response: { 200: reviewPreviewResultSchema, ...errorResponses },
        },
      },
      (req) => previewReview(deps, req.params.id, req.body.lines),
    );
  };
}
