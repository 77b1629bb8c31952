import {
  CONTRACT_STATUSES,
  cancelContractSchema,
  clinicContractsSchema,
  contractViewSchema,
  createSupplementSchema,
  documentFilterSchema,
  edoClinicSchema,
  edoDocumentViewSchema,
  historyEventSchema,
  historyFilterSchema,
  type Role,
  rejectDocumentSchema,
  signatureCodeRequestSchema,
  signatureCodeResponseSchema,
  signRequestSchema,
  uploadDocumentSchema,
} from '@remed/core';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clinicParamsSchema } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { errorResponses } from '../../platform/schemas.ts';
import type { ContractsService } from './contracts.service.ts';
import type { DocumentsService } from './documents.service.ts';
import { ACCEPTED_FILES } from './file-kind.ts';

/** The clinic's own staff and the service's contracts department (admins) work in the same cabinet. */
const CABINET: readonly Role[] = ['admin', 'clinic_user'];
const SERVICE: readonly Role[] = ['admin'];
const tags = ['clinic contracts and documents'];

const itemParams = clinicParamsSchema.extend({ id: z.uuid('Неверный идентификатор') });

function sendFile(
  reply: FastifyReply,
  file: { fileName: string; content: Buffer; contentType?: string },
  sha256?: string,
) {
  if (sha256) reply.header('x-document-sha256', sha256);
  return reply
    .header('content-type', file.contentType ?? 'application/pdf')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('cache-control', 'private, no-store')
    .send(file.content);
}

