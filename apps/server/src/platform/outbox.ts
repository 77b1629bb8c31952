import { and, eq, or, type SQLWrapper, sql } from 'drizzle-orm';
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
const CLAIM_TIMEOUT_MS = 5 * 60_000;
/** More messages than this go out through one sweep job instead of a job each. */
const BULK = 50;

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
  /** The insert of `addMany` (up to 5000 messages) for a caller that sends several writes at once. */
  insertMany(messages: PlainMessage[]): { ids: string[]; write: SQLWrapper };
  /** Queues delivery of messages written by a committed transaction. */
  dispatch(ids: string[]): Promise<void>;
  /** The jobs that deliver these messages, for a use case that queues all its side effects at once. */
  deliveryJobs(ids: string[]): { queue: string; data: object }[];
  deliver(id: string): Promise<void>;
  sweep(budgetMs?: number): Promise<number>;
}

function deliveryJobs(messageIds: string[]): { queue: string; data: object }[] {
  if (messageIds.length > BULK) return [{ queue: OUTBOX_SWEEP_QUEUE, data: {} }];
  return messageIds.map((id) => ({ queue: OUTBOX_QUEUE, data: { id } }));
}

type OutboxDeps = {
  database: Database;
  clock: Clock;
  ids: Ids;
  storage: FileStorage;
  mailer: Mailer | null;
  sms: SmsGateway | null;
  enqueueAll: (jobs: { queue: string; data: object }[]) => Promise<unknown>;
};

type OutboxRow = typeof outboxMessages.$inferSelect;

/**
 * Takes a pending message (or one whose sender died mid-send) for this worker only; the conditional
 * update is the lock, so a job and a sweep racing for one message send it once.
 */
async function claim(database: Database, id: string): Promise<OutboxRow | undefined> {
  // The database clock, not the process clock: workers on several machines must agree on staleness.
  const [m] = await database.db
    .update(outboxMessages)
    .set({ status: 'sending', claimedAt: sql`now()` })
    .where(
      and(
        eq(outboxMessages.id, id),
        or(
          eq(outboxMessages.status, 'pending'),
          and(
            eq(outboxMessages.status, 'sending'),
            sql`${outboxMessages.claimedAt} < now() - ${`${CLAIM_TIMEOUT_MS} milliseconds`}::interval`,
          ),
        ),
      ),
    )
    .returning();
  return m;
}

async function send(deps: OutboxDeps, m: OutboxRow) {
  if (m.channel === 'sms') {
    await deps.sms!.send(m.recipient, m.body);
    return;
  }
  const attachments = await Promise.all(
    m.attachments.map(async (a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: await deps.storage.get(a.storageKey),
    })),
  );
  await deps.mailer!.send({ to: m.recipient, subject: m.subject ?? '', text: m.body, attachments });
}

async function deliver(deps: OutboxDeps, id: string) {
  const { database, clock } = deps;
  const m = await claim(database, id);
  if (!m) return;
  const finish = (set: Partial<typeof outboxMessages.$inferInsert>) =>
    database.db.update(outboxMessages).set(set).where(eq(outboxMessages.id, id));
  const transport = m.channel === 'email' ? deps.mailer : deps.sms;
  if (!transport) {
    await finish({ status: 'demo', sentAt: clock.now() });
    return;
  }
  try {
    await send(deps, m);
    await finish({ status: 'sent', sentAt: clock.now(), attempts: m.attempts + 1, lastError: null });
  } catch (e) {
    const attempts = m.attempts + 1;
    await finish({
      attempts,
      lastError: String((e as Error).message ?? e),
      status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
    });
    if (attempts < MAX_ATTEMPTS) throw e;
  }
}

/** Attachments go to file storage under the message's id; the row keeps only their keys. */
async function storeAttachments(storage: FileStorage, id: string, message: NewMessage) {
  const attachments: OutboxAttachment[] = [];
  if (message.channel !== 'email') return attachments;
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
  return attachments;
}

/**
 * Sends what is waiting, oldest first: bulk mailings, messages whose job was never queued (the process
 * stopped right after commit) and retries. Runs every minute and after a bulk mailing.
 */
async function sweep(deps: OutboxDeps, budgetMs: number) {
  const until = Date.now() + budgetMs;
  let sent = 0;
  while (Date.now() < until) {
    const { rows } = await deps.database.query<{ id: string }>(
      `select id from outbox_messages where status in ('pending','sending') order by created_at, id limit 200`,
    );
    let progressed = false;
    for (const r of rows) {
      if (Date.now() >= until) break;
      try {
        await deliver(deps, r.id);
        progressed = true;
        sent++;
      } catch {
        // Recorded on the message; the next sweep retries it.
      }
    }
    if (!progressed || rows.length < 200) break;
  }
  return sent;
}

export function createOutbox(deps: OutboxDeps): Outbox {
  const { clock, ids, storage } = deps;
  // With no transport at all (demo), a message is final when written: there is nothing to deliver.
  const delivering = !!(deps.mailer || deps.sms);
  const jobsFor = (messageIds: string[]) => (delivering ? deliveryJobs(messageIds) : []);
  const initial = () =>
    delivering
      ? { status: 'pending' as const, sentAt: null }
      : { status: 'demo' as const, sentAt: clock.now() };

  function insertMany(messages: PlainMessage[]) {
    const messageIds = messages.map(() => ids.uuid());
    const col = (f: (m: PlainMessage) => string | null) => sql.param(messages.map(f));
    const { status, sentAt } = initial();
    const write = sql`
      insert into outbox_messages (id, channel, recipient, subject, body, status, sent_at, created_at)
      select v.*, ${status}, ${sentAt}::timestamptz, ${clock.now()}::timestamptz
      from unnest(${sql.param(messageIds)}::uuid[], ${col((m) => m.channel)}::text[], ${col((m) => m.to)}::text[],
        ${col((m) => (m.channel === 'email' ? m.subject : null))}::text[], ${col((m) => m.body)}::text[]) as v`;
    return { ids: messageIds, write };
  }

  return {
    async add(tx, message) {
      const id = ids.uuid();
      const attachments = await storeAttachments(storage, id, message);
      await tx.insert(outboxMessages).values({
        id,
        channel: message.channel,
        recipient: message.to,
        subject: message.channel === 'email' ? message.subject : null,
        body: message.body,
        attachments,
        ...initial(),
        createdAt: clock.now(),
      });
      return id;
    },
    async addMany(tx, messages) {
      const messageIds: string[] = [];
      for (let i = 0; i < messages.length; i += 5000) {
        const part = insertMany(messages.slice(i, i + 5000));
        await tx.execute(part.write.getSQL());
        messageIds.push(...part.ids);
      }
      return messageIds;
    },
    insertMany,
    async dispatch(messageIds) {
      await deps.enqueueAll(jobsFor(messageIds));
    },
    deliveryJobs: jobsFor,
    deliver: (id) => deliver(deps, id),
    sweep: (budgetMs = 50_000) => sweep(deps, budgetMs),
  };
}
