import { kopecksToRubles, type LetterView, moscowDate, ruDate } from '@remed/core';
import { and, eq, type SQL } from 'drizzle-orm';
import { guaranteeLetters, insuredPersons } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { logHealthViews } from '../../platform/view-log.ts';
import { type TableFormat, writeTable } from '../insurance/table-files.ts';
import { letterToV1 } from './letter-export.ts';
import { letterNotifications } from './letter-notifications.ts';
import { renderLetterPdf } from './letter-pdf.ts';
import {
  type ClinicLettersFilter,
  clinicLettersWhere,
  countLetters,
  letterScope,
  loadLetterFor,
  loadLetters,
} from './letters.queries.ts';

/** More letters than this in one file would not fit comfortably in memory: the filter must be narrower. */
const EXPORT_MAX_ROWS = 20_000;

const STATUS_TEXT: Record<LetterView['status'], string> = {
  issued: 'действует',
  used_up: 'использовано',
  expired: 'истекло',
  cancelled: 'отменено',
};

const EXPORT_HEADER = [
  'Номер',
  'Дата выдачи',
  'Действует с',
  'Действует до',
  'Состояние',
  'Пациент',
  'Номер полиса',
  'Услуги',
  'Сумма, руб.',
] as const;

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
    if (current.status === 'used_up')
      throw new AppError('INVALID_STATE', 'Письмо уже использовано: все услуги оплачены по чекам');
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

  const viewed = (l: { id: string; number: string; insuredPersonId: string }) => ({
    insuredPersonId: l.insuredPersonId,
    recordType: 'letter' as const,
    recordId: l.id,
    recordLabel: l.number,
  });

  async function readOne(actor: Actor, id: string, purpose: 'letter.view' | 'letter.print') {
    const l = await loadLetterFor(db, actor, id, clock.now());
    await logHealthViews(deps, actor, purpose, [viewed(l)]);
    return l;
  }

  return {
    async list(actor: Actor, filter?: SQL) {
      const letters = await loadLetters(db, and(letterScope(actor), filter), clock.now());
      await logHealthViews(deps, actor, 'letter.list', letters.map(viewed));
      return letters;
    },
    get: (actor: Actor, id: string) => readOne(actor, id, 'letter.view'),

    /** The letters addressed to one clinic of the user's network, filtered, a page at a time. */
    async forClinic(
      actor: Actor,
      clinicId: string,
      q: ClinicLettersFilter & { limit: number; offset: number },
    ) {
      assertClinicAccess(actor, clinicId);
      const now = clock.now();
      const where = clinicLettersWhere(clinicId, q, now);
      const [items, total] = await Promise.all([
        loadLetters(db, where, now, q.limit, q.offset),
        countLetters(db, where),
      ]);
      await logHealthViews(deps, actor, 'clinic.letters', items.map(viewed), {
        clinicName: items[0]?.clinic.name,
      });
      return { items, total };
    },

    /** The same list as a file; an export of patients' data is written to the audit log with its filter. */
    async exportForClinic(actor: Actor, clinicId: string, f: ClinicLettersFilter, format: TableFormat) {
      assertClinicAccess(actor, clinicId);
      const now = clock.now();
      const where = clinicLettersWhere(clinicId, f, now);
      const total = await countLetters(db, where);
      if (total > EXPORT_MAX_ROWS) {
        throw new AppError(
          'VALIDATION_FAILED',
          `Писем ${total}, в файл помещается до ${EXPORT_MAX_ROWS}. Выберите период или состояние`,
        );
      }
      const letters = await loadLetters(db, where, now, EXPORT_MAX_ROWS);
      await logHealthViews(deps, actor, 'clinic.letters_export', letters.map(viewed), {
        clinicName: letters[0]?.clinic.name,
      });
      const rubles = (kopecks: number) =>
        format === 'xlsx' ? kopecks / 100 : kopecksToRubles(kopecks).replace('.', ',');
      const content = await writeTable(
        format,
        'Гарантийные письма',
        EXPORT_HEADER,
        letters.map((l) => [
          l.number,
          ruDate(moscowDate(new Date(l.issuedAt))),
          ruDate(l.validFrom),
          ruDate(l.validUntil),
          STATUS_TEXT[l.status],
          l.insuredName,
          l.policyNumber,
          l.items.map((i) => `${i.code} ${i.name} × ${i.quantity}`).join('; '),
          rubles(l.total),
        ]),
      );
      await writeAudit(db, clock, actor, {
        action: 'clinic.letters_exported',
        entityType: 'clinic',
        entityId: clinicId,
        after: { format, filter: f, rows: letters.length },
      });
      return { content, fileName: `garantiinye-pisma-${moscowDate(now)}.${format}` };
    },
    async pdf(actor: Actor, id: string) {
      const l = await readOne(actor, id, 'letter.print');
      return { number: l.number, content: await renderLetterPdf(l, deps.config.service) };
    },
    async exportV1(actor: Actor, id: string) {
      return letterToV1(await readOne(actor, id, 'letter.print'));
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
