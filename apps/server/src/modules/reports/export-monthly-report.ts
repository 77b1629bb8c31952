import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { monthlyReport, type ReportQuery } from './monthly-report.ts';
import { reportWorkbook } from './report-xlsx.ts';

/** The same report as an XLSX file. */
export async function exportMonthlyReport(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  actor: Actor,
  clinicId: string,
  query: ReportQuery,
) {
  const report = await monthlyReport(deps, actor, clinicId, query);
  return {
    fileName: `report-${report.from}-${report.to}.xlsx`,
    content: await reportWorkbook(report, deps.clock.now()),
  };
}
