import { type MonthlyReport, moscowDate, REPORT_MAX_MONTHS } from '@remed/core';
import type { Actor } from '../../platform/actor.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { requireClinic } from '../ratings/ratings.queries.ts';
import { reportWorkbook } from './report-xlsx.ts';
import { monthlyFigures } from './reports.queries.ts';

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthOf = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

/** The clinic's figures by month for the cabinet and its XLSX export. */
export function reportsService(deps: AppDeps) {
  const db = deps.database.db;
  const { clock } = deps;

  /** The months asked for; by default the last twelve, up to the current (Moscow) month. */
  function period(query: { from?: string | undefined; to?: string | undefined }): string[] {
    const to = query.to ?? moscowDate(clock.now()).slice(0, 7);
    const from = query.from ?? monthOf(monthIndex(to) - 11);
    const span = monthIndex(to) - monthIndex(from) + 1;
    if (span < 1)
      throw new AppError('VALIDATION_FAILED', 'Начало периода позже его конца', {
        fields: { from: 'Начало периода должно быть не позже конца' },
      });
    if (span > REPORT_MAX_MONTHS)
      throw new AppError('VALIDATION_FAILED', `Период не длиннее ${REPORT_MAX_MONTHS} месяцев`, {
        fields: { from: `Выберите период не длиннее ${REPORT_MAX_MONTHS} месяцев` },
      });
    return Array.from({ length: span }, (_, i) => monthOf(monthIndex(from) + i));
  }

  async function monthly(
    actor: Actor,
    clinicId: string,
    query: { from?: string | undefined; to?: string | undefined },
  ): Promise<MonthlyReport> {
    assertClinicAccess(actor, clinicId);
    const clinic = await requireClinic(db, clinicId);
    const months = period(query);
    const figures = await monthlyFigures(db, clinicId, months);
    return {
      clinic: { id: clinic.id, name: clinic.shortName },
      from: months[0]!,
      to: months.at(-1)!,
      ...figures,
    };
  }

  return {
    monthly,
    async monthlyXlsx(
      actor: Actor,
      clinicId: string,
      query: { from?: string | undefined; to?: string | undefined },
    ) {
      const report = await monthly(actor, clinicId, query);
      return {
        fileName: `report-${report.from}-${report.to}.xlsx`,
        content: await reportWorkbook(report, clock.now()),
      };
    },
  };
}

export type ReportsService = ReturnType<typeof reportsService>;
