import { priceListVersionDetailSchema } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clinicParamsSchema } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { receiveUpload } from '../../platform/receive-upload.ts';
import { errorResponses } from '../../platform/schemas.ts';
import { sendFile } from '../../platform/send-file.ts';
import { checkReport, downloadTemplate, downloadVersion } from './export-price-list.ts';
import { PRICE_LIST_LIMITS } from './price-list-files.ts';
import { base, cabinet, contentTypes, formatParams, tags, versionParams } from './price-list-http.ts';
import { uploadPriceList } from './upload-price-list.ts';
import { getVersion } from './version-detail.ts';

/** Price lists as files: the template, an upload that becomes a draft, a version and its check back. */
export function priceListFilesRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(uploadRoutes(deps));

    app.get(
      `${base}/template.:format`,
      endpoint(cabinet, tags, 'Шаблон прейскуранта: XLSX (лист для заполнения, инструкция, пример) или CSV', {
        params: clinicParamsSchema.extend(formatParams.shape),
      }),
      async (req, reply) =>
        sendFile(reply, {
          fileName: `Шаблон прейскуранта.${req.params.format}`,
          contentType: contentTypes[req.params.format],
          content: await downloadTemplate(req.actor, req.params.clinicId, req.params.format),
        }),
    );

    app.get(
      `${base}/:versionId/download.xlsx`,
      endpoint(cabinet, tags, 'Версия в XLSX по шаблону (черновик — с замечаниями проверки)', {
        params: versionParams,
      }),
      async (req, reply) => {
        const { name, content } = await downloadVersion(
          deps,
          req.actor,
          req.params.clinicId,
          req.params.versionId,
        );
        return sendFile(reply, { fileName: name, contentType: contentTypes.xlsx, content });
      },
    );

    app.get(
      `${base}/:versionId/report.:format`,
      endpoint(cabinet, tags, 'Отчёт проверки: строка, столбец, важность, что не так', {
        params: versionParams.extend(formatParams.shape),
      }),
      async (req, reply) =>
        sendFile(reply, {
          fileName: `Проверка прейскуранта.${req.params.format}`,
          contentType: contentTypes[req.params.format],
          content: await checkReport(
            deps,
            req.actor,
            req.params.clinicId,
            req.params.versionId,
            req.params.format,
          ),
        }),
    );
  };
}

/** A file that becomes a draft: its rows are read and checked by a job, whose progress the version shows. */
function uploadRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      `${base}/uploads`,
      endpoint(
        cabinet,
        tags,
        'Загрузить прейскурант (multipart: file, XLSX или CSV): создаётся черновик, строки проверяются в фоне. Тот же файл повторно — тот же черновик (200)',
        {
          consumes: ['multipart/form-data'],
          params: clinicParamsSchema,
          response: {
            200: priceListVersionDetailSchema,
            202: priceListVersionDetailSchema,
            413: errorResponses[400],
          },
        },
      ),
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
