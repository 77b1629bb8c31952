import { moscowDate, ruDate } from '@remed/core';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { type TableFormat, writeTable } from '../insurance/table-files.ts';
import {
  clinicPrograms,
  countPatients,
  loadPatients,
  type PatientsFilter,
} from './clinic-patients.queries.ts';

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

/** The clinic's attachment lists: who is attached to it through the programs that include it, and who left. */
export function clinicPatientsService(deps: AppDeps) {
  const { database, clock } = deps;
  const db = database.db;
  const today = () => moscowDate(clock.now());

  return {
    async list(actor: Actor, clinicId: string, q: PatientsFilter & { limit: number; offset: number }) {
      assertClinicAccess(actor, clinicId);
      const day = today();
      const [items, total] = await Promise.all([
        loadPatients(db, clinicId, q, day, q),
        countPatients(db, clinicId, q, day),
      ]);
      return { items, total };
    },

    async programs(actor: Actor, clinicId: string) {
      assertClinicAccess(actor, clinicId);
      return clinicPrograms(db, clinicId);
    },

    /** The same list as a file; an export of personal data is written to the audit log with its filter. */
    async export(actor: Actor, clinicId: string, f: PatientsFilter, format: TableFormat) {
      assertClinicAccess(actor, clinicId);
      const day = today();
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
      await writeAudit(db, clock, actor, {
        action: 'clinic.patients_exported',
        entityType: 'clinic',
        entityId: clinicId,
        after: { format, filter: f, rows: rows.length },
      });
      return { content, fileName: `prikreplennye-${day}.${format}` };
    },
  };
}

export type ClinicPatientsService = ReturnType<typeof clinicPatientsService>;
