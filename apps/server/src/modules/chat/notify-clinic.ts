import { CHAT_DEPARTMENT_TITLES } from '@remed/core';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { sqlRows, type Tx } from '../../db/client.ts';
import { chatThreads, clinics, userClinics, users } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { findThread, type ThreadRow } from './chat-threads.queries.ts';

export const CHAT_NOTIFY_QUEUE = 'chat-notify';

/**
 * The job after an answer: if nobody at the clinic has read the service's messages by now, the clinic's
 * people get one e-mail about them. The thread remembers what was e-mailed, so a retried job or a second
 * job for the same answers sends nothing. Returns the number of e-mails sent.
 */
export async function notifyClinic(
  deps: Pick<AppDeps, 'database' | 'config' | 'outbox'>,
  threadId: string,
): Promise<number> {
  const db = deps.database.db;
  const thread = await findThread(db, threadId);
  if (!thread) return 0;
  const messageIds = await db.transaction(async (tx) => {
    const count = await claimUnreadAnswers(tx, threadId);
    if (!count) return [];
    const { clinicName, recipients } = await clinicRecipients(tx, thread.clinicId);
    const mail = answerMail(deps.config, thread, clinicName, count);
    const out: string[] = [];
    for (const to of recipients) out.push(await deps.outbox.add(tx, { channel: 'email', to, ...mail }));
    return out;
  });
  await deps.outbox.dispatch(messageIds);
  return messageIds.length;
}

/**
 * The service's messages after the clinic's furthest read marker that no e-mail has told of yet, marked as
 * told; 0 when there are none or another job took them first.
 */
async function claimUnreadAnswers(tx: Tx, threadId: string): Promise<number> {
  const [pending] = await sqlRows<{ max_seq: string | null; n: string }>(
    tx,
    sql`select max(m.seq) as max_seq, count(*) as n from chat_messages m, chat_threads t
        where t.id = ${threadId} and m.thread_id = t.id and m.side = 'service'
          and m.seq > t.emailed_seq
          and m.seq > (select coalesce(max(last_read_seq), 0) from chat_read_markers
                       where thread_id = t.id and side = 'clinic')`,
  );
  if (!pending?.max_seq) return 0;
  const maxSeq = Number(pending.max_seq);
  const claimed = await tx
    .update(chatThreads)
    .set({ emailedSeq: maxSeq })
    .where(and(eq(chatThreads.id, threadId), sql`${chatThreads.emailedSeq} < ${maxSeq}`))
    .returning({ id: chatThreads.id });
  return claimed.length ? Number(pending.n) : 0;
}

/** The clinic's people who can read the mail; the clinic's own address when it has none. */
async function clinicRecipients(tx: Tx, clinicId: string) {
  const [clinic] = await tx.select().from(clinics).where(eq(clinics.id, clinicId));
  const people = await tx
    .select({ email: users.email })
    .from(userClinics)
    .innerJoin(users, eq(users.id, userClinics.userId))
    .where(and(eq(userClinics.clinicId, clinicId), isNull(users.blockedAt), isNotNull(users.email)));
  const recipients = [
    ...new Set(people.map((p) => p.email!).concat(people.length ? [] : clinic?.email ? [clinic.email] : [])),
  ];
  return { clinicName: clinic?.shortName ?? 'Клиника', recipients };
}

function answerMail(config: AppDeps['config'], thread: ThreadRow, clinicName: string, count: number) {
  const title = CHAT_DEPARTMENT_TITLES[thread.department];
  const link = `${config.publicUrl}/clinic/chat/${thread.id}`;
  // The text of the answer stays in the cabinet: medical expertise threads may hold health data.
  return {
    subject: `Ответ в чате «${title}» — ${config.service.name}`,
    body: [
      'Здравствуйте!',
      '',
      `${clinicName}: в переписке «${title}» ${count === 1 ? 'новый ответ' : `новых ответов: ${count}`} от сервиса.`,
      `Прочитать и ответить: ${link}`,
      '',
      'Письмо отправлено автоматически, потому что ответ пока никто не прочитал в кабинете.',
    ].join('\n'),
  };
}
