import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type OutboxAttachment = { filename: string; contentType: string; size: number; storageKey: string };

/** Every e-mail and SMS is first written here, in the transaction of the change that caused it. */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey(),
    channel: text('channel').$type<'email' | 'sms'>().notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    attachments: jsonb('attachments').$type<OutboxAttachment[]>().notNull().default([]),
    status: text('status')
      .$type<'pending' | 'sending' | 'sent' | 'demo' | 'failed'>()
      .notNull()
      .default('pending'),
    /** Set when a worker takes the message, so that two workers never send it twice. */
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_messages_created_idx').on(t.createdAt),
    check('outbox_messages_channel_ck', sql`${t.channel} in ('email','sms')`),
    check('outbox_messages_status_ck', sql`${t.status} in ('pending','sending','sent','demo','failed')`),
    index('outbox_messages_pending_idx').on(t.status, t.createdAt),
  ],
);
