import { CHAT_ATTACHMENTS_MAX, type ChatMessageView, type SendChatMessage } from '@remed/core';
import { eq, TransactionRollbackError } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { chatAttachments, chatMessages, chatThreads } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { FileStorage } from '../../platform/storage.ts';
import { type ChatSeat, threadIn, viewerIn } from './chat-access.ts';
import { publishChatEvent } from './chat-events.ts';
import { type CheckedFile, checkFile, type IncomingFile } from './chat-files.ts';
import { loadMessage } from './chat-messages.queries.ts';
import { advanceReadMarker, type ThreadRow, type Viewer } from './chat-threads.queries.ts';
import { CHAT_NOTIFY_QUEUE } from './notify-clinic.ts';

/** An answer nobody at the clinic has read within this time is sent to the clinic by e-mail. */
const CHAT_EMAIL_DELAY_SECONDS = 300;

type StoredFile = CheckedFile & { id: string; key: string };

/**
 * Writes a message with its files into a thread, once per client id: a retry with the same id answers the
 * message already saved (created: false). An answer from the service queues the e-mail to the clinic.
 */
export async function sendMessage(
  deps: AppDeps,
  actor: Actor,
  seat: ChatSeat,
  threadId: string,
  input: SendChatMessage,
  incoming: IncomingFile[],
): Promise<{ message: ChatMessageView; created: boolean }> {
  const db = deps.database.db;
  const viewer = viewerIn(actor, seat);
  const thread = await threadIn(db, seat, threadId);
  const replay = () => earlierMessage(db, viewer.userId, input.clientId, thread.id);
  const earlier = await replay();
  if (earlier) return earlier;
  const files = checkedFiles(input, incoming);
  const messageId = deps.ids.uuid();
  const stored = files.map((f) => ({
    ...f,
    id: deps.ids.uuid(),
    key: `chat/${thread.id}/${deps.ids.uuid()}`,
  }));
  // Files first: a message row never points to a file that is not there.
  for (const f of stored) await deps.storage.put(f.key, f.content, f.contentType);
  if (!(await insertMessage(deps, viewer, thread, { id: messageId, input, stored }))) {
    await removeFiles(deps.storage, stored);
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

/** The message this author already sent under this client id, which must be in the same thread. */
async function earlierMessage(db: DbOrTx, authorId: string, clientId: string, threadId: string) {
  const existing = await loadMessage(db, { authorId, clientId });
  if (!existing) return null;
  if (existing.threadId !== threadId)
    throw new AppError('CONFLICT', 'Это сообщение уже отправлено в другую переписку');
  return { message: existing, created: false };
}

function checkedFiles(input: SendChatMessage, incoming: IncomingFile[]) {
  if (incoming.length > CHAT_ATTACHMENTS_MAX)
    throw new AppError('VALIDATION_FAILED', `Не больше ${CHAT_ATTACHMENTS_MAX} файлов в сообщении`, {
      fields: { files: `Не больше ${CHAT_ATTACHMENTS_MAX} файлов в сообщении` },
    });
  const files = incoming.map(checkFile);
  if (!input.body && files.length === 0)
    throw new AppError('VALIDATION_FAILED', 'Напишите сообщение или приложите файл', {
      fields: { body: 'Напишите сообщение или приложите файл' },
    });
  return files;
}

/** False when the client id is taken (by a concurrent retry); the files stored for it are removed on any failure. */
async function insertMessage(
  deps: AppDeps,
  viewer: Viewer,
  thread: ThreadRow,
  m: { id: string; input: SendChatMessage; stored: StoredFile[] },
): Promise<boolean> {
  const now = deps.clock.now();
  try {
    return await deps.database.db.transaction(async (tx) => {
      // Locking the thread first makes sequence numbers in one thread commit in order, so a read marker
      // never passes a message that becomes visible later.
      await tx.update(chatThreads).set({ lastMessageAt: now }).where(eq(chatThreads.id, thread.id));
      const [row] = await tx
        .insert(chatMessages)
        .values({
          id: m.id,
          threadId: thread.id,
          authorId: viewer.userId,
          side: viewer.side,
          body: m.input.body,
          clientId: m.input.clientId,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ seq: chatMessages.seq });
      if (!row) tx.rollback();
      if (m.stored.length)
        await tx.insert(chatAttachments).values(
          m.stored.map((f) => ({
            id: f.id,
            messageId: m.id,
            fileName: f.fileName,
            contentType: f.contentType,
            size: f.content.length,
            storageKey: f.key,
          })),
        );
      await tx.update(chatThreads).set({ lastMessageSeq: row!.seq }).where(eq(chatThreads.id, thread.id));
      await advanceReadMarker(tx, { ...viewer, threadId: thread.id, seq: row!.seq, at: now });
      await publishChatEvent(deps.pubsub, tx, {
        t: 'message',
        clinicId: thread.clinicId,
        threadId: thread.id,
        messageId: m.id,
      });
      return true;
    });
  } catch (e) {
    if (e instanceof TransactionRollbackError) return false;
    await removeFiles(deps.storage, m.stored);
    throw e;
  }
}

const removeFiles = async (storage: FileStorage, files: StoredFile[]) => {
  for (const f of files) await storage.delete(f.key).catch(() => undefined);
};
