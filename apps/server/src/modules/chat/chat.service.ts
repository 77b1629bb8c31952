import {
  CHAT_ATTACHMENTS_MAX,
  CHAT_DEPARTMENT_TITLES,
  type ChatDepartment,
  type ChatMessagesPage,
  type ChatMessageView,
  type ChatSide,
  type ChatThreadView,
  type Role,
  type SendChatMessage,
} from '@remed/core';
import { and, eq, isNotNull, isNull, type SQL, sql, TransactionRollbackError } from 'drizzle-orm';
import { type DbOrTx, sqlRows } from '../../db/client.ts';
import {
  chatAttachments,
  chatMessages,
  chatThreads,
  clinics,
  userClinics,
  users,
} from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import {
  advanceReadMarker,
  countUnread,
  findThread,
  loadMessage,
  loadMessages,
  loadThreadViews,
  sideReadUpTo,
  type ThreadRow,
  type Viewer,
} from './chat.repository.ts';
import type { IncomingFile } from './chat-files.ts';
import { checkFile } from './chat-files.ts';

/** The service's staff who answer clinics from the console. */
export const CHAT_STAFF: readonly Role[] = ['console_doctor', 'admin'];
export const CHAT_CHANNEL = 'remed_chat';
export const CHAT_NOTIFY_QUEUE = 'chat-notify';
/** An answer nobody at the clinic has read within this time is sent to the clinic by e-mail. */
export const CHAT_EMAIL_DELAY_SECONDS = 300;

/** What travels through NOTIFY between processes: ids only, each process reads the rest itself. */
export type ChatEvent =
  | { t: 'message'; clinicId: string; threadId: string; messageId: string }
  | { t: 'read'; clinicId: string; threadId: string; userId: string; side: ChatSide; seq: number };

export interface ChatFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export function chatService(deps: AppDeps) {
  const { database, clock, ids, storage, pubsub } = deps;
  const db = database.db;

  const clinicViewer = (actor: Actor): Viewer => ({ userId: actor.user!.id, side: 'clinic' });
  const staffViewer = (actor: Actor): Viewer => ({ userId: actor.user!.id, side: 'service' });

  function assertStaff(actor: Actor) {
    const user = actor.user;
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (!user.roles.some((r) => CHAT_STAFF.includes(r))) throw new AppError('FORBIDDEN');
  }

  /** Only the clinic's own people write as the clinic; the service answers from the console. */
  const assertClinicMember = (actor: Actor, clinicId: string) => assertClinicAccess(actor, clinicId, []);

  /** A thread of this clinic, or 404: a thread id from another clinic reveals nothing. */
  async function clinicThread(clinicId: string, threadId: string): Promise<ThreadRow> {
    const thread = await findThread(db, threadId);
    if (!thread || thread.clinicId !== clinicId) throw new AppError('NOT_FOUND', 'Переписка не найдена');
    return thread;
  }

  async function anyThread(threadId: string): Promise<ThreadRow> {
    const thread = await findThread(db, threadId);
    if (!thread) throw new AppError('NOT_FOUND', 'Переписка не найдена');
    return thread;
  }

  async function threadView(viewer: Viewer, threadId: string): Promise<ChatThreadView> {
    const [view] = await loadThreadViews(db, viewer, sql`t.id = ${threadId}`);
    if (!view) throw new AppError('NOT_FOUND', 'Переписка не найдена');
    return view;
  }

  async function page(
    viewer: Viewer,
    thread: ThreadRow,
    query: { before?: number | undefined; limit: number; q?: string | undefined },
  ): Promise<ChatMessagesPage> {
    const { messages, hasMore } = await loadMessages(db, thread.id, query);
    return { thread: await threadView(viewer, thread.id), messages, hasMore };
  }

