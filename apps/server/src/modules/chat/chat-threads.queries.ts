import type { ChatDepartment, ChatSide, ChatThreadView } from '@remed/core';
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, sqlRows } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';

export type ThreadRow = {
  id: string;
  clinicId: string;
  department: ChatDepartment;
  lastMessageSeq: number | null;
};

/** Who looks at a thread: unread counts the other side's messages after this user's read marker. */
export interface Viewer {
  userId: string;
  side: ChatSide;
}

const PREVIEW = 140;

type ThreadSqlRow = {
  id: string;
  clinic_id: string;
  clinic_name: string;
  department: ChatDepartment;
  created_at: Date | string;
  lm_seq: string | number | null;
  lm_side: ChatSide | null;
  lm_body: string | null;
  lm_files: string | number | null;
  lm_at: Date | string | null;
  unread: string | number;
  read_clinic: string | number;
  read_service: string | number;
};

export const iso = (v: Date | string) => new Date(v).toISOString();

function preview(body: string, files: number): string {
  const text = body.replace(/\s+/g, ' ').trim();
  if (text) return text.length > PREVIEW ? `${text.slice(0, PREVIEW - 1)}…` : text;
  return files === 1 ? 'Файл' : `Файлы: ${files}`;
}

function toThreadView(r: ThreadSqlRow): ChatThreadView {
  return {
    id: r.id,
    clinic: { id: r.clinic_id, name: r.clinic_name },
    department: r.department,
    createdAt: iso(r.created_at),
    lastMessage:
      r.lm_seq === null
        ? null
        : {
            seq: Number(r.lm_seq),
            side: r.lm_side!,
            preview: preview(r.lm_body ?? '', Number(r.lm_files ?? 0)),
            at: iso(r.lm_at!),
          },
    unread: Number(r.unread),
    readUpTo: { clinic: Number(r.read_clinic), service: Number(r.read_service) },
  };
}

/** Threads with their last message, this viewer's unread count and how far each side has read. */
export async function loadThreadViews(
  db: DbOrTx,
  viewer: Viewer,
  where: SQL,
  order: 'recent' | 'unread_first' = 'recent',
  limit = 200,
): Promise<ChatThreadView[]> {
  const rows = await sqlRows<ThreadSqlRow>(
    db,
    sql`
    select t.id, t.clinic_id, c.short_name as clinic_name, t.department, t.created_at,
      lm.seq as lm_seq, lm.side as lm_side, lm.body as lm_body, lm.created_at as lm_at,
      (select count(*) from chat_attachments a where a.message_id = lm.id) as lm_files,
      (select count(*) from chat_messages m
        where m.thread_id = t.id and m.side <> ${viewer.side} and m.seq > coalesce(r.last_read_seq, 0)) as unread,
      (select coalesce(max(x.last_read_seq), 0) from chat_read_markers x
        where x.thread_id = t.id and x.side = 'clinic') as read_clinic,
      (select coalesce(max(x.last_read_seq), 0) from chat_read_markers x
        where x.thread_id = t.id and x.side = 'service') as read_service
    from chat_threads t
    join clinics c on c.id = t.clinic_id
    left join chat_messages lm on lm.seq = t.last_message_seq
    left join chat_read_markers r on r.thread_id = t.id and r.user_id = ${viewer.userId}
    where t.kind = 'clinic' and ${where}
    order by ${order === 'unread_first' ? sql`(select count(*) > 0 from chat_messages m where m.thread_id = t.id and m.side <> ${viewer.side} and m.seq > coalesce(r.last_read_seq, 0)) desc,` : sql``}
      t.last_message_at desc nulls last, t.created_at desc, t.id
    limit ${limit}`,
  );
  return rows.map(toThreadView);
}

export async function findThread(db: DbOrTx, id: string): Promise<ThreadRow | undefined> {
  const [row] = await sqlRows<{
    id: string;
    clinic_id: string;
    department: ChatDepartment;
    last_message_seq: string | number | null;
  }>(
    db,
    sql`select id, clinic_id, department, last_message_seq from chat_threads where id = ${id} and kind = 'clinic'`,
  );
  return row
    ? {
        id: row.id,
        clinicId: row.clinic_id,
        department: row.department,
        lastMessageSeq: row.last_message_seq === null ? null : Number(row.last_message_seq),
      }
    : undefined;
}

/** Unread messages for one user over the threads matched by `where`. */
export async function countUnread(db: DbOrTx, viewer: Viewer, where: SQL): Promise<number> {
  const [row] = await sqlRows<{ n: string | number }>(
    db,
    sql`
    select count(*) as n
    from chat_threads t
    join chat_messages m on m.thread_id = t.id and m.side <> ${viewer.side}
    left join chat_read_markers r on r.thread_id = t.id and r.user_id = ${viewer.userId}
    where t.kind = 'clinic' and ${where} and m.seq > coalesce(r.last_read_seq, 0)`,
  );
  return Number(row?.n ?? 0);
}

/** Moves a user's marker forward (never back); returns the side's highest marker when it changed. */
export async function advanceReadMarker(
  db: DbOrTx,
  m: { userId: string; threadId: string; side: ChatSide; seq: number; at: Date },
): Promise<boolean> {
  const rows = await sqlRows<{ last_read_seq: string }>(
    db,
    sql`
    insert into chat_read_markers (user_id, thread_id, side, last_read_seq, read_at)
    values (${m.userId}, ${m.threadId}, ${m.side}, ${m.seq}, ${m.at})
    on conflict (user_id, thread_id) do update
      set last_read_seq = excluded.last_read_seq, read_at = excluded.read_at, side = excluded.side
      where chat_read_markers.last_read_seq < excluded.last_read_seq
    returning last_read_seq`,
  );
  return rows.length > 0;
}

/** One thread as this viewer sees it, or 404. */
export async function threadView(db: DbOrTx, viewer: Viewer, threadId: string): Promise<ChatThreadView> {
  const [view] = await loadThreadViews(db, viewer, sql`t.id = ${threadId}`);
  if (!view) throw new AppError('NOT_FOUND', 'Переписка не найдена');
  return view;
}
