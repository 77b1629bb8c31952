import type { SQLWrapper } from 'drizzle-orm';
import { type DbOrTx, writeAll } from '../../db/client.ts';
import { notifications } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { PlainMessage } from '../../platform/outbox.ts';

interface Recipient {
  userId: string | null;
  phone: string | null;
  email: string | null;
}

export interface Notice {
  /** Short, for the list under the bell and the e-mail subject. */
  title: string;
  /** A sentence or two in plain Russian: what happened and what to do, if anything. */
  body: string;
  /** Where in the app to look, e.g. `/claims/…`; the e-mail carries it as a full address. */
  link?: string;
  entity?: { type: string; id: string };
}

/**
 * The writes that tell a person about a change on every channel they have: the in-app notice (when they
 * have an account), an SMS and an e-mail into the outbox. For `writeAll` in the transaction of the change;
 * `messageIds` are the outbox messages whose delivery the caller queues after commit.
 */
export function noticeWrites(
  deps: Pick<AppDeps, 'ids' | 'clock' | 'outbox' | 'config'>,
  tx: DbOrTx,
  to: Recipient,
  notice: Notice,
): { writes: SQLWrapper[]; messageIds: string[] } {
  const writes: SQLWrapper[] = [];
  if (to.userId) {
    writes.push(
      tx.insert(notifications).values({
        id: deps.ids.uuid(),
        userId: to.userId,
        title: notice.title,
        body: notice.body,
        link: notice.link ?? null,
        entityType: notice.entity?.type ?? null,
        entityId: notice.entity?.id ?? null,
        createdAt: deps.clock.now(),
      }),
    );
  }
  const url = notice.link ? `${deps.config.publicUrl}${notice.link}` : deps.config.publicUrl;
  const messages: PlainMessage[] = [];
  if (to.phone)
    messages.push({ channel: 'sms', to: to.phone, body: `remed: ${notice.title}. ${notice.body}` });
  if (to.email)
    messages.push({
      channel: 'email',
      to: to.email,
      subject: notice.title,
      body: `${notice.body}\n\nПодробности в приложении remed: ${url}`,
    });
  if (!messages.length) return { writes, messageIds: [] };
  const outbox = deps.outbox.insertMany(messages);
  return { writes: [...writes, outbox.write], messageIds: outbox.ids };
}

/** `noticeWrites`, written at once; returns the outbox message ids to dispatch after commit. */
export async function notify(
  deps: Pick<AppDeps, 'ids' | 'clock' | 'outbox' | 'config'>,
  tx: DbOrTx,
  to: Recipient,
  notice: Notice,
): Promise<string[]> {
  const { writes, messageIds } = noticeWrites(deps, tx, to, notice);
  await writeAll(tx, writes);
  return messageIds;
}
