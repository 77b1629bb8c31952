import { demoTillRequestSchema, demoTillResponseSchema } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../platform/schemas.ts';
import type { DemoTillService } from './demo-till.service.ts';

export function demoTillRoutes(till: DemoTillService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/demo/till',
      {
        config: { access: ['clinic_user', 'admin'] },
        schema: {
          tags: ['demo'],
          summary:
            'Демо-касса: напечатать чек по гарантийному письму (переплата, лишняя позиция, возврат, позиция без названия услуги)',
          body: demoTillRequestSchema,
          response: { 200: demoTillResponseSchema, ...errorResponses },
        },
      },
      (req) => till.print(req.actor, req.body),
    );
  };
}
