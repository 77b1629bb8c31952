import { priceListVersionDetailSchema } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clinicParamsSchema } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { receiveUpload } from '../../platform/receive-upload.ts';
import { errorResponses } from '../../platform/schemas.ts';
import { checkReport, downloadTemplate, downloadVersion } from './export-price-list.ts';
import { PRICE_LIST_LIMITS } from './price-list-files.ts';
import {
  attachment,
  base,
  cabinet,
  contentTypes,
  formatParams,
  tags,
  versionParams,
} from './price-list-http.ts';
import { uploadPriceList } from './upload-price-list.ts';
import { getVersion } from './version-detail.ts';

/** Price lists as files: the template, an upload that becomes a draft, a version and its check back. */
export function priceListFilesRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(uploadRoutes(deps));

    app.get(
      `${base}/template.:format`,
      {
        config: cabinet,
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
          .send(await downloadTemplate(req.actor, req.params.clinicId, req.params.format)),
    );

    app.get(
      `${base}/:versionId/download.xlsx`,
      {
        config: cabinet,
        schema: {
          tags,
          summary: 'Версия в XLSX по шаблону (черновик — с замечаниями проверки)',
          params: versionParams,
        },
      },
      async (req, reply) => {
        const { name, content } = await downloadVersion(
          deps,
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
        config: cabinet,
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
            await checkReport(deps, req.actor, req.params.clinicId, req.params.versionId, req.params.format),
          ),
    );
  };
}

/** A file that becomes a draft: its rows are read and checked by a job, whose progress the version shows. */
function uploadRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      `${base}/uploads`,
      {
        config: cabinet,
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
        const { files } = await receiveUpload(req, {
          field: 'file',
          maxBytes: PRICE_LIST_LIMITS.maxFileBytes,
          required: 'Выберите файл',
        });
        const { id, created } = await uploadPriceList(deps, req.actor, req.params.clinicId, files[0]!);
        return reply
          .status(created ? 202 : 200)
          .send(await getVersion(deps, req.actor, req.params.clinicId, id));
      },
    );
  };
}
