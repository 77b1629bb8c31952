import {
  createPriceListDraftSchema,
  priceListDiffSchema,
  priceListOverviewSchema,
  priceListVersionDetailSchema,
  publishPriceListSchema,
} from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clinicParamsSchema } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { okResponseSchema } from '../../platform/schemas.ts';
import { compareVersions } from './compare-versions.ts';
import { createDraft } from './create-draft.ts';
import { deleteDraft } from './delete-draft.ts';
import { listVersions } from './list-versions.ts';
import { priceListFilesRoutes } from './price-list-files.routes.ts';
import { base, cabinet, tags, versionParams } from './price-list-http.ts';
import { priceListRowsRoutes } from './price-list-rows.routes.ts';
import { publishPriceList } from './publish-price-list.ts';
import { getVersion } from './version-detail.ts';

/** A clinic's price list versions, from a draft to publication, with their rows and files. */
export function priceListsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(versionRoutes(deps));
    await app.register(publicationRoutes(deps));
    await app.register(priceListRowsRoutes(deps));
    await app.register(priceListFilesRoutes(deps));
  };
}

function versionRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      base,
      endpoint(
        cabinet,
        tags,
        'Версии прейскуранта клиники: действующая, запланированные, черновики и история',
        { params: clinicParamsSchema, response: { 200: priceListOverviewSchema } },
      ),
      (req) => listVersions(deps, req.actor, req.params.clinicId),
    );

    app.post(
      `${base}/drafts`,
      endpoint(cabinet, tags, 'Создать черновик для правки в кабинете: пустой или копию версии', {
        params: clinicParamsSchema,
        body: createPriceListDraftSchema,
        response: { 201: priceListVersionDetailSchema },
      }),
      async (req, reply) =>
        reply
          .status(201)
          .send(await createDraft(deps, req.actor, req.params.clinicId, req.body.fromVersionId ?? null)),
    );

    app.get(
      `${base}/:versionId`,
      endpoint(cabinet, tags, 'Версия: ход загрузки, итоги и отчёт проверки (первые замечания)', {
        params: versionParams,
        response: { 200: priceListVersionDetailSchema },
      }),
      (req) => getVersion(deps, req.actor, req.params.clinicId, req.params.versionId),
    );

    app.delete(
      `${base}/:versionId`,
      endpoint(cabinet, tags, 'Удалить черновик', {
        params: versionParams,
        response: { 200: okResponseSchema },
      }),
      async (req) => {
        await deleteDraft(deps, req.actor, req.params.clinicId, req.params.versionId);
        return { ok: true as const };
      },
    );
  };
}

function publicationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      `${base}/:versionId/publish`,
      endpoint(
        cabinet,
        tags,
        'Опубликовать черновик с даты (не раньше сегодняшней); версия действует до даты следующей опубликованной',
        {
          params: versionParams,
          body: publishPriceListSchema,
          response: { 200: priceListVersionDetailSchema },
        },
      ),
      (req) =>
        publishPriceList(deps, req.actor, req.params.clinicId, req.params.versionId, req.body.effectiveFrom),
    );

    app.get(
      `${base}/:versionId/diff`,
      endpoint(
        cabinet,
        tags,
        'Изменения против предыдущей версии: добавленные, удалённые, с новой ценой, переименованные. Для черновика — против версии, действующей накануне даты effectiveFrom (по умолчанию — сегодня)',
        {
          params: versionParams,
          querystring: z.object({ effectiveFrom: z.iso.date().optional() }),
          response: { 200: priceListDiffSchema },
        },
      ),
      (req) =>
        compareVersions(
          deps,
          req.actor,
          req.params.clinicId,
          req.params.versionId,
          req.query.effectiveFrom ?? null,
        ),
    );
  };
}
