import { isChatImage } from '@remed/core';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clinicParamsSchema } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { CHAT_STAFF, CONSOLE_SEAT } from './chat-access.ts';
import { attachmentParams, CLINIC, clinicSeat, tags } from './chat-http.ts';
import { type ChatFile, downloadAttachment } from './download-attachment.ts';

function sendFile(reply: FastifyReply, file: ChatFile) {
  // Pictures open in the page as previews; everything else is downloaded, never rendered by the browser.
  const disposition = isChatImage(file.contentType) ? 'inline' : 'attachment';
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('cache-control', 'private, max-age=86400')
    .send(file.content);
}

/** The files of messages, for the clinic whose thread holds them and for the service's staff. */
export function chatAttachmentsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/clinics/:clinicId/chat/attachments/:attachmentId',
      {
        config: { access: CLINIC },
        schema: {
          tags,
          summary: 'Скачать файл из переписки',
          params: clinicParamsSchema.extend(attachmentParams.shape),
        },
      },
      async (req, reply) =>
        sendFile(
          reply,
          await downloadAttachment(deps, req.actor, clinicSeat(req.params), req.params.attachmentId),
        ),
    );
    app.get(
      '/api/console/chat/attachments/:attachmentId',
      {
        config: { access: CHAT_STAFF },
        schema: { tags, summary: 'Скачать файл клиники (пишется в журнал)', params: attachmentParams },
      },
      async (req, reply) =>
        sendFile(reply, await downloadAttachment(deps, req.actor, CONSOLE_SEAT, req.params.attachmentId)),
    );
  };
}
