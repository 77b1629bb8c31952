import { type MonthlyReport, moscowDate, REPORT_MAX_MONTHS } from '@remed/core';
import type { Actor } from '../../platform/actor.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { requireClinic } from '../rating/rating.queries.ts';
import { monthlyFigures } from './reports.queries.ts';

export type ReportQuery = { from?: string | undefined; to?: string | undefined };

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthOf = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

/** The months asked for; by default the last twelve, up to the current (Moscow) month. */
function period(query: ReportQuery, now: Date): string[] {
  const to = query.to ?? moscowDate(now).slice(0, 7);
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

/** The clinic's figures by month for the cabinet. */
export async function monthlyReport(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  actor: Actor,
  clinicId: string,
  query: ReportQuery,
): Promise<MonthlyReport> {
  assertClinicAccess(actor, clinicId);
  const db = deps.database.db;
  const clinic = await requireClinic(db, clinicId);
  const months = period(query, deps.clock.now());
  const figures = await monthlyFigures(db, clinicId, months);
  return {
    clinic: { id: clinic.id, name: clinic.shortName },
    from: months[0]!,
    to: months.at(-1)!,
    ...figures,
  };
}
