import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { PlainMessage } from '../../platform/outbox.ts';

export interface Recipient {
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
 * Tells a person about a change on every channel they have: the in-app notice (when they have an account),
 * an SMS and an e-mail. All written in `tx`, the transaction of the change; returns the outbox message ids
 * whose delivery the caller queues after commit.
 */
export async function notify(
  deps: Pick<AppDeps, 'ids' | 'clock' | 'outbox' | 'config'>,
  tx: DbOrTx,
  to: Recipient,
  notice: Notice,
): Promise<string[]> {
  const now = deps.clock.now();
  if (to.userId) {
    await tx.execute(sql`
      insert into notifications (id, user_id, title, body, link, entity_type, entity_id, created_at)
      values (${deps.ids.uuid()}, ${to.userId}, ${notice.title}, ${notice.body}, ${notice.link ?? null},
        ${notice.entity?.type ?? null}, ${notice.entity?.id ?? null}, ${now})`);
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
  return messages.length ? deps.outbox.addMany(tx, messages) : [];
}
