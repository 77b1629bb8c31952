import type { LetterView } from '@remed/core';
import { and, eq, type SQL } from 'drizzle-orm';
import { guaranteeLetters, insuredPersons } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { letterToV1 } from './letter-export.ts';
import { letterNotifications } from './letter-notifications.ts';
import { renderLetterPdf } from './letter-pdf.ts';
import { letterScope, loadLetterFor, loadLetters } from './letters.repository.ts';

export function lettersService(deps: AppDeps) {
  const { database, clock } = deps;
  const db = database.db;

  async function change(
    actor: Actor,
    id: string,
    apply: (l: LetterView) => {
      set: Partial<typeof guaranteeLetters.$inferInsert>;
      action: string;
      notify: 'cancelled' | 'extended';
      reason: string;
    },
  ) {
    const current = await loadLetterFor(db, actor, id, clock.now());
    if (current.status !== 'issued') throw new AppError('INVALID_STATE', 'Письмо уже отменено или истекло');
    const { set, action, notify, reason } = apply(current);
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
        .where(
          eq(
            insuredPersons.id,
            (
              await tx
                .select({ p: guaranteeLetters.insuredPersonId })
                .from(guaranteeLetters)
                .where(eq(guaranteeLetters.id, id))
            )[0]!.p,
          ),
        );
      await writeAudit(tx, clock, actor, {
        action,
        entityType: 'guarantee_letter',
        entityId: id,
        before: { status: current.status, validUntil: current.validUntil },
        after: { status: after!.status, validUntil: after!.validUntil, reason },
      });
      const notifications = letterNotifications(deps);
      return notify === 'cancelled'
        ? notifications.cancelled(tx, after!, person!, reason)
        : notifications.extended(tx, after!, person!);
    });
    await deps.outbox.dispatch(messageIds);
    return loadLetterFor(db, actor, id, clock.now());
  }

  return {
    list: (actor: Actor, filter?: SQL) => loadLetters(db, and(letterScope(actor), filter), clock.now()),
    get: (actor: Actor, id: string) => loadLetterFor(db, actor, id, clock.now()),
    async pdf(actor: Actor, id: string) {
      const l = await loadLetterFor(db, actor, id, clock.now());
      return { number: l.number, content: await renderLetterPdf(l, deps.config.service) };
    },
    async exportV1(actor: Actor, id: string) {
      return letterToV1(await loadLetterFor(db, actor, id, clock.now()));
    },
    cancel: (actor: Actor, id: string, reason: string) =>
      change(actor, id, () => ({
        set: { status: 'cancelled', cancelledAt: clock.now(), cancelReason: reason },
        action: 'guarantee_letter.cancelled',
        notify: 'cancelled',
        reason,
      })),
    extend: (actor: Actor, id: string, validUntil: string, reason: string) =>
      change(actor, id, (l) => {
        if (validUntil <= l.validUntil) {
          throw new AppError('VALIDATION_FAILED', 'Новая дата должна быть позже текущей', {
            fields: { validUntil: `Позже ${l.validUntil}` },
          });
        }
        return { set: { validUntil }, action: 'guarantee_letter.extended', notify: 'extended', reason };
      }),
  };
}

export type LettersService = ReturnType<typeof lettersService>;