export function edoRoutes(
  deps: AppDeps,
  contracts: ContractsService,
  documents: DocumentsService,
): FastifyPluginAsyncZod {
  return async (app) => {
    // ---- contracts and supplementary agreements ----
    app.get(
      '/api/clinics/:clinicId/contracts',
      {
        config: { access: CABINET },
        schema: {
          tags,
          summary: 'Договор клиники и дополнительные соглашения; каких реквизитов не хватает',
          params: clinicParamsSchema,
          response: { 200: clinicContractsSchema, ...errorResponses },
        },
      },
      (req) => contracts.list(req.actor, req.params.clinicId),
    );
    app.post(
      '/api/clinics/:clinicId/contracts',
      {
        config: { access: CABINET },
        schema: {
          tags,
          summary: 'Сформировать договор по шаблону (сервис — черновик, клиника — сразу на подпись)',
          params: clinicParamsSchema,
          response: { 201: contractViewSchema, ...errorResponses, 422: errorResponses[400] },
        },
      },
      async (req, reply) => reply.status(201).send(await contracts.create(req.actor, req.params.clinicId)),
    );
    app.post(
      '/api/clinics/:clinicId/contracts/:id/supplements',
      {
        config: { access: SERVICE },
        schema: {
          tags,
          summary:
            'Подготовить дополнительное соглашение к подписанному договору (продление, реквизиты, кэшбэк)',
          params: itemParams,
          body: createSupplementSchema,
          response: { 201: contractViewSchema, ...errorResponses, 422: errorResponses[400] },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await contracts.createSupplement(req.actor, req.params.clinicId, req.params.id, req.body)),
    );
    app.get(
      '/api/clinics/:clinicId/contracts/:id',
      {
        config: { access: CABINET },
        schema: { tags, params: itemParams, response: { 200: contractViewSchema, ...errorResponses } },
      },
      (req) => contracts.get(req.actor, req.params.clinicId, req.params.id),
    );
    app.get(
      '/api/clinics/:clinicId/contracts/:id/pdf',
      {
        config: { access: CABINET },
        schema: { tags, summary: 'Документ в PDF — ровно те байты, что подписываются', params: itemParams },
      },
      async (req, reply) => {
        const file = await contracts.pdf(req.actor, req.params.clinicId, req.params.id);
        return sendFile(reply, file, file.sha256);
      },
    );
    app.get(
      '/api/clinics/:clinicId/contracts/:id/signed.pdf',
      {
        config: { access: CABINET },
        schema: { tags, summary: 'Экземпляр с отметками о подписании', params: itemParams },
      },
      async (req, reply) =>
        sendFile(reply, await contracts.signedPdf(req.actor, req.params.clinicId, req.params.id)),
    );
    for (const action of ['send', 'regenerate'] as const)
      app.post(
        `/api/clinics/:clinicId/contracts/:id/${action}`,
        {
          config: { access: SERVICE },
          schema: {
            tags,
            summary:
              action === 'send'
                ? 'Отправить черновик клинике на подпись'
                : 'Сформировать заново с актуальными реквизитами',
            params: itemParams,
            response: { 200: contractViewSchema, ...errorResponses, 422: errorResponses[400] },
          },
        },
        (req) => contracts[action](req.actor, req.params.clinicId, req.params.id),
      );
    app.post(
      '/api/clinics/:clinicId/contracts/:id/cancel',
      {
        config: { access: SERVICE },
        schema: {
          tags,
          summary: 'Отменить неподписанный документ (с причиной)',
          params: itemParams,
          body: cancelContractSchema,
          response: { 200: contractViewSchema, ...errorResponses },
        },
      },
      (req) => contracts.cancel(req.actor, req.params.clinicId, req.params.id, req.body.reason),
    );
    app.post(
      '/api/clinics/:clinicId/contracts/:id/signature-code',
      {
        config: { access: CABINET },
        schema: {
          tags,
          summary: 'Прислать одноразовый код для подписи (SMS или e-mail)',
          params: itemParams,
          body: signatureCodeRequestSchema,
          response: { 200: signatureCodeResponseSchema, ...errorResponses },
        },
      },
      (req) => contracts.requestCode(req.actor, req.params.clinicId, req.params.id, req.body.channel),
    );
    app.post(
      '/api/clinics/:clinicId/contracts/:id/sign',
      {
        config: { access: CABINET },
        schema: {
          tags,
          summary: 'Подписать простой электронной подписью: код и хэш показанного PDF',
          params: itemParams,
          body: signRequestSchema,
          response: { 200: contractViewSchema, ...errorResponses },
        },
      },
      (req) => contracts.sign(req.actor, req.params.clinicId, req.params.id, req.body),
    );

    // ---- exchanged documents ----
    app.get(
      '/api/clinics/:clinicId/documents',
      {
        config: { access: CABINET },
        schema: {
          tags,
          summary: 'Документы клиники: фильтры по типу, состоянию, периоду и тексту',
          params: clinicParamsSchema,
          querystring: documentFilterSchema.omit({ clinicId: true }),
          response: { 200: z.array(edoDocumentViewSchema), ...errorResponses },
        },
      },
      (req) => documents.list(req.actor, req.params.clinicId, req.query),
    );
    app.post(
      '/api/clinics/:clinicId/documents',
      {
        config: { access: CABINET },
        schema: {
          tags,
          summary: `Отправить документ другой стороне (multipart: file — ${ACCEPTED_FILES}; type, number, documentDate, periodFrom, periodTo, comment)`,
          consumes: ['multipart/form-data'],
          params: clinicParamsSchema,
          response: { 201: edoDocumentViewSchema, ...errorResponses, 413: errorResponses[400] },
        },
      },
      async (req, reply) => {
        const fields: Record<string, string> = {};
        let file: { fileName: string; content: Buffer } | null = null;
        for await (const part of req.parts({ limits: { fileSize: deps.config.edoMaxFileBytes, files: 1 } })) {
          if (part.type === 'file') {
            const mb = deps.config.edoMaxFileBytes / 1024 / 1024;
            const tooLarge = () =>
              new AppError('PAYLOAD_TOO_LARGE', `Файл больше ${mb} МБ`, {
                fields: { file: `Не больше ${mb} МБ` },
              });
            const content = await part.toBuffer().catch((e: { code?: string }) => {
              throw e.code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge() : e;
            });
            if (part.file.truncated) throw tooLarge();
            file = { fileName: part.filename, content };
          } else if (typeof part.value === 'string' && part.value.trim() !== '') {
            fields[part.fieldname] = part.value;
          }
        }
        const meta = uploadDocumentSchema.safeParse(fields);
        const problems: Record<string, string> = {};
        if (!meta.success) for (const i of meta.error.issues) problems[i.path.join('.') || '_'] ??= i.message;
        if (!file) problems.file = 'Выберите файл';
        if (!meta.success || !file)
          throw new AppError('VALIDATION_FAILED', 'Проверьте заполнение полей', { fields: problems });
        return reply
          .status(201)
          .send(await documents.upload(req.actor, req.params.clinicId, meta.data, file));
      },
    );
    app.get(
      '/api/clinics/:clinicId/documents/:id',
      {
        config: { access: CABINET },
        schema: {
          tags,
          summary: 'Документ; первое открытие другой стороной отмечает его полученным',
          params: itemParams,
          response: { 200: edoDocumentViewSchema, ...errorResponses },
        },
      },
      (req) => documents.get(req.actor, req.params.clinicId, req.params.id),
    );
    app.get(
      '/api/clinics/:clinicId/documents/:id/file',
      {
        config: { access: CABINET },
        schema: { tags, summary: 'Файл документа как он был загружен', params: itemParams },
      },
      async (req, reply) =>
        sendFile(reply, await documents.file(req.actor, req.params.clinicId, req.params.id)),
    );
    app.get(
      '/api/clinics/:clinicId/documents/:id/signed.pdf',
      {
        config: { access: CABINET },
        schema: { tags, summary: 'Лист подписания документа (PDF)', params: itemParams },
      },
      async (req, reply) =>
        sendFile(reply, await documents.signedPdf(req.actor, req.params.clinicId, req.params.id)),
    );
    app.post(
      '/api/clinics/:clinicId/documents/:id/signature-code',
      {
        config: { access: CABINET },
        schema: {
          tags,
          summary: 'Прислать одноразовый код для подписи документа',
          params: itemParams,
          body: signatureCodeRequestSchema,
          response: { 200: signatureCodeResponseSchema, ...errorResponses },
        },
      },
      (req) => documents.requestCode(req.actor, req.params.clinicId, req.params.id, req.body.channel),
    );
    app.post(
      '/api/clinics/:clinicId/documents/:id/sign',
      {
        config: { access: CABINET },
        schema: {
          tags,
          summary: 'Подписать документ простой электронной подписью',
          params: itemParams,
          body: signRequestSchema,
          response: { 200: edoDocumentViewSchema, ...errorResponses },
        },
      },
      (req) => documents.sign(req.actor, req.params.clinicId, req.params.id, req.body),
    );
    app.post(
      '/api/clinics/:clinicId/documents/:id/reject',
      {
        config: { access: CABINET },
        schema: {
          tags,
          summary: 'Отклонить документ с причиной',
          params: itemParams,
          body: rejectDocumentSchema,
          response: { 200: edoDocumentViewSchema, ...errorResponses },
        },
      },
      (req) => documents.reject(req.actor, req.params.clinicId, req.params.id, req.body.reason),
    );
    app.get(
      '/api/clinics/:clinicId/edo-history',
      {
        config: { access: CABINET },
        schema: {
          tags,
          summary: 'История действий с договорами и документами клиники',
          params: clinicParamsSchema,
          querystring: historyFilterSchema.omit({ clinicId: true }),
          response: { 200: z.array(historyEventSchema), ...errorResponses },
        },
      },
      (req) => documents.history(req.actor, req.params.clinicId, req.query),
    );

    // ---- the service's view over every clinic ----
    app.get(
      '/api/edo/clinics',
      {
        config: { access: SERVICE },
        schema: {
          tags,
          summary: 'Клиники для фильтра',
          response: { 200: z.array(edoClinicSchema), ...errorResponses },
        },
      },
      () => documents.clinics(),
    );
    app.get(
      '/api/edo/contracts',
      {
        config: { access: SERVICE },
        schema: {
          tags,
          summary: 'Договоры и соглашения всех клиник',
          querystring: z.object({
            clinicId: z.uuid().optional(),
            status: z.enum(CONTRACT_STATUSES).optional(),
          }),
          response: { 200: z.array(contractViewSchema), ...errorResponses },
        },
      },
      (req) => contracts.listAll(req.actor, req.query),
    );
    app.get(
      '/api/edo/documents',
      {
        config: { access: SERVICE },
        schema: {
          tags,
          summary: 'Документы всех клиник',
          querystring: documentFilterSchema,
          response: { 200: z.array(edoDocumentViewSchema), ...errorResponses },
        },
      },
      (req) => documents.listAll(req.actor, req.query),
    );
    app.get(
      '/api/edo/history',
      {
        config: { access: SERVICE },
        schema: {
          tags,
          summary: 'История действий по всем клиникам',
          querystring: historyFilterSchema,
          response: { 200: z.array(historyEventSchema), ...errorResponses },
        },
      },
      (req) => documents.historyAll(req.query),
    );
  };
}
