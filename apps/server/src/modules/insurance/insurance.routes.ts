import {
  insuredImportViewSchema,
  insuredPersonViewSchema,
  pageOf,
  programViewSchema,
  type Role,
} from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { receiveUpload } from '../../platform/receive-upload.ts';
import { errorResponses, idParamsSchema } from '../../platform/schemas.ts';
import { sendFile } from '../../platform/send-file.ts';
import { getInsuredImport } from './get-insured-import.ts';
import { importErrorReport } from './import-error-report.ts';
import { insuredImportLimits } from './insured-import-limits.ts';
import { insuredTemplate } from './insured-template.ts';
import { listProgramInsured } from './list-program-insured.ts';
import { listPrograms } from './list-programs.ts';
import { TABLE_CONTENT_TYPES } from './table-files.ts';
import { uploadInsuredFile } from './upload-insured-file.ts';

const INSURANCE_STAFF: readonly Role[] = ['admin', 'insurer_user'];
const tags = ['insurance'];
const formatParams = z.object({ format: z.enum(['xlsx', 'csv']) });

/** An insurer's programs, the people they insure, and the uploads of their lists. */
export function insuranceRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(programRoutes(deps));
    await app.register(insuredImportRoutes(deps));
  };
}

function programRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/insurance/programs',
      endpoint(
        { access: [...INSURANCE_STAFF, 'console_doctor'] },
        tags,
        'Программы ДМС (страховщик видит свои)',
        { response: { 200: z.array(programViewSchema) } },
      ),
      (req) => listPrograms(deps, req.actor),
    );

    app.get(
      '/api/insurance/programs/:id/insured',
      endpoint({ access: INSURANCE_STAFF }, tags, 'Застрахованные по программе', {
        params: idParamsSchema,
        querystring: z.object({
          q: z.string().trim().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: pageOf(insuredPersonViewSchema) },
      }),
      (req) => listProgramInsured(deps, req.actor, req.params.id, req.query),
    );
  };
}

function insuredImportRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const limits = insuredImportLimits(deps.config);
  return async (app) => {
    app.get(
      '/api/insurance/insured-template.:format',
      endpoint({ access: INSURANCE_STAFF }, tags, 'Шаблон списка застрахованных (XLSX или CSV)', {
        params: formatParams,
      }),
      async (req, reply) =>
        sendFile(reply, {
          fileName: `insured-template.${req.params.format}`,
          contentType: TABLE_CONTENT_TYPES[req.params.format],
          content: await insuredTemplate(req.params.format),
        }),
    );

    app.post(
      '/api/insurance/programs/:id/imports',
      endpoint(
        { access: INSURANCE_STAFF },
        tags,
        'Загрузить список застрахованных (multipart: file, mode = all_or_nothing | valid_rows). Список заменяет прежний: кого нет в файле, открепляются датой загрузки; detachMissing=false только добавляет и обновляет',
        {
          consumes: ['multipart/form-data'],
          params: idParamsSchema,
          response: { 202: insuredImportViewSchema, 413: errorResponses[400] },
        },
      ),
      async (req, reply) => {
        const { files, fields } = await receiveUpload(req, {
          field: 'file',
          maxBytes: limits.maxFileBytes,
          required: 'Выберите файл',
        });
        const mode = fields.mode === 'valid_rows' ? 'valid_rows' : 'all_or_nothing';
        const detachMissing = fields.detachMissing !== 'false';
        return reply
          .status(202)
          .send(await uploadInsuredFile(deps, req.actor, req.params.id, files[0]!, mode, detachMissing));
      },
    );

    app.get(
      '/api/insurance/imports/:id',
      endpoint({ access: INSURANCE_STAFF }, tags, 'Ход и итог загрузки', {
        params: idParamsSchema,
        response: { 200: insuredImportViewSchema },
      }),
      (req) => getInsuredImport(deps, req.actor, req.params.id),
    );

    app.get(
      '/api/insurance/imports/:id/report.:format',
      endpoint({ access: INSURANCE_STAFF }, tags, 'Отчёт об ошибках загрузки: строка, столбец, ошибка', {
        params: idParamsSchema.extend(formatParams.shape),
      }),
      async (req, reply) =>
        sendFile(reply, {
          fileName: `import-errors.${req.params.format}`,
          contentType: TABLE_CONTENT_TYPES[req.params.format],
          content: await importErrorReport(deps, req.actor, req.params.id, req.params.format),
        }),
    );
  };
}
