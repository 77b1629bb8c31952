import { sql } from 'drizzle-orm';
import { sqlRows } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { type ChatSeat, viewerIn } from './chat-access.ts';

export interface ChatFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** A file of a message: a clinic reads its own threads' files; staff read every clinic's, each download audited. */
export async function downloadAttachment(
  deps: Pick<AppDeps, 'database' | 'clock' | 'storage'>,
  actor: Actor,
  seat: ChatSeat,
  attachmentId: string,
): Promise<ChatFile> {
  viewerIn(actor, seat);
  const db = deps.database.db;
  const [a] = await sqlRows<{
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
        where a.id = ${attachmentId} and ${seat.side === 'clinic' ? sql`t.clinic_id = ${seat.clinicId}` : sql`true`}`,
  );
  if (!a) throw new AppError('NOT_FOUND', 'Файл не найден');
  const content = await deps.storage.get(a.storage_key);
  if (seat.side === 'service')
    await db.transaction((tx) =>
      writeAudit(tx, deps.clock, actor, {
        action: 'chat.attachment_downloaded',
        entityType: 'chat_attachment',
        entityId: a.id,
        after: { threadId: a.thread_id, clinicId: a.clinic_id, fileName: a.file_name },
      }),
    );
  return { fileName: a.file_name, contentType: a.content_type, content };
}
