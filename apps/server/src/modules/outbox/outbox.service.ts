import type { OutboxMessage } from '@remed/core';
import { count, desc, eq } from 'drizzle-orm';
import { outboxMessages } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';

export function outboxService(deps: AppDeps) {
  const db = deps.database.db;
  return {
    async list(q: {
      channel?: 'email' | 'sms' | undefined;
      limit: number;
      offset: number;
    }): Promise<{ items: OutboxMessage[]; total: number }> {
      const w = q.channel ? eq(outboxMessages.channel, q.channel) : undefined;
      const rows = await db
        .select()
        .from(outboxMessages)
        .where(w)
        .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
        .limit(q.limit)
        .offset(q.offset);
      const [total] = await db.select({ n: count() }).from(outboxMessages).where(w);
      return {
        total: total?.n ?? 0,
        items: rows.map((m) => ({
          id: m.id,
          channel: m.channel,
          recipient: m.recipient,
          subject: m.subject,
          body: m.body,
          status: m.status,
          attempts: m.attempts,
          lastError: m.lastError,
          attachments: m.attachments.map(({ filename, contentType, size }) => ({
            filename,
            contentType,
            size,
          })),
          createdAt: m.createdAt.toISOString(),
          sentAt: m.sentAt?.toISOString() ?? null,
        })),
      };
    },
    async attachment(id: string, n: number) {
      const [m] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
      const a = m?.attachments[n];
      if (!a) throw new AppError('NOT_FOUND', 'Вложение не найдено');
      return {
        filename: a.filename,
        contentType: a.contentType,
        content: await deps.storage.get(a.storageKey),
      };
    },
  };
}

export type OutboxService = ReturnType<typeof outboxService>;