  async function send(
    actor: Actor,
    viewer: Viewer,
    thread: ThreadRow,
    input: SendChatMessage,
    incoming: IncomingFile[],
  ): Promise<{ message: ChatMessageView; created: boolean }> {
    const author = actor.user!.id;
    const replay = async () => {
      const existing = await loadMessage(db, { authorId: author, clientId: input.clientId });
      if (!existing) return null;
      if (existing.threadId !== thread.id)
        throw new AppError('CONFLICT', 'Это сообщение уже отправлено в другую переписку');
      return { message: existing, created: false };
    };
    const earlier = await replay();
    if (earlier) return earlier;
    if (incoming.length > CHAT_ATTACHMENTS_MAX)
      throw new AppError('VALIDATION_FAILED', `Не больше ${CHAT_ATTACHMENTS_MAX} файлов в сообщении`, {
        fields: { files: `Не больше ${CHAT_ATTACHMENTS_MAX} файлов в сообщении` },
      });
    const files = incoming.map(checkFile);
    if (!input.body && files.length === 0)
      throw new AppError('VALIDATION_FAILED', 'Напишите сообщение или приложите файл', {
        fields: { body: 'Напишите сообщение или приложите файл' },
      });

    const messageId = ids.uuid();
    const stored = files.map((f) => ({ ...f, id: ids.uuid(), key: `chat/${thread.id}/${ids.uuid()}` }));
    // Files first: a message row never points to a file that is not there.
    for (const f of stored) await storage.put(f.key, f.content, f.contentType);
    const now = clock.now();
    let inserted: boolean;
    try {
      inserted = await db.transaction(async (tx) => {
        // Locking the thread first makes sequence numbers in one thread commit in order, so a read marker
        // never passes a message that becomes visible later.
        await tx.update(chatThreads).set({ lastMessageAt: now }).where(eq(chatThreads.id, thread.id));
        const [row] = await tx
          .insert(chatMessages)
          .values({
            id: messageId,
            threadId: thread.id,
            authorId: author,
            side: viewer.side,
            body: input.body,
            clientId: input.clientId,
            createdAt: now,
          })
          .onConflictDoNothing()
          .returning({ seq: chatMessages.seq });
        if (!row) {
          tx.rollback();
          return false;
        }
        if (stored.length)
          await tx.insert(chatAttachments).values(
            stored.map((f) => ({
              id: f.id,
              messageId,
              fileName: f.fileName,
              contentType: f.contentType,
              size: f.content.length,
              storageKey: f.key,
            })),
          );
        await tx.update(chatThreads).set({ lastMessageSeq: row.seq }).where(eq(chatThreads.id, thread.id));
        await advanceReadMarker(tx, { ...viewer, threadId: thread.id, seq: row.seq, at: now });
        await publish(tx, { t: 'message', clinicId: thread.clinicId, threadId: thread.id, messageId });
        return true;
      });
    } catch (e) {
      if (!(e instanceof TransactionRollbackError)) {
        for (const f of stored) await storage.delete(f.key).catch(() => undefined);
        throw e;
      }
      inserted = false;
    }
    if (!inserted) {
      for (const f of stored) await storage.delete(f.key).catch(() => undefined);
      const again = await replay();
      if (again) return again;
      throw new AppError('CONFLICT', 'Сообщение не сохранено, повторите отправку');
    }
    if (viewer.side === 'service')
      await deps.jobs.send(
        CHAT_NOTIFY_QUEUE,
        { threadId: thread.id },
        { startAfterSeconds: CHAT_EMAIL_DELAY_SECONDS, singletonKey: `chat-notify:${thread.id}` },
      );
    return { message: (await loadMessage(db, { id: messageId }))!, created: true };
  }

  async function publish(tx: DbOrTx, event: ChatEvent) {
    await pubsub.publish(tx, CHAT_CHANNEL, event);
  }

  async function markRead(viewer: Viewer, thread: ThreadRow, seq: number): Promise<ChatThreadView> {
    const upTo = Math.min(seq, thread.lastMessageSeq ?? 0);
    if (upTo > 0)
      await db.transaction(async (tx) => {
        const moved = await advanceReadMarker(tx, {
          ...viewer,
          threadId: thread.id,
          seq: upTo,
          at: clock.now(),
        });
        if (moved)
          await publish(tx, {
            t: 'read',
            clinicId: thread.clinicId,
            threadId: thread.id,
            userId: viewer.userId,
            side: viewer.side,
            seq: await sideReadUpTo(tx, thread.id, viewer.side),
          });
      });
    return threadView(viewer, thread.id);
  }

  async function attachment(threadWhere: SQL, attachmentId: string) {
    const [row] = await sqlRows<{
      id: string;
      file_name: string;
      content_type: string;
      storage_key: string;
      thread_id: string;
      clinic_id: string;
    }>(
      db,
      sql`select a.id, a.file_name, a.content_type, a.storage_key, t.id as thread_id, t.clinic_id
          from chat_attachments a
          join chat_messages m on m.id = a.message_id
          join chat_threads t on t.id = m.thread_id
          where a.id = ${attachmentId} and ${threadWhere}`,
    );
    if (!row) throw new AppError('NOT_FOUND', 'Файл не найден');
    return row;
  }

