import { monthlyReportSchema, reportQuerySchema } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clinicParamsSchema } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { sendFile } from '../../platform/send-file.ts';
import { exportMonthlyReport } from './export-monthly-report.ts';
import { monthlyReport } from './monthly-report.ts';

const cabinet = { access: ['clinic_user', 'admin'] as const };
const tags = ['clinic cabinet'];

export function reportsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/clinics/:clinicId/reports/monthly',
      endpoint(cabinet, tags, 'Отчёт по месяцам: пациенты, оплачено, возмещено, кэшбэк', {
        params: clinicParamsSchema,
        querystring: reportQuerySchema,
        response: { 200: monthlyReportSchema },
      }),
      (req) => monthlyReport(deps, req.actor, req.params.clinicId, req.query),
    );
    app.get(
      '/api/clinics/:clinicId/reports/monthly.xlsx',
      endpoint(cabinet, tags, 'Тот же отчёт файлом XLSX', {
        params: clinicParamsSchema,
        querystring: reportQuerySchema,
      }),
      async (req, reply) => {
        const file = await exportMonthlyReport(deps, req.actor, req.params.clinicId, req.query);
        return sendFile(reply, {
          ...file,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        });
      },
    );
  };
}
