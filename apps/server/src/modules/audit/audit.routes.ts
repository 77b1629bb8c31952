import { Readable } from 'node:stream';
import { auditEntrySchema, auditQuerySchema, pageOf } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/deps.ts';
import { errorResponses } from '../../platform/schemas.ts';
import { exportAuditCsv } from './export-audit-csv.ts';
import { listAuditEntries } from './list-audit-entries.ts';

const tags = ['admin: audit'];

export function auditRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/audit',
      {
        config: { access: ['admin'] },
        schema: {
          tags,
          summary: 'Журнал аудита',
          querystring: auditQuerySchema,
          response: { 200: pageOf(auditEntrySchema), ...errorResponses },
        },
      },
      (req) => listAuditEntries(deps, req.actor, req.query),
    );
    app.get(
      '/api/admin/audit.csv',
      {
        config: { access: ['admin'] },
        schema: {
          tags,
          summary: 'Журнал аудита в CSV (те же фильтры)',
          querystring: auditQuerySchema.omit({ limit: true, offset: true }),
        },
      },
      (req, reply) =>
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
          )
          .send(Readable.from(exportAuditCsv(deps, req.actor, req.query))),
    );
  };
}
