import { cashbackChangeSchema, cashbackViewSchema } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clinicParamsSchema } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { cancelCashback } from './cancel-cashback.ts';
import { getCashback } from './get-cashback.ts';
import { scheduleCashback } from './schedule-cashback.ts';

const cabinet = { access: ['clinic_user', 'admin'] as const };
const tags = ['clinic cabinet'];

/** The clinic's bonus program: cashback percents from a date. */
export function bonusRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/clinics/:clinicId/cashback',
      endpoint(cabinet, tags, 'Бонусная программа: кэшбэк сейчас, запланированные изменения и история', {
        params: clinicParamsSchema,
        response: { 200: cashbackViewSchema },
      }),
      (req) => getCashback(deps, req.actor, req.params.clinicId),
    );
    app.post(
      '/api/clinics/:clinicId/cashback',
      endpoint(cabinet, tags, 'Установить кэшбэк 2–10 % с даты (сегодня или позже)', {
        params: clinicParamsSchema,
        body: cashbackChangeSchema,
        response: { 201: cashbackViewSchema },
      }),
      async (req, reply) =>
        reply.status(201).send(await scheduleCashback(deps, req.actor, req.params.clinicId, req.body)),
    );
    app.delete(
      '/api/clinics/:clinicId/cashback/:validFrom',
      endpoint(cabinet, tags, 'Отменить запланированное изменение кэшбэка', {
        params: clinicParamsSchema.extend({ validFrom: z.iso.date('Дата в формате ГГГГ-ММ-ДД') }),
        response: { 200: cashbackViewSchema },
      }),
      (req) => cancelCashback(deps, req.actor, req.params.clinicId, req.params.validFrom),
    );
  };
}
