import { Readable } from 'node:stream';
import { auditEntrySchema, auditQuerySchema, pageOf } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { sendFile } from '../../platform/send-file.ts';
import { exportAuditCsv } from './export-audit-csv.ts';
import { listAuditEntries } from './list-audit-entries.ts';

const tags = ['admin: audit'];

export function auditRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/audit',
      endpoint({ access: ['admin'] }, tags, 'Журнал аудита', {
        querystring: auditQuerySchema,
        response: { 200: pageOf(auditEntrySchema) },
      }),
      (req) => listAuditEntries(deps, req.actor, req.query),
    );
    app.get(
      '/api/admin/audit.csv',
      endpoint({ access: ['admin'] }, tags, 'Журнал аудита в CSV (те же фильтры)', {
        querystring: auditQuerySchema.omit({ limit: true, offset: true }),
      }),
      (req, reply) =>
        sendFile(reply, {
          fileName: `audit-${new Date().toISOString().slice(0, 10)}.csv`,
          contentType: 'text/csv; charset=utf-8',
          content: Readable.from(exportAuditCsv(deps, req.actor, req.query)),
        }),
    );
  };
}
