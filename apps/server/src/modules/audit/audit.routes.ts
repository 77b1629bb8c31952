import { Readable } from 'node:stream';
import { auditEntrySchema, auditQuerySchema, pageOf } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../platform/schemas.ts';
import type { AuditService } from './audit.service.ts';

const tags = ['admin: audit'];

export function auditRoutes(audit: AuditService): FastifyPluginAsyncZod {
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
      (req) => audit.list(req.query),
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
          .send(Readable.from(audit.csv(req.query))),
    );
  };
}
