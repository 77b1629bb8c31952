import { kopecksToRubles, type LetterView, moscowDate, ruDate } from '@remed/core';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { logHealthViews } from '../../platform/view-log.ts';
import { type TableFormat, writeTable } from '../insurance/table-files.ts';
import {
  type ClinicLettersFilter,
  clinicLettersWhere,
  countLetters,
  loadLetters,
} from './letters.queries.ts';
import { viewedLetter } from './read-letter.ts';

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

/** A clinic's letters as a file; an export of patients' data is written to the audit log with its filter. */
export async function exportClinicLetters(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  actor: Actor,
  clinicId: string,
  f: ClinicLettersFilter,
  format: TableFormat,
) {
  assertClinicAccess(actor, clinicId);
  const { clock } = deps;
  const db = deps.database.db;
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
  await logHealthViews(deps, actor, 'clinic.letters_export', letters.map(viewedLetter), {
    clinicName: letters[0]?.clinic.name,
  });
  const content = await writeTable(format, 'Гарантийные письма', EXPORT_HEADER, letters.map(lineOf(format)));
  await writeAudit(db, clock, actor, {
    action: 'clinic.letters_exported',
    entityType: 'clinic',
    entityId: clinicId,
    after: { format, filter: f, rows: letters.length },
  });
  return { content, fileName: `garantiinye-pisma-${moscowDate(now)}.${format}` };
}

/** A letter as a line of the file: a spreadsheet gets numbers, a CSV rubles with a decimal comma. */
function lineOf(format: TableFormat) {
  const rubles = (kopecks: number) =>
    format === 'xlsx' ? kopecks / 100 : kopecksToRubles(kopecks).replace('.', ',');
  return (l: LetterView) => [
    l.number,
    ruDate(moscowDate(new Date(l.issuedAt))),
    ruDate(l.validFrom),
    ruDate(l.validUntil),
    STATUS_TEXT[l.status],
    l.insuredName,
    l.policyNumber,
    l.items.map((i) => `${i.code} ${i.name} × ${i.quantity}`).join('; '),
    rubles(l.total),
  ];
}
