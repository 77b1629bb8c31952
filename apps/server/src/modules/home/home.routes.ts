import { homeSummarySchema } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { homeSummary } from './home-summary.ts';

export function homeRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/home',
      endpoint({ access: 'authenticated' }, ['home'], 'Сводка для главной страницы роли', {
        response: { 200: homeSummarySchema },
      }),
      (req) => homeSummary(deps, req.actor),
    );
  };
}
