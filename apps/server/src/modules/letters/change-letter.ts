import type { LetterView } from '@remed/core';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { guaranteeLetters, insuredPersons } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { loadLetterFor, loadLetters } from './letters.queries.ts';

export type LetterChangeDeps = Pick<AppDeps, 'database' | 'clock' | 'outbox' | 'config'>;
type Person = typeof insuredPersons.$inferSelect;

interface LetterChange {
  set: Partial<typeof guaranteeLetters.$inferInsert>;
  action: string;
  reason: string;
  notify: (tx: Tx, after: LetterView, person: Person) => Promise<string[]>;
}

/**
 * The step cancelling and extending share: only a letter in force changes, once (a concurrent change
 * loses), audited with the reason, and the patient told after commit.
 */
export async function changeLetter(
  deps: LetterChangeDeps,
  actor: Actor,
  id: string,
  decide: (current: LetterView) => LetterChange,
) {
  const { clock } = deps;
  const db = deps.database.db;
  const current = await loadLetterFor(db, actor, id, clock.now());
  if (current.status === 'used_up')
    throw new AppError('INVALID_STATE', 'Письмо уже использовано: все услуги оплачены по чекам');
  if (current.status !== 'issued') throw new AppError('INVALID_STATE', 'Письмо уже отменено или истекло');
  const { set, action, reason, notify } = decide(current);
  const messageIds = await db.transaction(async (tx) => {
    const updated = await tx
      .update(guaranteeLetters)
      .set(set)
      .where(and(eq(guaranteeLetters.id, id), eq(guaranteeLetters.status, 'issued')))
      .returning({ id: guaranteeLetters.id });
    if (!updated.length) throw new AppError('INVALID_STATE', 'Письмо уже изменено другим пользователем');
    const [after] = await loadLetters(tx, eq(guaranteeLetters.id, id), clock.now());
    const [person] = await tx
      .select()
      .from(insuredPersons)
      .where(eq(insuredPersons.id, after!.insuredPersonId));
    await writeAudit(tx, clock, actor, {
      action,
      entityType: 'guarantee_letter',
      entityId: id,
      before: { status: current.status, validUntil: current.validUntil },
      after: { status: after!.status, validUntil: after!.validUntil, reason },
    });
    return notify(tx, after!, person!);
  });
  await deps.outbox.dispatch(messageIds);
  return loadLetterFor(db, actor, id, clock.now());
}
