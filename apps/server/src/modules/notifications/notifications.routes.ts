import { markNotificationsReadSchema, notificationListSchema } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { okResponseSchema } from '../../platform/schemas.ts';
import { listNotifications } from './list-notifications.ts';
import { markRead } from './mark-read.ts';

const tags = ['notifications'];

/** The notices under the bell: each person's own. */
export function notificationsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/me/notifications',
      endpoint({ access: 'authenticated' }, tags, 'Мои уведомления, новые первыми, и сколько непрочитанных', {
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(30) }),
        response: { 200: notificationListSchema },
      }),
      (req) => listNotifications(deps, req.actor, req.query.limit),
    );
    app.post(
      '/api/me/notifications/read',
      endpoint(
        { access: 'authenticated' },
        tags,
        'Отметить уведомления прочитанными (все, если ids не указаны)',
        { body: markNotificationsReadSchema, response: { 200: okResponseSchema } },
      ),
      async (req) => {
        await markRead(deps, req.actor, req.body.ids);
        return { ok: true as const };
      },
    );
  };
}
