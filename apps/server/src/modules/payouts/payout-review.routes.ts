import { payoutReviewDecisionSchema, payoutReviewItemSchema } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { idParamsSchema, okResponseSchema } from '../../platform/schemas.ts';
import { decidePayoutReview, listPayoutsToReview } from './review-payout.ts';

export function payoutReviewRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/payouts/review',
      endpoint(
        { access: ['admin'] },
        ['claims'],
        'Выплаты, о которых ЮKassa не знает после срока ключа идемпотентности: решает человек',
        { response: { 200: z.array(payoutReviewItemSchema) } },
      ),
      () => listPayoutsToReview(deps),
    );
    app.post(
      '/api/admin/payouts/:id/review',
      endpoint(
        { access: ['admin'] },
        ['claims'],
        'Решение по выплате: деньги ушли (по выписке ЮKassa) или нет — тогда застрахованный повторит',
        { params: idParamsSchema, body: payoutReviewDecisionSchema, response: { 200: okResponseSchema } },
      ),
      async (req) => {
        await decidePayoutReview(deps, req.actor, req.params.id, req.body);
        return { ok: true as const };
      },
    );
  };
}
