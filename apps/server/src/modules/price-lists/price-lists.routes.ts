import {
  createPriceListDraftSchema,
  priceListDiffSchema,
  priceListOverviewSchema,
  priceListRowSchema,
  priceListVersionDetailSchema,
  priceRowInputSchema,
  publishPriceListSchema,
  type Role,
} from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clinicParamsSchema } from '../../platform/clinic-access.ts';
import { AppError } from '../../platform/errors.ts';
import { errorResponses, okResponseSchema } from '../../platform/schemas.ts';
import { receiveUpload } from '../../platform/tables/receive-upload.ts';
import { PRICE_LIST_LIMITS } from './price-list-files.ts';
import type { PriceListImportService } from './price-list-import.service.ts';
import type { PriceListsService } from './price-lists.service.ts';

/** Clinic staff for their own clinics; the service's administrators for any (assertClinicAccess decides). */
const CABINET: readonly Role[] = ['clinic_user', 'admin'];
const tags = ['price lists'];
const base = '/api/clinics/:clinicId/price-lists';

const versionParams = clinicParamsSchema.extend({ versionId: z.uuid('Неверный идентификатор версии') });
const rowParams = versionParams.extend({ rowId: z.uuid('Неверный идентификатор строки') });
const formatParams = z.object({ format: z.enum(['xlsx', 'csv']) });
const contentTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};
const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\w.-]+/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function priceListsRoutes(
  priceLists: PriceListsService,
  imports: PriceListImportService,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      base,
      {
        config: { access: CABINET },
        schema: {
          tags,
          summary: 'Версии прейскуранта клиники: действующая, запланированные, черновики и история',
          params: clinicParamsSchema,
          response: { 200: priceListOverviewSchema, ...errorResponses },
        },
      },
      (req) => priceLists.overview(req.actor, req.params.clinicId),
    );

    app.get(
      `${base}/template.:format`,
      {
        config: { access: CABINET },
        schema: {
          tags,
          summary: 'Шаблон прейскуранта: XLSX (лист для заполнения, инструкция, пример) или CSV',
          params: clinicParamsSchema.extend(formatParams.shape),
        },
      },
      async (req, reply) =>
        reply
          .header('content-type', contentTypes[req.params.format])
          .header('content-disposition', attachment(`Шаблон прейскуранта.${req.params.format}`))
          .send(await priceLists.template(req.actor, req.params.clinicId, req.params.format)),
    );

    app.post(
      `${base}/uploads`,
      {
        config: { access: CABINET },
        schema: {
          tags,
          summary:
            'Загрузить прейскурант (multipart: file, XLSX или CSV): создаётся черновик, строки проверяются в фоне. Тот же файл повторно — тот же черновик (200)',
          consumes: ['multipart/form-data'],
          params: clinicParamsSchema,
          response: {
            200: priceListVersionDetailSchema,
            202: priceListVersionDetailSchema,
            ...errorResponses,
            413: errorResponses[400],
          },
        },
      },
      async (req, reply) => {
        const { file } = await receiveUpload(req, PRICE_LIST_LIMITS.maxFileBytes);
        if (!file)
          throw new AppError('VALIDATION_FAILED', 'Выберите файл', { fields: { file: 'Выберите файл' } });
        const { id, created } = await imports.upload(req.actor, req.params.clinicId, file);
        return reply
          .status(created ? 202 : 200)
          .send(await priceLists.get(req.actor, req.params.clinicId, id));
      },
    );

    app.post(
      `${base}/drafts`,
      {
        config: { access: CABINET },
        schema: {
          tags,
          summary: 'Создать черновик для правки в кабинете: пустой или копию версии',
          params: clinicParamsSchema,
          body: createPriceListDraftSchema,
          response: { 201: priceListVersionDetailSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await priceLists.createDraft(req.actor, req.params.clinicId, req.body.fromVersionId ?? null)),
    );

    app.get(
      `${base}/:versionId`,
      {
        config: { access: CABINET },
        schema: {
          tags,
          summary: 'Версия: ход загрузки, итоги и отчёт проверки (первые замечания)',
          params: versionParams,
          response: { 200: priceListVersionDetailSchema, ...errorResponses },
        },
      },
      (req) => priceLists.get(req.actor, req.params.clinicId, req.params.versionId),
    );

    app.delete(
      `${base}/:versionId`,
      {
        config: { access: CABINET },
        schema: {
          tags,
          summary: 'Удалить черновик',
          params: versionParams,
          response: { 200: okResponseSchema, ...errorResponses },
        },
      },
      async (req) => {
        await priceLists.deleteDraft(req.actor, req.params.clinicId, req.params.versionId);
        return { ok: true as const };
      },
    );

    app.get(
      `${base}/:versionId/rows`,
      {
        config: { access: CABINET },
        schema: {
          tags,
          summary: 'Строки версии по страницам, с замечаниями проверки у строк черновика',
          params: versionParams,
          querystring: z.object({
            q: z.string().trim().max(100).optional(),
            filter: z.enum(['all', 'issues']).default('all'),
            limit: z.coerce.number().int().min(1).max(500).default(50),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          response: {
            200: z.object({ items: z.array(priceListRowSchema), total: z.number().int() }),
            ...errorResponses,
          },
        },
      },
      (req) =>
        priceLists.rows(req.actor, req.params.clinicId, req.params.versionId, {
          offset: req.query.offset,
          limit: req.query.limit,
          search: req.query.q,
          filter: req.query.filter,
        }),
    );

    const savedRow = z.object({ row: priceListRowSchema, version: priceListVersionDetailSchema });

    app.post(
      `${base}/:versionId/rows`,
      {
        config: { access: CABINET },
        schema: {
          tags,
          summary: 'Добавить строку в черновик (строка с ошибкой не сохраняется: ошибки по полям)',
          params: versionParams,
          body: priceRowInputSchema,
          response: { 201: savedRow, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await priceLists.saveRow(req.actor, req.params.clinicId, req.params.versionId, null, req.body),
          ),
    );

    app.put(
      `${base}/:versionId/rows/:rowId`,
      {
        config: { access: CABINET },
        schema: {
          tags,
          summary: 'Изменить строку черновика',
          params: rowParams,
          body: priceRowInputSchema,
          response: { 200: savedRow, ...errorResponses },
        },
      },
      (req) =>
        priceLists.saveRow(req.actor, req.params.clinicId, req.params.versionId, req.params.rowId, req.body),
    );

    app.delete(
      `${base}/:versionId/rows/:rowId`,
      {
        config: { access: CABINET },
        schema: {
          tags,
          summary: 'Удалить строку черновика',
          params: rowParams,
          response: { 200: priceListVersionDetailSchema, ...errorResponses },
        },
      },
      (req) => priceLists.deleteRow(req.actor, req.params.clinicId, req.params.versionId, req.params.rowId),
    );

    app.post(
      `${base}/:versionId/publish`,
      {
        config: { access: CABINET },
        schema: {
          tags,
          summary:
            'Опубликовать черновик с даты (не раньше сегодняшней); версия действует до даты следующей опубликованной',
          params: versionParams,
          body: publishPriceListSchema,
          response: { 200: priceListVersionDetailSchema, ...errorResponses },
        },
      },
      (req) =>
        priceLists.publish(req.actor, req.params.clinicId, req.params.versionId, req.body.effectiveFrom),
    );

    app.get(
      `${base}/:versionId/diff`,
      {
        config: { access: CABINET },
        schema: {
          tags,
          summary:
            'Изменения против предыдущей версии: добавленные, удалённые, с новой ценой, переименованные. Для черновика — против версии, действующей накануне даты effectiveFrom (по умолчанию — сегодня)',
          params: versionParams,
          querystring: z.object({ effectiveFrom: z.iso.date().optional() }),
          response: { 200: priceListDiffSchema, ...errorResponses },
        },
      },
      (req) =>
        priceLists.diff(
          req.actor,
          req.params.clinicId,
          req.params.versionId,
          req.query.effectiveFrom ?? null,
        ),
    );

    app.get(
      `${base}/:versionId/download.xlsx`,
      {
        config: { access: CABINET },
        schema: {
          tags,
          summary: 'Версия в XLSX по шаблону (черновик — с замечаниями проверки)',
          params: versionParams,
        },
      },
      async (req, reply) => {
        const { name, content } = await priceLists.download(
          req.actor,
          req.params.clinicId,
          req.params.versionId,
        );
        return reply
          .header('content-type', contentTypes.xlsx)
          .header('content-disposition', attachment(name))
          .send(content);
      },
    );

    app.get(
      `${base}/:versionId/report.:format`,
      {
        config: { access: CABINET },
        schema: {
          tags,
          summary: 'Отчёт проверки: строка, столбец, важность, что не так',
          params: versionParams.extend(formatParams.shape),
        },
      },
      async (req, reply) =>
        reply
          .header('content-type', contentTypes[req.params.format])
          .header('content-disposition', attachment(`Проверка прейскуранта.${req.params.format}`))
          .send(
            await priceLists.report(req.actor, req.params.clinicId, req.params.versionId, req.params.format),
          ),
    );
  };
}
