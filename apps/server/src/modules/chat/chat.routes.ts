import {
  CHAT_ATTACHMENT_MAX_BYTES,
  CHAT_ATTACHMENTS_MAX,
  chatMessagesPageSchema,
  chatMessagesQuerySchema,
  chatMessageViewSchema,
  chatThreadViewSchema,
  markChatReadSchema,
  type SendChatMessage,
  sendChatMessageSchema,
} from '@remed/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { AppError } from '../../platform/errors.ts';
import { receiveUpload } from '../../platform/receive-upload.ts';
import { CHAT_STAFF, type ChatSeat, CONSOLE_SEAT } from './chat-access.ts';
import { chatAttachmentsRoutes } from './chat-attachments.routes.ts';
import type { IncomingFile } from './chat-files.ts';
import { CLINIC, clinicSeat, clinicThreadParams, tags, threadParams } from './chat-http.ts';
import { createChatHub } from './chat-hub.ts';
import { chatThreadsRoutes } from './chat-threads.routes.ts';
import { departmentContactsRoutes } from './department-contacts.routes.ts';
import { listMessages } from './list-messages.ts';
import { markRead } from './mark-read.ts';
import { sendMessage } from './send-message.ts';

const sendSchema = {
  consumes: ['multipart/form-data', 'application/json'],
  description: `Текст (поле body) и до ${CHAT_ATTACHMENTS_MAX} файлов (поле files, до 10 МБ каждый) в multipart/form-data, либо JSON без файлов. clientId — ключ идемпотентности: повтор с тем же ключом сохраняет сообщение один раз.`,
  response: { 200: chatMessageViewSchema, 201: chatMessageViewSchema },
};

function invalid(issues: z.core.$ZodIssue[]): AppError {
  const fields: Record<string, string> = {};
  for (const i of issues) fields[String(i.path[0] ?? '_')] ??= i.message;
  return new AppError('VALIDATION_FAILED', Object.values(fields)[0], { fields });
}

/** The text part and the files of a message, from a multipart form or a JSON body. */
async function readMessage(req: FastifyRequest): Promise<{ input: SendChatMessage; files: IncomingFile[] }> {
  const { fields, files } = req.isMultipart()
    ? await receiveUpload(req, {
        field: 'files',
        maxBytes: CHAT_ATTACHMENT_MAX_BYTES,
        maxFiles: CHAT_ATTACHMENTS_MAX,
        tooMany: `Не больше ${CHAT_ATTACHMENTS_MAX} файлов в сообщении`,
      })
    : { fields: req.body ?? {}, files: [] };
  const parsed = sendChatMessageSchema.safeParse(fields);
  if (!parsed.success) throw invalid(parsed.error.issues);
  return { input: parsed.data, files };
}

/** Browsers always send Origin on a WebSocket handshake: only our own pages may open one with our cookie. */
function sameOrigin(req: FastifyRequest, publicUrl: string): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  return origin === `${req.protocol}://${req.host}` || origin === new URL(publicUrl).origin;
}

/** Saves a message sent from `seat`: 201 the first time, 200 when a retry with the same clientId finds it saved. */
async function postMessage(
  deps: AppDeps,
  seat: ChatSeat,
  threadId: string,
  req: FastifyRequest,
  reply: FastifyReply,
) {
  const { input, files } = await readMessage(req);
  const { message, created } = await sendMessage(deps, req.actor, seat, threadId, input, files);
  return reply.status(created ? 201 : 200).send(message);
}

/** The chat's socket and its messages; threads, files and department contacts have routes of their own. */
export function chatRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(chatThreadsRoutes(deps));
    await app.register(chatAttachmentsRoutes(deps));
    await app.register(departmentContactsRoutes(deps));
    await app.register(chatSocketRoutes(deps));
    await app.register(clinicMessageRoutes(deps));
    await app.register(consoleMessageRoutes(deps));
  };
}

function chatSocketRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const hub = createChatHub(deps, app.log);
    await hub.start();
    app.addHook('onClose', () => hub.stop());

    app.get(
      '/api/chat/ws',
      {
        websocket: true,
        config: { access: [...CLINIC, ...CHAT_STAFF] },
        schema: {
          tags,
          summary:
            'WebSocket: новые сообщения, прочтения и счётчики. Команда клиента: {"type":"subscribe","topic":"clinic:<id>"|"console"}',
        },
        preValidation: async (req) => {
          if (req.authKind !== 'session' || !req.sessionId) throw new AppError('UNAUTHENTICATED');
          if (!sameOrigin(req, deps.config.publicUrl))
            throw new AppError('FORBIDDEN', 'Подключение с чужого сайта отклонено');
        },
      },
      (socket, req) => hub.attach(socket, req.user!, req.sessionId!),
    );
  };
}

/** The clinic's side: its people, for the clinic named in the path. */
function clinicMessageRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/clinics/:clinicId/chat/threads/:threadId/messages',
      endpoint(
        { access: CLINIC },
        tags,
        'Сообщения переписки, от новых к старым страницами (before — номер самого старого показанного)',
        {
          params: clinicThreadParams,
          querystring: chatMessagesQuerySchema,
          response: { 200: chatMessagesPageSchema },
        },
      ),
      (req) => listMessages(deps, req.actor, clinicSeat(req.params), req.params.threadId, req.query),
    );
    app.post(
      '/api/clinics/:clinicId/chat/threads/:threadId/messages',
      endpoint({ access: CLINIC }, tags, 'Написать сообщение (с файлами)', {
        params: clinicThreadParams,
        ...sendSchema,
      }),
      (req, reply) => postMessage(deps, clinicSeat(req.params), req.params.threadId, req, reply),
    );
    app.post(
      '/api/clinics/:clinicId/chat/threads/:threadId/read',
      endpoint({ access: CLINIC }, tags, 'Отметить прочитанным до сообщения с номером seq', {
        params: clinicThreadParams,
        body: markChatReadSchema,
        response: { 200: chatThreadViewSchema },
      }),
      (req) => markRead(deps, req.actor, clinicSeat(req.params), req.params.threadId, req.body.seq),
    );
  };
}

/** The service's side: console doctors and administrators, all clinics. */
function consoleMessageRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/console/chat/threads/:threadId/messages',
      endpoint({ access: CHAT_STAFF }, tags, 'Сообщения переписки', {
        params: threadParams,
        querystring: chatMessagesQuerySchema,
        response: { 200: chatMessagesPageSchema },
      }),
      (req) => listMessages(deps, req.actor, CONSOLE_SEAT, req.params.threadId, req.query),
    );
    app.post(
      '/api/console/chat/threads/:threadId/messages',
      endpoint({ access: CHAT_STAFF }, tags, 'Ответить клинике (с файлами)', {
        params: threadParams,
        ...sendSchema,
      }),
      (req, reply) => postMessage(deps, CONSOLE_SEAT, req.params.threadId, req, reply),
    );
    app.post(
      '/api/console/chat/threads/:threadId/read',
      endpoint({ access: CHAT_STAFF }, tags, 'Отметить прочитанным до сообщения с номером seq', {
        params: threadParams,
        body: markChatReadSchema,
        response: { 200: chatThreadViewSchema },
      }),
      (req) => markRead(deps, req.actor, CONSOLE_SEAT, req.params.threadId, req.body.seq),
    );
  };
}
