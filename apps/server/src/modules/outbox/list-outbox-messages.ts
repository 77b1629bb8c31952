import type { OutboxMessage } from '@remed/core';
import { count, desc, eq } from 'drizzle-orm';
import { outboxMessages } from '../../db/schema/index.ts';
import { checkAccess } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';

/** Every e-mail and SMS the platform sent or would have sent, newest first, for the admin to read. */
export async function listOutboxMessages(
  deps: Pick<AppDeps, 'database'>,
  actor: Actor,
  q: { channel?: 'email' | 'sms' | undefined; limit: number; offset: number },
): Promise<{ items: OutboxMessage[]; total: number }> {
  checkAccess(['admin'], actor.user);
  const db = deps.database.db;
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
}