  return {
    clinic: {
      async threads(actor: Actor, clinicId: string) {
        assertClinicMember(actor, clinicId);
        return loadThreadViews(db, clinicViewer(actor), sql`t.clinic_id = ${clinicId}`);
      },

      /** The clinic's thread with a department, started on first use (and audited then). */
      async open(actor: Actor, clinicId: string, department: ChatDepartment) {
        assertClinicMember(actor, clinicId);
        const id = ids.uuid();
        const created = await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(chatThreads)
            .values({
              id,
              kind: 'clinic',
              clinicId,
              department,
              createdAt: clock.now(),
              createdBy: actor.user!.id,
            })
            .onConflictDoNothing()
            .returning({ id: chatThreads.id });
          if (row)
            await writeAudit(tx, clock, actor, {
              action: 'chat.thread_created',
              entityType: 'chat_thread',
              entityId: id,
              after: { clinicId, department, title: CHAT_DEPARTMENT_TITLES[department] },
            });
          return !!row;
        });
        const [thread] = await loadThreadViews(
          db,
          clinicViewer(actor),
          sql`t.clinic_id = ${clinicId} and t.department = ${department}`,
        );
        return { thread: thread!, created };
      },

      async messages(
        actor: Actor,
        clinicId: string,
        threadId: string,
        query: { before?: number | undefined; limit: number; q?: string | undefined },
      ) {
        assertClinicMember(actor, clinicId);
        return page(clinicViewer(actor), await clinicThread(clinicId, threadId), query);
      },

      async send(
        actor: Actor,
        clinicId: string,
        threadId: string,
        input: SendChatMessage,
        files: IncomingFile[],
      ) {
        assertClinicMember(actor, clinicId);
        return send(actor, clinicViewer(actor), await clinicThread(clinicId, threadId), input, files);
      },

      async read(actor: Actor, clinicId: string, threadId: string, seq: number) {
        assertClinicMember(actor, clinicId);
        return markRead(clinicViewer(actor), await clinicThread(clinicId, threadId), seq);
      },

      async unread(actor: Actor, clinicId: string) {
        assertClinicMember(actor, clinicId);
        return { total: await countUnread(db, clinicViewer(actor), sql`t.clinic_id = ${clinicId}`) };
      },

