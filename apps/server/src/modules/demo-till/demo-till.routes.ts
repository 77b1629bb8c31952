import { demoTillRequestSchema, demoTillResponseSchema } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { printDemoReceipt } from './print-demo-receipt.ts';

export function demoTillRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/demo/till',
      endpoint(
        { access: ['clinic_user', 'admin'] },
        ['demo'],
        'Демо-касса: напечатать чек по гарантийному письму (переплата, лишняя позиция, возврат, позиция без названия услуги)',
        { body: demoTillRequestSchema, response: { 200: demoTillResponseSchema } },
      ),
      (req) => printDemoReceipt(deps, req.actor, req.body),
    );
  };
}
