import {
  chatThreadsQuerySchema,
  chatThreadViewSchema,
  chatUnreadSchema,
  openChatThreadSchema,
} from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clinicParamsSchema } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { CHAT_STAFF, CONSOLE_SEAT } from './chat-access.ts';
import { CLINIC, clinicSeat, tags } from './chat-http.ts';
import { unreadIn } from './count-unread.ts';
import { clinicThreads, consoleThreads } from './list-threads.ts';
import { openThread } from './open-thread.ts';

/** The threads a clinic has with the service's departments, and the counters of what is unread in them. */
export function chatThreadsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/clinics/:clinicId/chat/threads',
      endpoint({ access: CLINIC }, tags, 'Переписки клиники с отделами сервиса', {
        params: clinicParamsSchema,
        response: { 200: z.array(chatThreadViewSchema) },
      }),
      (req) => clinicThreads(deps, req.actor, req.params.clinicId),
    );
    app.post(
      '/api/clinics/:clinicId/chat/threads',
      endpoint({ access: CLINIC }, tags, 'Открыть переписку с отделом (создаётся при первом обращении)', {
        params: clinicParamsSchema,
        body: openChatThreadSchema,
        response: { 200: chatThreadViewSchema, 201: chatThreadViewSchema },
      }),
      async (req, reply) => {
        const { thread, created } = await openThread(
          deps,
          req.actor,
          req.params.clinicId,
          req.body.department,
        );
        return reply.status(created ? 201 : 200).send(thread);
      },
    );
    app.get(
      '/api/clinics/:clinicId/chat/unread',
      endpoint(
        { access: CLINIC },
        tags,
        'Сколько непрочитанных ответов сервиса у пользователя в этой клинике',
        { params: clinicParamsSchema, response: { 200: chatUnreadSchema } },
      ),
      (req) => unreadIn(deps, req.actor, clinicSeat(req.params)),
    );

    app.get(
      '/api/console/chat/threads',
      endpoint({ access: CHAT_STAFF }, tags, 'Переписки всех клиник: сначала с непрочитанными', {
        querystring: chatThreadsQuerySchema,
        response: { 200: z.array(chatThreadViewSchema) },
      }),
      (req) => consoleThreads(deps, req.actor, req.query),
    );
    app.get(
      '/api/console/chat/unread',
      endpoint({ access: CHAT_STAFF }, tags, 'Сколько непрочитанных сообщений клиник у сотрудника', {
        response: { 200: chatUnreadSchema },
      }),
      (req) => unreadIn(deps, req.actor, CONSOLE_SEAT),
    );
  };
}
