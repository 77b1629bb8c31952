import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { errorResponses } from '../../platform/schemas.ts';
import { homeSummary } from './home-summary.ts';

const homeSummarySchema = z.object({
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

export function homeRoutes(deps: AppDeps): FastifyPluginAsyncZod {
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
      (req) => homeSummary(deps, req.actor),
    );
  };
}
