import { outboxMessageSchema, pageOf } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { sendFile } from '../../platform/send-file.ts';
import { listOutboxMessages } from './list-outbox-messages.ts';
import { outboxAttachment } from './outbox-attachment.ts';

const tags = ['admin: outbox'];

/** The demo outbox: every e-mail and SMS the platform sent or would have sent, for admins to read. */
export function outboxRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/outbox',
      endpoint({ access: ['admin'] }, tags, 'Исходящие письма и SMS', {
        querystring: z.object({
          channel: z.enum(['email', 'sms']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: pageOf(outboxMessageSchema) },
      }),
      (req) => listOutboxMessages(deps, req.actor, req.query),
    );
    app.get(
      '/api/admin/outbox/:id/attachments/:n',
      endpoint({ access: ['admin'] }, tags, 'Вложение письма', {
        params: z.object({ id: z.uuid(), n: z.coerce.number().int().min(0) }),
      }),
      async (req, reply) => {
        const a = await outboxAttachment(deps, req.actor, req.params.id, req.params.n);
        return sendFile(reply, { fileName: a.filename, contentType: a.contentType, content: a.content });
      },
    );
  };
}
