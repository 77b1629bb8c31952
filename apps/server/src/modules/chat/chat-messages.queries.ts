import type { ChatMessageView, ChatSide } from '@remed/core';
import { inArray, sql } from 'drizzle-orm';
import { type DbOrTx, sqlRows } from '../../db/client.ts';
import { chatAttachments } from '../../db/schema/index.ts';
import { iso } from './chat-threads.queries.ts';

type MessageSqlRow = {
  id: string;
  thread_id: string;
  seq: string | number;
  client_id: string;
  side: ChatSide;
  author_id: string | null;
  author_name: string | null;
  body: string;
  created_at: Date | string;
};

async function withAttachments(db: DbOrTx, rows: MessageSqlRow[]): Promise<ChatMessageView[]> {
  const files = rows.length
    ? await db
        .select()
        .from(chatAttachments)
        .where(
          inArray(
            chatAttachments.messageId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return rows.map((r) => ({
    id: r.id,
    threadId: r.thread_id,
    seq: Number(r.seq),
    clientId: r.client_id,
    side: r.side,
    author: {
      id: r.author_id,
      name: r.author_name ?? (r.side === 'service' ? 'Сотрудник сервиса' : 'Сотрудник клиники'),
    },
    body: r.body,
    createdAt: iso(r.created_at),
    attachments: files
      .filter((f) => f.messageId === r.id)
      .sort((a, b) => a.fileName.localeCompare(b.fileName, 'ru'))
      .map((f) => ({ id: f.id, fileName: f.fileName, contentType: f.contentType, size: f.size })),
  }));
}

const MESSAGE_COLUMNS = sql`m.id, m.thread_id, m.seq, m.client_id, m.side, m.author_id, u.full_name as author_name, m.body, m.created_at`;

/** One page of a thread's history, oldest first; `hasMore` tells whether older messages remain. */
export async function loadMessages(
  db: DbOrTx,
  threadId: string,
  opts: { before?: number | undefined; limit: number; q?: string | undefined },
): Promise<{ messages: ChatMessageView[]; hasMore: boolean }> {
  const like = opts.q ? `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await sqlRows<MessageSqlRow>(
    db,
    sql`
    select ${MESSAGE_COLUMNS}
    from chat_messages m left join users u on u.id = m.author_id
    where m.thread_id = ${threadId}
      ${opts.before ? sql`and m.seq < ${opts.before}` : sql``}
      ${like ? sql`and m.body ilike ${like}` : sql``}
    order by m.seq desc
    limit ${opts.limit + 1}`,
  );
  const hasMore = rows.length > opts.limit;
  return { messages: await withAttachments(db, rows.slice(0, opts.limit).reverse()), hasMore };
}

export async function loadMessage(
  db: DbOrTx,
  where: { id: string } | { authorId: string; clientId: string },
): Promise<ChatMessageView | undefined> {
  const cond =
    'id' in where
      ? sql`m.id = ${where.id}`
      : sql`m.author_id = ${where.authorId} and m.client_id = ${where.clientId}`;
  const rows = await sqlRows<MessageSqlRow>(
    db,
    sql`select ${MESSAGE_COLUMNS} from chat_messages m left join users u on u.id = m.author_id where ${cond}`,
  );
  return (await withAttachments(db, rows))[0];
}
