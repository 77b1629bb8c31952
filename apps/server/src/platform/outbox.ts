import { eq } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/client.ts';
import { type OutboxAttachment, outboxMessages } from '../db/schema/index.ts';
import type { Mailer } from '../integrations/mail/mailer.ts';
import type { SmsGateway } from '../integrations/sms/sms-gateway.ts';
import type { Clock } from './clock.ts';
import type { Ids } from './ids.ts';
import type { FileStorage } from './storage.ts';

export const OUTBOX_QUEUE = 'outbox-deliver';
export const OUTBOX_SWEEP_QUEUE = 'outbox-sweep';
const MAX_ATTEMPTS = 5;

export type NewMessage =
  | {
      channel: 'email';
      to: string;
      subject: string;
      body: string;
      attachments?: { filename: string; contentType: string; content: Buffer }[];
    }
  | { channel: 'sms'; to: string; body: string };

export type PlainMessage =
  | { channel: 'email'; to: string; subject: string; body: string }
  | { channel: 'sms'; to: string; body: string };

export interface Outbox {
  /** Writes the message inside `tx`; returns its id, to be passed to `dispatch` after commit. */
  add(tx: DbOrTx, message: NewMessage): Promise<string>;
  /** Many attachment-free messages in one insert; returns their ids in order. */
  addMany(tx: DbOrTx, messages: PlainMessage[]): Promise<string[]>;
  dispatch(ids: string[]): Promise<void>;
  deliver(id: string): Promise<void>;
  sweep(): Promise<number>;
}

export function createOutbox(deps: {
  database: Database;
  clock: Clock;
  ids: Ids;
  storage: FileStorage;
  mailer: Mailer | null;
  sms: SmsGateway | null;
  enqueue: (queue: string, data: { id: string }) => Promise<unknown>;
  enqueueMany: (queue: string, data: { id: string }[]) => Promise<unknown>;
}): Outbox {
  const { database, clock, ids, storage } = deps;

  async function deliver(id: string) {
    const [m] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
    if (m?.status !== 'pending') return;
    const transport = m.channel === 'email' ? deps.mailer : deps.sms;
    if (!transport) {
      await database.db
        .update(outboxMessages)
        .set({ status: 'demo', sentAt: clock.now() })
        .where(eq(outboxMessages.id, id));
      return;
    }
    try {
      if (m.channel === 'email') {
        const attachments = await Promise.all(
          m.attachments.map(async (a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: await storage.get(a.storageKey),
          })),
        );
        await deps.mailer!.send({ to: m.recipient, subject: m.subject ?? '', text: m.body, attachments });
      } else {
        await deps.sms!.send(m.recipient, m.body);
      }
      await database.db
        .update(outboxMessages)
        .set({ status: 'sent', sentAt: clock.now(), attempts: m.attempts + 1, lastError: null })
        .where(eq(outboxMessages.id, id));
    } catch (e) {
      const attempts = m.attempts + 1;
      await database.db
        .update(outboxMessages)
        .set({
          attempts,
          lastError: String((e as Error).message ?? e),
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
        })
        .where(eq(outboxMessages.id, id));
      if (attempts < MAX_ATTEMPTS) throw e;
    }
  }

  return {
    async add(tx, message) {
      const id = ids.uuid();
      const attachments: OutboxAttachment[] = [];
      if (message.channel === 'email') {
        for (const [n, a] of (message.attachments ?? []).entries()) {
          const storageKey = `outbox/${id}/${n}`;
          await storage.put(storageKey, a.content, a.contentType);
          attachments.push({
            filename: a.filename,
            contentType: a.contentType,
            size: a.content.length,
            storageKey,
          });
        }
      }
      await tx.insert(outboxMessages).values({
        id,
        channel: message.channel,
        recipient: message.to,
        subject: message.channel === 'email' ? message.subject : null,
        body: message.body,
        attachments,
        createdAt: clock.now(),
      });
      return id;
    },
    async addMany(tx, messages) {
      const rows = messages.map((m) => ({
        id: ids.uuid(),
        channel: m.channel,
        recipient: m.to,
        subject: m.channel === 'email' ? m.subject : null,
        body: m.body,
        createdAt: clock.now(),
      }));
      for (let i = 0; i < rows.length; i += 1000)
        await tx.insert(outboxMessages).values(rows.slice(i, i + 1000));
      return rows.map((r) => r.id);
    },
    async dispatch(messageIds) {
      if (messageIds.length === 1) await deps.enqueue(OUTBOX_QUEUE, { id: messageIds[0]! });
      else if (messageIds.length > 1)
        await deps.enqueueMany(
          OUTBOX_QUEUE,
          messageIds.map((id) => ({ id })),
        );
    },
    deliver,
    /** Picks up messages whose job was never queued (the process stopped right after commit). */
    async sweep() {
      const stale = new Date(clock.now().getTime() - 60_000);
      const { rows } = await database.query<{ id: string }>(
        `select id from outbox_messages where status = 'pending' and created_at < $1 order by created_at limit 500`,
        [stale.toISOString()],
      );
      for (const r of rows) await deps.enqueue(OUTBOX_QUEUE, { id: r.id });
      return rows.length;
    },
  };
}
