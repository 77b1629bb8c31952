import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, createdAt, id, oneOf, ref, requiredRef, updatedAt } from './columns.ts';
import { clinics } from './organisations.ts';
import { users } from './users.ts';

const DEPARTMENTS = sql.raw(`('general','contracts','planning','expertise')`);

/**
 * A conversation between a party and the service. Today the party is a clinic, one thread per clinic and
 * department; `kind` leaves room for the insured ↔ console chat (its own party column and check).
 */
export const chatThreads = pgTable(
  'chat_threads',
  {
    id: id(),
    kind: text('kind').$type<'clinic'>().notNull(),
    clinicId: ref('clinic_id', () => clinics.id, { onDelete: 'cascade' }),
    department: text('department').notNull(),
    createdAt: createdAt(),
    createdBy: ref('created_by', () => users.id, { onDelete: 'set null' }),
    /** The newest message, kept on the row so thread lists sort without scanning messages. */
    lastMessageSeq: bigint('last_message_seq', { mode: 'number' }),
    lastMessageAt: at('last_message_at'),
    /** The newest service message the clinic was e-mailed about, so one answer makes one e-mail. */
    emailedSeq: bigint('emailed_seq', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    oneOf('chat_threads_kind_ck', t.kind, ['clinic']),
    check('chat_threads_clinic_ck', sql`${t.kind} <> 'clinic' or ${t.clinicId} is not null`),
    check('chat_threads_department_ck', sql`${t.department} in ${DEPARTMENTS}`),
    uniqueIndex('chat_threads_clinic_department_uq')
      .on(t.clinicId, t.department)
      .where(sql`${t.kind} = 'clinic'`),
    index('chat_threads_last_message_idx').on(t.lastMessageAt),
  ],
);

export const chatMessages = pgTable(
  'chat_messages',
  {
    id: id(),
    /** One sequence for all threads: orders a thread's history and is what read markers point to. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    threadId: requiredRef('thread_id', () => chatThreads.id, { onDelete: 'cascade' }),
    authorId: ref('author_id', () => users.id, { onDelete: 'set null' }),
    side: text('side').$type<'clinic' | 'service'>().notNull(),
    body: text('body').notNull(),
    /** The client's idempotency key: the same message posted twice is stored once. */
    clientId: uuid('client_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('chat_messages_seq_uq').on(t.seq),
    uniqueIndex('chat_messages_client_uq').on(t.authorId, t.clientId),
    index('chat_messages_thread_seq_idx').on(t.threadId, t.seq),
    oneOf('chat_messages_side_ck', t.side, ['clinic', 'service']),
    check('chat_messages_body_ck', sql`char_length(${t.body}) <= 4000`),
  ],
);

export const chatAttachments = pgTable(
  'chat_attachments',
  {
    id: id(),
    messageId: requiredRef('message_id', () => chatMessages.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    storageKey: text('storage_key').notNull(),
  },
  (t) => [
    index('chat_attachments_message_idx').on(t.messageId),
    check('chat_attachments_size_ck', sql`${t.size} > 0 and ${t.size} <= 10485760`),
  ],
);

/** How far a user has read a thread; unread = the other side's messages after this point. */
export const chatReadMarkers = pgTable(
  'chat_read_markers',
  {
    userId: requiredRef('user_id', () => users.id, { onDelete: 'cascade' }),
    threadId: requiredRef('thread_id', () => chatThreads.id, { onDelete: 'cascade' }),
    side: text('side').$type<'clinic' | 'service'>().notNull(),
    lastReadSeq: bigint('last_read_seq', { mode: 'number' }).notNull(),
    readAt: at('read_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'chat_read_markers_pk', columns: [t.userId, t.threadId] }),
    index('chat_read_markers_thread_idx').on(t.threadId, t.side),
    oneOf('chat_read_markers_side_ck', t.side, ['clinic', 'service']),
  ],
);

/** Contacts of the service's departments shown to clinics; edited by an administrator. */
export const departmentContacts = pgTable(
  'department_contacts',
  {
    department: text('department').primaryKey(),
    title: text('title').notNull(),
    personName: text('person_name').notNull().default(''),
    phone: text('phone').notNull(),
    email: text('email').notNull(),
    hours: text('hours').notNull(),
    topics: text('topics').notNull(),
    updatedAt: updatedAt(),
    updatedBy: ref('updated_by', () => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    check('department_contacts_department_ck', sql`${t.department} in ${DEPARTMENTS}`),
    check('department_contacts_phone_ck', sql`${t.phone} ~ '^\\+7\\d{10}$'`),
    check('department_contacts_email_ck', sql`${t.email} = lower(${t.email}) and ${t.email} like '%@%'`),
  ],
);
