import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, requiredRef } from './columns.ts';
import { users } from './users.ts';

/**
 * What a person sees under the bell in the app. Written in the transaction of the change it tells about,
 * next to the e-mail and SMS in the outbox.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    /** Order of writing: notices of one transaction share a timestamp. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    userId: requiredRef('user_id', () => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** An address in the web app, e.g. `/claims/…`. */
    link: text('link'),
    entityType: text('entity_type'),
    entityId: uuid('entity_id'),
    createdAt: createdAt(),
    readAt: at('read_at'),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.seq),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
    check('notifications_link_ck', sql`${t.link} is null or ${t.link} like '/%'`),
  ],
);