      async attachment(actor: Actor, clinicId: string, attachmentId: string): Promise<ChatFile> {
        assertClinicMember(actor, clinicId);
        const a = await attachment(sql`t.clinic_id = ${clinicId}`, attachmentId);
        return {
          fileName: a.file_name,
          contentType: a.content_type,
          content: await storage.get(a.storage_key),
        };
      },
    },

    console: {
      /** Every clinic's threads that have messages; those with unread messages first. */
      async threads(
        actor: Actor,
        filter: { department?: ChatDepartment | undefined; clinicId?: string | undefined },
      ) {
        assertStaff(actor);
        const where: SQL[] = [sql`t.last_message_seq is not null`];
        if (filter.department) where.push(sql`t.department = ${filter.department}`);
        if (filter.clinicId) where.push(sql`t.clinic_id = ${filter.clinicId}`);
        return loadThreadViews(db, staffViewer(actor), sql.join(where, sql` and `), 'unread_first');
      },

      async messages(
        actor: Actor,
        threadId: string,
        query: { before?: number | undefined; limit: number; q?: string | undefined },
      ) {
        assertStaff(actor);
        return page(staffViewer(actor), await anyThread(threadId), query);
      },

      async send(actor: Actor, threadId: string, input: SendChatMessage, files: IncomingFile[]) {
        assertStaff(actor);
        return send(actor, staffViewer(actor), await anyThread(threadId), input, files);
      },

      async read(actor: Actor, threadId: string, seq: number) {
        assertStaff(actor);
        return markRead(staffViewer(actor), await anyThread(threadId), seq);
      },

      async unread(actor: Actor) {
        assertStaff(actor);
        return { total: await countUnread(db, staffViewer(actor), sql`true`) };
      },

      /** Staff read clinics' files; every download is in the audit log. */
      async attachment(actor: Actor, attachmentId: string): Promise<ChatFile> {
        assertStaff(actor);
        const a = await attachment(sql`true`, attachmentId);
        const content = await storage.get(a.storage_key);
        await db.transaction((tx) =>
          writeAudit(tx, clock, actor, {
            action: 'chat.attachment_downloaded',
            entityType: 'chat_attachment',
            entityId: a.id,
            after: { threadId: a.thread_id, clinicId: a.clinic_id, fileName: a.file_name },
          }),
        );
        return { fileName: a.file_name, contentType: a.content_type, content };
      },
    },

    /** For the socket hub: a message as everyone sees it, and the counters that it changes. */
    loadMessage: (id: string) => loadMessage(db, { id }),
    unreadForClinic: (userId: string, clinicId: string) =>
      countUnread(db, { userId, side: 'clinic' }, sql`t.clinic_id = ${clinicId}`),
    unreadForStaff: (userId: string) => countUnread(db, { userId, side: 'service' }, sql`true`),

    /** Whether a socket's session still stands (signed out, expired or blocked users lose their socket). */
    async sessionAlive(sessionId: string): Promise<boolean> {
      const rows = await sqlRows<{ ok: number }>(
        db,
        sql`select 1 as ok from sessions s join users u on u.id = s.user_id
            where s.id = ${sessionId} and s.expires_at > ${clock.now()} and u.blocked_at is null`,
      );
      return rows.length > 0;
    },

    /**
     * The job after an answer: if nobody at the clinic has read the service's messages by now, the clinic's
     * people get one e-mail about them. The thread remembers what was e-mailed, so a retried job or a second
     * job for the same answers sends nothing.
     */
    async notifyClinic(threadId: string): Promise<number> {
      const thread = await findThread(db, threadId);
      if (!thread) return 0;
      const messageIds = await db.transaction(async (tx) => {
        const [pending] = await sqlRows<{ max_seq: string | null; n: string }>(
          tx,
          sql`select max(m.seq) as max_seq, count(*) as n from chat_messages m, chat_threads t
              where t.id = ${threadId} and m.thread_id = t.id and m.side = 'service'
                and m.seq > t.emailed_seq
                and m.seq > (select coalesce(max(last_read_seq), 0) from chat_read_markers
                             where thread_id = t.id and side = 'clinic')`,
        );
        if (!pending?.max_seq) return [];
        const maxSeq = Number(pending.max_seq);
        const claimed = await tx
          .update(chatThreads)
          .set({ emailedSeq: maxSeq })
          .where(and(eq(chatThreads.id, threadId), sql`${chatThreads.emailedSeq} < ${maxSeq}`))
          .returning({ id: chatThreads.id });
        if (!claimed.length) return [];
        const [clinic] = await tx.select().from(clinics).where(eq(clinics.id, thread.clinicId));
        const people = await tx
          .select({ email: users.email })
          .from(userClinics)
          .innerJoin(users, eq(users.id, userClinics.userId))
          .where(
            and(eq(userClinics.clinicId, thread.clinicId), isNull(users.blockedAt), isNotNull(users.email)),
          );
        const recipients = [
          ...new Set(
            people.map((p) => p.email!).concat(people.length ? [] : clinic?.email ? [clinic.email] : []),
          ),
        ];
        const title = CHAT_DEPARTMENT_TITLES[thread.department];
        const count = Number(pending.n);
        const link = `${deps.config.publicUrl}/clinic/chat/${threadId}`;
        const out: string[] = [];
        // The text of the answer stays in the cabinet: medical expertise threads may hold health data.
        for (const to of recipients)
          out.push(
            await deps.outbox.add(tx, {
              channel: 'email',
              to,
              subject: `Ответ в чате «${title}» — ${deps.config.service.name}`,
              body: [
                'Здравствуйте!',
                '',
                `${clinic?.shortName ?? 'Клиника'}: в переписке «${title}» ${count === 1 ? 'новый ответ' : `новых ответов: ${count}`} от сервиса.`,
                `Прочитать и ответить: ${link}`,
                '',
                'Письмо отправлено автоматически, потому что ответ пока никто не прочитал в кабинете.',
              ].join('\n'),
            }),
          );
        return out;
      });
      await deps.outbox.dispatch(messageIds);
      return messageIds.length;
    },
  };
}

export type ChatService = ReturnType<typeof chatService>;
