import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { at, createdAt, id, oneOf } from './columns.ts';

export type OutboxAttachment = { filename: string; contentType: string; size: number; storageKey: string };

/** Every e-mail and SMS is first written here, in the transaction of the change that caused it. */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: id(),
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
    claimedAt: at('claimed_at'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: at('sent_at'),
  },
  (t) => [
    index('outbox_messages_created_idx').on(t.createdAt),
    oneOf('outbox_messages_channel_ck', t.channel, ['email', 'sms']),
    oneOf('outbox_messages_status_ck', t.status, ['pending', 'sending', 'sent', 'demo', 'failed']),
    index('outbox_messages_pending_idx').on(t.status, t.createdAt),
  ],
);
