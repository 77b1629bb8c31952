import {
  documentFilterSchema,
  edoClinicSchema,
  edoDocumentViewSchema,
  historyEventSchema,
  historyFilterSchema,
  rejectDocumentSchema,
  uploadDocumentSchema,
} from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clinicParamsSchema } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { AppError } from '../../platform/errors.ts';
import { receiveUpload } from '../../platform/receive-upload.ts';
import { errorResponses } from '../../platform/schemas.ts';
import { CABINET, itemParams, SERVICE, sendEdoFile, tags } from './edo-http.ts';
import { ACCEPTED_FILES } from './file-kind.ts';
import { downloadDocument, openDocument } from './open-document.ts';
import {
  allHistory,
  clinicHistory,
  documentSignatureSheet,
  edoClinics,
  listAllDocuments,
  listClinicDocuments,
} from './read-documents.ts';
import { rejectDocument } from './reject-document.ts';
import { sendDocument } from './send-document.ts';
import { documentSigning } from './sign-document.ts';
import { signatureRoutes } from './signature.routes.ts';

/** Acts, registries, reports and letters exchanged between the service and a clinic, and their history. */
export function edoRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(documentRoutes(deps));
    await app.register(answerRoutes(deps));
    await app.register(historyRoutes(deps));
  };
}

/** Sending a document and opening it. */
function documentRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/clinics/:clinicId/documents',
      endpoint({ access: CABINET }, tags, 'Документы клиники: фильтры по типу, состоянию, периоду и тексту', {
        params: clinicParamsSchema,
        querystring: documentFilterSchema.omit({ clinicId: true }),
        response: { 200: z.array(edoDocumentViewSchema) },
      }),
      (req) => listClinicDocuments(deps, req.actor, req.params.clinicId, req.query),
    );
    app.post(
      '/api/clinics/:clinicId/documents',
      endpoint(
        { access: CABINET },
        tags,
        `Отправить документ другой стороне (multipart: file — ${ACCEPTED_FILES}; type, number, documentDate, periodFrom, periodTo, comment)`,
        {
          consumes: ['multipart/form-data'],
          params: clinicParamsSchema,
          response: { 201: edoDocumentViewSchema, 413: errorResponses[400] },
        },
      ),
      async (req, reply) => {
        const form = await receiveUpload(req, { field: 'file', maxBytes: deps.config.edoMaxFileBytes });
        const [file] = form.files;
        const meta = uploadDocumentSchema.safeParse(
          Object.fromEntries(Object.entries(form.fields).filter(([, v]) => v.trim() !== '')),
        );
        const problems: Record<string, string> = {};
        if (!meta.success) for (const i of meta.error.issues) problems[i.path.join('.') || '_'] ??= i.message;
        if (!file) problems.file = 'Выберите файл';
        if (!meta.success || !file) throw new AppError('VALIDATION_FAILED', undefined, { fields: problems });
        return reply
          .status(201)
          .send(await sendDocument(deps, req.actor, req.params.clinicId, meta.data, file));
      },
    );
    app.get(
      '/api/clinics/:clinicId/documents/:id',
      endpoint(
        { access: CABINET },
        tags,
        'Документ; первое открытие другой стороной отмечает его полученным',
        { params: itemParams, response: { 200: edoDocumentViewSchema } },
      ),
      (req) => openDocument(deps, req.actor, req.params.clinicId, req.params.id),
    );
    app.get(
      '/api/clinics/:clinicId/documents/:id/file',
      endpoint({ access: CABINET }, tags, 'Файл документа как он был загружен', { params: itemParams }),
      async (req, reply) =>
        sendEdoFile(reply, await downloadDocument(deps, req.actor, req.params.clinicId, req.params.id)),
    );
  };
}

/** The counterpart's answer: a signature by one-time code, or a refusal with its reason. */
function answerRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/clinics/:clinicId/documents/:id/signed.pdf',
      endpoint({ access: CABINET }, tags, 'Лист подписания документа (PDF)', { params: itemParams }),
      async (req, reply) =>
        sendEdoFile(reply, await documentSignatureSheet(deps, req.actor, req.params.clinicId, req.params.id)),
    );
    await app.register(
      signatureRoutes(deps, 'documents', documentSigning, edoDocumentViewSchema, {
        code: 'Прислать одноразовый код для подписи документа',
        sign: 'Подписать документ простой электронной подписью',
      }),
    );
    app.post(
      '/api/clinics/:clinicId/documents/:id/reject',
      endpoint({ access: CABINET }, tags, 'Отклонить документ с причиной', {
        params: itemParams,
        body: rejectDocumentSchema,
        response: { 200: edoDocumentViewSchema },
      }),
      (req) => rejectDocument(deps, req.actor, req.params.clinicId, req.params.id, req.body.reason),
    );
  };
}

/** Who did what with contracts and documents, for a clinic and, over every clinic, for the service. */
function historyRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/clinics/:clinicId/edo-history',
      endpoint({ access: CABINET }, tags, 'История действий с договорами и документами клиники', {
        params: clinicParamsSchema,
        querystring: historyFilterSchema.omit({ clinicId: true }),
        response: { 200: z.array(historyEventSchema) },
      }),
      (req) => clinicHistory(deps, req.actor, req.params.clinicId, req.query),
    );

    app.get(
      '/api/edo/clinics',
      endpoint({ access: SERVICE }, tags, 'Клиники для фильтра', {
        response: { 200: z.array(edoClinicSchema) },
      }),
      () => edoClinics(deps),
    );
    app.get(
      '/api/edo/documents',
      endpoint({ access: SERVICE }, tags, 'Документы всех клиник', {
        querystring: documentFilterSchema,
        response: { 200: z.array(edoDocumentViewSchema) },
      }),
      (req) => listAllDocuments(deps, req.actor, req.query),
    );
    app.get(
      '/api/edo/history',
      endpoint({ access: SERVICE }, tags, 'История действий по всем клиникам', {
        querystring: historyFilterSchema,
        response: { 200: z.array(historyEventSchema) },
      }),
      (req) => allHistory(deps, req.query),
    );
  };
}
