import type { MonthlyReport } from '@remed/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../app/api.ts';

export interface ReportPeriod {
  from: string;
  to: string;
}

const reportUrl = (clinicId: string, p: ReportPeriod, ext = '') =>
  `/api/clinics/${clinicId}/reports/monthly${ext}${queryString({ from: p.from, to: p.to })}`;

export const xlsxUrl = (clinicId: string, p: ReportPeriod) => reportUrl(clinicId, p, '.xlsx');

export const useMonthlyReport = (clinicId: string, period: ReportPeriod) =>
  useQuery({
    queryKey: ['clinics', clinicId, 'reports', 'monthly', period.from, period.to],
    queryFn: () => api.get<MonthlyReport>(reportUrl(clinicId, period)),
    // The old figures stay on screen while a new period loads, instead of a blank page.
    placeholderData: keepPreviousData,
  });

/** The month `n` months before «YYYY-MM». */
export function monthsBefore(m: string, n: number): string {
  const i = Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1 - n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
