import {
  payoutDetailsSchema,
  payoutDetailsViewSchema,
  repaymentDetailsSchema,
  repaymentSchema,
  sbpBankSchema,
} from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parsePayoutNotification } from '../../integrations/payouts/yookassa-client.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { idParamsSchema, okResponseSchema } from '../../platform/schemas.ts';
import { handlePayoutNotification } from './handle-payout-notification.ts';
import { setPayoutDetails, showPayoutDetails } from './payout-details.ts';
import { reconcilePayouts } from './reconcile-payouts.ts';
import { recordRepayment } from './record-repayment.ts';
import { repaymentDetails } from './repayment-details.ts';
import { retryPayout } from './retry-payout.ts';

const insured = { access: ['insured'] as const };

const sumsSchema = z.object({
  owed: z.number().int(),
  paid: z.number().int(),
  inFlight: z.number().int(),
  difference: z.number().int(),
});

/** The money side of claims: the person's СБП details, retries and debt; the books and the provider's word. */
export function payoutsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(insuredPayoutRoutes(deps));
    await app.register(ledgerRoutes(deps));
  };
}

function insuredPayoutRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/me/claims/:id/retry-payout',
      endpoint(insured, ['claims'], 'Повторить перевод после отказа банка', {
        params: idParamsSchema,
        response: { 200: okResponseSchema },
      }),
      async (req) => {
        await retryPayout(deps, req.actor, req.params.id);
        return { ok: true as const };
      },
    );
    app.get(
      '/api/me/repayment',
      endpoint(insured, ['claims'], 'Долг по удержаниям и реквизиты сервиса для возврата переводом', {
        response: { 200: repaymentDetailsSchema },
      }),
      (req) => repaymentDetails(deps, req.actor),
    );
    app.get(
      '/api/me/payout-details',
      endpoint(insured, ['claims'], 'Куда переводить деньги по СБП', {
        response: { 200: payoutDetailsViewSchema },
      }),
      (req) => showPayoutDetails(deps, req.actor),
    );
    app.put(
      '/api/me/payout-details',
      endpoint(insured, ['claims'], 'Телефон и банк для СБП', {
        body: payoutDetailsSchema,
        response: { 200: payoutDetailsViewSchema },
      }),
      (req) => setPayoutDetails(deps, req.actor, req.body),
    );
    app.get(
      '/api/sbp-banks',
      endpoint({ access: 'authenticated' }, ['claims'], 'Банки — участники СБП', {
        response: { 200: z.array(sbpBankSchema) },
      }),
      () => deps.payoutProvider.banks(),
    );
  };
}

/** What staff and the provider tell about the money: repayments by transfer, payout webhooks, the books. */
function ledgerRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/admin/insured/:id/repayments',
      endpoint(
        { access: ['admin'] },
        ['claims'],
        'Учесть деньги, которые застрахованный вернул по удержанию (перевод на счёт сервиса)',
        { params: idParamsSchema, body: repaymentSchema, response: { 200: okResponseSchema } },
      ),
      async (req) => {
        await recordRepayment(deps, req.actor, req.params.id, req.body);
        return { ok: true as const };
      },
    );
    app.post(
      '/api/webhooks/yookassa',
      endpoint(
        { access: 'public', csrf: false },
        ['claims'],
        'Уведомления о выплатах (payout.succeeded, payout.canceled)',
        { response: { 200: z.object({ accepted: z.boolean() }) } },
      ),
      async (req) => {
        const n = parsePayoutNotification(req.body);
        return { accepted: n ? await handlePayoutNotification(deps, n.providerId) : false };
      },
    );
    app.get(
      '/api/admin/reconciliation',
      endpoint({ access: ['admin'] }, ['claims'], 'Сверка: выплачено = одобрено − открытые удержания', {
        response: {
          200: z.object({
            people: z.array(
              z.object({
                insuredPersonId: z.uuid(),
                fullName: z.string(),
                policyNumber: z.string().nullable(),
                ...sumsSchema.shape,
              }),
            ),
            total: sumsSchema,
          }),
        },
      }),
      () => reconcilePayouts(deps),
    );
  };
}
