import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';

export function healthRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/healthz',
      {
        schema: {
          tags: ['health'],
          summary: 'Процесс жив',
          response: { 200: z.object({ status: z.literal('ok') }) },
        },
      },
      async () => ({ status: 'ok' as const }),
    );
    app.get(
      '/readyz',
      {
        schema: {
          tags: ['health'],
          summary: 'Готов принимать запросы: база отвечает, очередь задач запущена',
          response: {
            200: z.object({
              status: z.enum(['ready', 'not_ready']),
              database: z.boolean(),
              jobs: z.boolean(),
            }),
            503: z.object({
              status: z.enum(['ready', 'not_ready']),
              database: z.boolean(),
              jobs: z.boolean(),
            }),
          },
        },
      },
      async (_req, reply) => {
        const database = await deps.database
          .query('select 1')
          .then(() => true)
          .catch(() => false);
        const jobs = deps.jobs.started;
        const ready = database && jobs;
        return reply
          .status(ready ? 200 : 503)
          .send({ status: ready ? 'ready' : 'not_ready', database, jobs });
      },
    );
  };
}
