import { priceListRowSchema, priceListVersionDetailSchema, priceRowInputSchema } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { deleteDraftRow } from './delete-draft-row.ts';
import { listVersionRows } from './list-version-rows.ts';
import { base, cabinet, rowParams, tags, versionParams } from './price-list-http.ts';
import { saveDraftRow } from './save-draft-row.ts';

const savedRow = z.object({ row: priceListRowSchema, version: priceListVersionDetailSchema });
const rowsQuery = z.object({
  q: z.string().trim().max(100).optional(),
  filter: z.enum(['all', 'issues']).default('all'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** The rows of a version: read by pages, and edited online while it is a draft. */
export function priceListRowsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${base}/:versionId/rows`,
      endpoint(cabinet, tags, 'Строки версии по страницам, с замечаниями проверки у строк черновика', {
        params: versionParams,
        querystring: rowsQuery,
        response: { 200: z.object({ items: z.array(priceListRowSchema), total: z.number().int() }) },
      }),
      (req) =>
        listVersionRows(deps, req.actor, req.params.clinicId, req.params.versionId, {
          offset: req.query.offset,
          limit: req.query.limit,
          search: req.query.q,
          filter: req.query.filter,
        }),
    );

    app.post(
      `${base}/:versionId/rows`,
      endpoint(
        cabinet,
        tags,
        'Добавить строку в черновик (строка с ошибкой не сохраняется: ошибки по полям)',
        { params: versionParams, body: priceRowInputSchema, response: { 201: savedRow } },
      ),
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await saveDraftRow(deps, req.actor, req.params.clinicId, req.params.versionId, null, req.body),
          ),
    );

    app.put(
      `${base}/:versionId/rows/:rowId`,
      endpoint(cabinet, tags, 'Изменить строку черновика', {
        params: rowParams,
        body: priceRowInputSchema,
        response: { 200: savedRow },
      }),
      (req) =>
        saveDraftRow(deps, req.actor, req.params.clinicId, req.params.versionId, req.params.rowId, req.body),
    );

    app.delete(
      `${base}/:versionId/rows/:rowId`,
      endpoint(cabinet, tags, 'Удалить строку черновика', {
        params: rowParams,
        response: { 200: priceListVersionDetailSchema },
      }),
      (req) => deleteDraftRow(deps, req.actor, req.params.clinicId, req.params.versionId, req.params.rowId),
    );
  };
}
