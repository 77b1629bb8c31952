import { z } from 'zod';
import { emailSchema, phoneSchema } from './auth.schemas.ts';
import { pageLimit } from './list-query.schemas.ts';

/** The service's departments a clinic writes to: one chat thread per clinic and department. */
export const CHAT_DEPARTMENTS = ['general', 'contracts', 'planning', 'expertise'] as const;
export type ChatDepartment = (typeof CHAT_DEPARTMENTS)[number];

export const CHAT_DEPARTMENT_TITLES: Record<ChatDepartment, string> = {
  general: 'Общие вопросы',
  contracts: 'Договорной отдел',
  planning: 'Планово-экономический отдел',
  expertise: 'Медицинская экспертиза',
};

export const chatDepartmentSchema = z.enum(CHAT_DEPARTMENTS, { message: 'Выберите отдел' });

/** Who wrote a message: someone from the clinic or the service's staff. The insured side comes later. */
export const chatSideSchema = z.enum(['clinic', 'service']);
export type ChatSide = z.infer<typeof chatSideSchema>;

export const CHAT_MESSAGE_MAX = 4000;
export const CHAT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const CHAT_ATTACHMENTS_MAX = 5;

/** What may be attached: pictures, PDF, office documents and plain tables; extension and type must agree. */
export const CHAT_ATTACHMENT_TYPES: Record<string, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
  'application/msword': ['doc'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.ms-excel': ['xls'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'text/plain': ['txt'],
  'text/csv': ['csv'],
};

export const CHAT_ATTACHMENT_ACCEPT = Object.values(CHAT_ATTACHMENT_TYPES)
  .flat()
  .map((e) => `.${e}`)
  .join(',');

/** The content type of a file by its extension, or null when such files are not accepted. */
export function chatAttachmentType(fileName: string): string | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  for (const [type, exts] of Object.entries(CHAT_ATTACHMENT_TYPES)) if (exts.includes(ext)) return type;
  return null;
}

export const isChatImage = (contentType: string) => contentType.startsWith('image/');

/** The text part of a message; files come as multipart parts beside it. */
export const sendChatMessageSchema = z.object({
  /** Chosen by the client once per message: a retry with the same id stores the message once. */
  clientId: z.uuid('Неверный идентификатор сообщения'),
  body: z.string().trim().max(CHAT_MESSAGE_MAX, `Сообщение длиннее ${CHAT_MESSAGE_MAX} символов`).default(''),
});
export type SendChatMessage = z.infer<typeof sendChatMessageSchema>;

export const openChatThreadSchema = z.object({ department: chatDepartmentSchema });
export const markChatReadSchema = z.object({ seq: z.number().int().min(0) });

export const chatMessagesQuerySchema = z.object({
  /** Messages older than this sequence number (the oldest one already shown). */
  before: z.coerce.number().int().positive().optional(),
  limit: pageLimit(100, 30),
  q: z.string().trim().max(200).optional(),
});

export const chatThreadsQuerySchema = z.object({
  department: chatDepartmentSchema.optional(),
  clinicId: z.uuid().optional(),
});

export const chatAttachmentViewSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
});
export type ChatAttachmentView = z.infer<typeof chatAttachmentViewSchema>;

export const chatMessageViewSchema = z.object({
  id: z.uuid(),
  threadId: z.uuid(),
  seq: z.number().int(),
  clientId: z.uuid(),
  side: chatSideSchema,
  author: z.object({ id: z.uuid().nullable(), name: z.string() }),
  body: z.string(),
  createdAt: z.iso.datetime(),
  attachments: z.array(chatAttachmentViewSchema),
});
export type ChatMessageView = z.infer<typeof chatMessageViewSchema>;

export const chatThreadViewSchema = z.object({
  id: z.uuid(),
  clinic: z.object({ id: z.uuid(), name: z.string() }),
  department: chatDepartmentSchema,
  createdAt: z.iso.datetime(),
  lastMessage: z
    .object({ side: chatSideSchema, preview: z.string(), at: z.iso.datetime(), seq: z.number().int() })
    .nullable(),
  /** Messages from the other side this user has not read. */
  unread: z.number().int(),
  /** How far each side has read: a message of mine up to the other side's number is «прочитано». */
  readUpTo: z.object({ clinic: z.number().int(), service: z.number().int() }),
});
export type ChatThreadView = z.infer<typeof chatThreadViewSchema>;

export const chatMessagesPageSchema = z.object({
  thread: chatThreadViewSchema,
  /** Oldest first. */
  messages: z.array(chatMessageViewSchema),
  hasMore: z.boolean(),
});
export type ChatMessagesPage = z.infer<typeof chatMessagesPageSchema>;

export const chatUnreadSchema = z.object({ total: z.number().int() });

/** What the server pushes over the WebSocket; the client sends only `subscribe`. */
export type ChatServerEvent =
  | { type: 'ready' }
  | { type: 'subscribed'; topic: string }
  | { type: 'error'; code: string; message: string; topic?: string }
  | { type: 'message'; clinicId: string; message: ChatMessageView }
  | { type: 'read'; clinicId: string; threadId: string; side: ChatSide; seq: number }
  | { type: 'unread'; clinicId: string | null; total: number }
  /** The server may have missed events (lost its database listener): reload what is shown. */
  | { type: 'resync' };

export type ChatClientCommand = { type: 'subscribe'; topic: string };

export const chatTopic = {
  clinic: (clinicId: string) => `clinic:${clinicId}`,
  console: 'console',
} as const;

export const departmentContactSchema = z.object({
  title: z.string().trim().min(2, 'Укажите название отдела').max(200),
  personName: z.string().trim().max(200).default(''),
  phone: phoneSchema,
  email: emailSchema,
  hours: z.string().trim().min(2, 'Укажите часы работы, например «пн–пт 9:00–18:00»').max(200),
  topics: z.string().trim().min(2, 'Опишите, с какими вопросами обращаться').max(2000),
});
export type DepartmentContactInput = z.input<typeof departmentContactSchema>;

export const departmentContactViewSchema = z.object({
  department: chatDepartmentSchema,
  title: z.string(),
  personName: z.string(),
  phone: z.string(),
  email: z.string(),
  hours: z.string(),
  topics: z.string(),
  updatedAt: z.iso.datetime(),
});
export type DepartmentContactView = z.infer<typeof departmentContactViewSchema>;
