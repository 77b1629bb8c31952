import { isChatImage } from '@remed/core';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clinicParamsSchema } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { sendFile } from '../../platform/send-file.ts';
import { CHAT_STAFF, CONSOLE_SEAT } from './chat-access.ts';
import { attachmentParams, CLINIC, clinicSeat, tags } from './chat-http.ts';
import { type ChatFile, downloadAttachment } from './download-attachment.ts';

function sendAttachment(reply: FastifyReply, file: ChatFile) {
  // Pictures open in the page as previews; everything else is downloaded, never rendered by the browser.
  return sendFile(reply, file, {
    inline: isChatImage(file.contentType),
    cacheControl: 'private, max-age=86400',
  });
}

/** The files of messages, for the clinic whose thread holds them and for the service's staff. */
export function chatAttachmentsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/clinics/:clinicId/chat/attachments/:attachmentId',
      endpoint({ access: CLINIC }, tags, 'Скачать файл из переписки', {
        params: clinicParamsSchema.extend(attachmentParams.shape),
      }),
      async (req, reply) =>
        sendAttachment(
          reply,
          await downloadAttachment(deps, req.actor, clinicSeat(req.params), req.params.attachmentId),
        ),
    );
    app.get(
      '/api/console/chat/attachments/:attachmentId',
      endpoint({ access: CHAT_STAFF }, tags, 'Скачать файл клиники (пишется в журнал)', {
        params: attachmentParams,
      }),
      async (req, reply) =>
        sendAttachment(
          reply,
          await downloadAttachment(deps, req.actor, CONSOLE_SEAT, req.params.attachmentId),
        ),
    );
  };
}
