import { markNotificationsReadSchema, notificationListSchema } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, okResponseSchema } from '../../platform/schemas.ts';
import type { NotificationsService } from './notifications.service.ts';

const tags = ['notifications'];

export function notificationsRoutes(service: NotificationsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/me/notifications',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Мои уведомления, новые первыми, и сколько непрочитанных',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(30) }),
          response: { 200: notificationListSchema, ...errorResponses },
        },
      },
      (req) => service.list(req.actor, req.query.limit),
    );
    app.post(
      '/api/me/notifications/read',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Отметить уведомления прочитанными (все, если ids не указаны)',
          body: markNotificationsReadSchema,
          response: { 200: okResponseSchema, ...errorResponses },
        },
      },
      async (req) => {
        await service.markRead(req.actor, req.body.ids);
        return { ok: true as const };
      },
    );
  };
}
