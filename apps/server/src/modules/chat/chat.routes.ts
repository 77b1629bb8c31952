import {
  CHAT_ATTACHMENT_MAX_BYTES,
  CHAT_ATTACHMENTS_MAX,
  chatDepartmentSchema,
  chatMessagesPageSchema,
  chatMessagesQuerySchema,
  chatMessageViewSchema,
  chatThreadsQuerySchema,
  chatThreadViewSchema,
  chatUnreadSchema,
  departmentContactSchema,
  departmentContactViewSchema,
  isChatImage,
  markChatReadSchema,
  openChatThreadSchema,
  type Role,
  type SendChatMessage,
  sendChatMessageSchema,
} from '@remed/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clinicParamsSchema } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { errorResponses } from '../../platform/schemas.ts';
import { CHAT_STAFF, type ChatFile, type ChatService } from './chat.service.ts';
import type { IncomingFile } from './chat-files.ts';
import { createChatHub } from './chat-hub.ts';
import type { DepartmentContactsService } from './department-contacts.service.ts';

const tags = ['chat'];
const CLINIC: readonly Role[] = ['clinic_user'];
const threadParams = z.object({ threadId: z.uuid('Неверный идентификатор переписки') });
const clinicThreadParams = clinicParamsSchema.extend(threadParams.shape);
const attachmentParams = z.object({ attachmentId: z.uuid('Неверный идентификатор файла') });
const sendSchema = {
  consumes: ['multipart/form-data', 'application/json'],
  description: `Текст (поле body) и до ${CHAT_ATTACHMENTS_MAX} файлов (поле files, до 10 МБ каждый) в multipart/form-data, либо JSON без файлов. clientId — ключ идемпотентности: повтор с тем же ключом сохраняет сообщение один раз.`,
  response: { 200: chatMessageViewSchema, 201: chatMessageViewSchema, ...errorResponses },
};

function invalid(issues: z.core.$ZodIssue[]): AppError {
  const fields: Record<string, string> = {};
  for (const i of issues) fields[String(i.path[0] ?? '_')] ??= i.message;
  return new AppError('VALIDATION_FAILED', Object.values(fields)[0], { fields });
}

/** The text part and the files of a message, from a multipart form or a JSON body. */
async function readMessage(req: FastifyRequest): Promise<{ input: SendChatMessage; files: IncomingFile[] }> {
  const raw: Record<string, unknown> = {};
  const files: IncomingFile[] = [];
  if (req.isMultipart()) {
    try {
      for await (const part of req.parts({
        limits: { fileSize: CHAT_ATTACHMENT_MAX_BYTES, files: CHAT_ATTACHMENTS_MAX + 1, fields: 10 },
      })) {
        if (part.type === 'file') {
          const content = await part.toBuffer().catch((e: { code?: string }) => {
            throw e.code === 'FST_REQ_FILE_TOO_LARGE'
              ? new AppError('PAYLOAD_TOO_LARGE', `Файл «${part.filename}» больше 10 МБ`, {
                  fields: { files: `Файл «${part.filename}» больше 10 МБ` },
                })
              : e;
          });
          files.push({ fileName: part.filename, content });
        } else if (typeof part.value === 'string') raw[part.fieldname] = part.value;
      }
    } catch (e) {
      if ((e as { code?: string }).code === 'FST_FILES_LIMIT')
        throw new AppError('VALIDATION_FAILED', `Не больше ${CHAT_ATTACHMENTS_MAX} файлов в сообщении`, {
          fields: { files: `Не больше ${CHAT_ATTACHMENTS_MAX} файлов в сообщении` },
        });
      throw e;
    }
  } else Object.assign(raw, req.body ?? {});
  const parsed = sendChatMessageSchema.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error.issues);
  return { input: parsed.data, files };
}

function sendFile(reply: FastifyReply, file: ChatFile) {
  // Pictures open in the page as previews; everything else is downloaded, never rendered by the browser.
  const disposition = isChatImage(file.contentType) ? 'inline' : 'attachment';
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('cache-control', 'private, max-age=86400')
    .send(file.content);
}

/** Browsers always send Origin on a WebSocket handshake: only our own pages may open one with our cookie. */
function sameOrigin(req: FastifyRequest, publicUrl: string): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  return origin === `${req.protocol}://${req.host}` || origin === new URL(publicUrl).origin;
}

