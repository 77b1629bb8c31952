import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../platform/schemas.ts';
import type { HomeService } from './home.service.ts';

export const homeSummarySchema = z.object({
  admin: z
    .object({
      users: z.number().int(),
      blockedUsers: z.number().int(),
      activeSessions: z.number().int(),
      outboxPending: z.number().int(),
      auditToday: z.number().int(),
    })
    .optional(),
  clinics: z.array(z.object({ id: z.uuid(), name: z.string(), priceItems: z.number().int() })).optional(),
});

export function homeRoutes(home: HomeService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/home',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['home'],
          summary: 'Сводка для главной страницы роли',
          response: { 200: homeSummarySchema, ...errorResponses },
        },
      },
      (req) => home.summary(req.actor),
    );
  };
}
