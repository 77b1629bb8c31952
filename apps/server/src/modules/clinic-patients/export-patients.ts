import { moscowDate, ruDate } from '@remed/core';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { type TableFormat, writeTable } from '../insurance/table-files.ts';
import { countPatients, loadPatients, type PatientsFilter } from './clinic-patients.queries.ts';

/** More rows than this in one file would not fit comfortably in memory: the filter must be narrower. */
const EXPORT_MAX_ROWS = 50_000;

const HEADER = [
  'ФИО',
  'Дата рождения',
  'Номер полиса',
  'Программа',
  'Страховая компания',
  'Прикреплён с',
  'Откреплён с',
  'Состояние',
] as const;

/** The attachment lists as a file; an export of personal data is written to the audit log with its filter. */
export async function exportPatients(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  actor: Actor,
  clinicId: string,
  f: PatientsFilter,
  format: TableFormat,
) {
  assertClinicAccess(actor, clinicId);
  const db = deps.database.db;
  const day = moscowDate(deps.clock.now());
  const total = await countPatients(db, clinicId, f, day);
  if (total > EXPORT_MAX_ROWS) {
    throw new AppError(
      'VALIDATION_FAILED',
      `В списке ${total} строк, в файл помещается до ${EXPORT_MAX_ROWS}. Выберите программу или период`,
    );
  }
  const rows = await loadPatients(db, clinicId, f, day, { limit: EXPORT_MAX_ROWS, offset: 0 });
  const content = await writeTable(
    format,
    'Прикреплённые',
    HEADER,
    rows.map((p) => [
      p.fullName,
      ruDate(p.birthDate),
      p.policyNumber,
      p.program.name,
      p.insurerName,
      ruDate(p.attachedOn),
      p.detachedOn ? ruDate(p.detachedOn) : '',
      p.state === 'attached' ? 'прикреплён' : 'откреплён',
    ]),
  );
  await writeAudit(db, deps.clock, actor, {
    action: 'clinic.patients_exported',
    entityType: 'clinic',
    entityId: clinicId,
    after: { format, filter: f, rows: rows.length },
  });
  return { content, fileName: `prikreplennye-${day}.${format}` };
}