export function chatRoutes(
  deps: AppDeps,
  chat: ChatService,
  contacts: DepartmentContactsService,
): FastifyPluginAsyncZod {
  return async (app) => {
    const hub = createChatHub(chat, deps.pubsub, app.log);
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

    // The clinic's side: its people, for the clinic named in the path.
    app.get(
      '/api/clinics/:clinicId/chat/threads',
      {
        config: { access: CLINIC },
        schema: {
          tags,
          summary: 'Переписки клиники с отделами сервиса',
          params: clinicParamsSchema,
          response: { 200: z.array(chatThreadViewSchema), ...errorResponses },
        },
      },
      (req) => chat.clinic.threads(req.actor, req.params.clinicId),
    );
    app.post(
      '/api/clinics/:clinicId/chat/threads',
      {
        config: { access: CLINIC },
        schema: {
          tags,
          summary: 'Открыть переписку с отделом (создаётся при первом обращении)',
          params: clinicParamsSchema,
          body: openChatThreadSchema,
          response: { 200: chatThreadViewSchema, 201: chatThreadViewSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        const { thread, created } = await chat.clinic.open(
          req.actor,
          req.params.clinicId,
          req.body.department,
        );
        return reply.status(created ? 201 : 200).send(thread);
      },
    );
    app.get(
      '/api/clinics/:clinicId/chat/threads/:threadId/messages',
      {
        config: { access: CLINIC },
        schema: {
          tags,
          summary:
            'Сообщения переписки, от новых к старым страницами (before — номер самого старого показанного)',
          params: clinicThreadParams,
          querystring: chatMessagesQuerySchema,
          response: { 200: chatMessagesPageSchema, ...errorResponses },
        },
      },
      (req) => chat.clinic.messages(req.actor, req.params.clinicId, req.params.threadId, req.query),
    );
    app.post(
      '/api/clinics/:clinicId/chat/threads/:threadId/messages',
      {
        config: { access: CLINIC },
        schema: {
          tags,
          summary: 'Написать сообщение (с файлами)',
          params: clinicThreadParams,
          ...sendSchema,
        },
      },
      async (req, reply) => {
        const { input, files } = await readMessage(req);
        const { message, created } = await chat.clinic.send(
          req.actor,
          req.params.clinicId,
          req.params.threadId,
          input,
          files,
        );
        return reply.status(created ? 201 : 200).send(message);
      },
    );
    app.post(
      '/api/clinics/:clinicId/chat/threads/:threadId/read',
      {
        config: { access: CLINIC },
        schema: {
          tags,
          summary: 'Отметить прочитанным до сообщения с номером seq',
          params: clinicThreadParams,
          body: markChatReadSchema,
          response: { 200: chatThreadViewSchema, ...errorResponses },
        },
      },
      (req) => chat.clinic.read(req.actor, req.params.clinicId, req.params.threadId, req.body.seq),
    );
    app.get(
      '/api/clinics/:clinicId/chat/unread',
      {
        config: { access: CLINIC },
        schema: {
          tags,
          summary: 'Сколько непрочитанных ответов сервиса у пользователя в этой клинике',
          params: clinicParamsSchema,
          response: { 200: chatUnreadSchema, ...errorResponses },
        },
      },
      (req) => chat.clinic.unread(req.actor, req.params.clinicId),
    );
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
          await chat.clinic.attachment(req.actor, req.params.clinicId, req.params.attachmentId),
        ),
    );

    // The service's side: console doctors and administrators, all clinics.
    app.get(
      '/api/console/chat/threads',
      {
        config: { access: CHAT_STAFF },
        schema: {
          tags,
          summary: 'Переписки всех клиник: сначала с непрочитанными',
          querystring: chatThreadsQuerySchema,
          response: { 200: z.array(chatThreadViewSchema), ...errorResponses },
        },
      },
      (req) => chat.console.threads(req.actor, req.query),
    );
    app.get(
      '/api/console/chat/threads/:threadId/messages',
      {
        config: { access: CHAT_STAFF },
        schema: {
          tags,
          summary: 'Сообщения переписки',
          params: threadParams,
          querystring: chatMessagesQuerySchema,
          response: { 200: chatMessagesPageSchema, ...errorResponses },
        },
      },
      (req) => chat.console.messages(req.actor, req.params.threadId, req.query),
    );
    app.post(
      '/api/console/chat/threads/:threadId/messages',
      {
        config: { access: CHAT_STAFF },
        schema: { tags, summary: 'Ответить клинике (с файлами)', params: threadParams, ...sendSchema },
      },
      async (req, reply) => {
        const { input, files } = await readMessage(req);
        const { message, created } = await chat.console.send(req.actor, req.params.threadId, input, files);
        return reply.status(created ? 201 : 200).send(message);
      },
    );
    app.post(
      '/api/console/chat/threads/:threadId/read',
      {
        config: { access: CHAT_STAFF },
        schema: {
          tags,
          summary: 'Отметить прочитанным до сообщения с номером seq',
          params: threadParams,
          body: markChatReadSchema,
          response: { 200: chatThreadViewSchema, ...errorResponses },
        },
      },
      (req) => chat.console.read(req.actor, req.params.threadId, req.body.seq),
    );
    app.get(
      '/api/console/chat/unread',
      {
        config: { access: CHAT_STAFF },
        schema: {
          tags,
          summary: 'Сколько непрочитанных сообщений клиник у сотрудника',
          response: { 200: chatUnreadSchema, ...errorResponses },
        },
      },
      (req) => chat.console.unread(req.actor),
    );
    app.get(
      '/api/console/chat/attachments/:attachmentId',
      {
        config: { access: CHAT_STAFF },
        schema: { tags, summary: 'Скачать файл клиники (пишется в журнал)', params: attachmentParams },
      },
      async (req, reply) =>
        sendFile(reply, await chat.console.attachment(req.actor, req.params.attachmentId)),
    );

    app.get(
      '/api/department-contacts',
      {
        config: { access: [...CLINIC, ...CHAT_STAFF] },
        schema: {
          tags,
          summary: 'Контакты отделов сервиса',
          response: { 200: z.array(departmentContactViewSchema), ...errorResponses },
        },
      },
      () => contacts.list(),
    );
    app.put(
      '/api/admin/department-contacts/:department',
      {
        config: { access: ['admin'] },
        schema: {
          tags,
          summary: 'Изменить контакты отдела',
          params: z.object({ department: chatDepartmentSchema }),
          body: departmentContactSchema,
          response: { 200: departmentContactViewSchema, ...errorResponses },
        },
      },
      (req) => contacts.save(req.actor, req.params.department, req.body),
    );
  };
}
