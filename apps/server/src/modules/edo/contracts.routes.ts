import {
  CONTRACT_STATUSES,
  cancelContractSchema,
  clinicContractsSchema,
  contractViewSchema,
  createSupplementSchema,
} from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clinicParamsSchema } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { errorResponses } from '../../platform/schemas.ts';
import { addSupplementaryAgreement } from './add-supplementary-agreement.ts';
import { contractSteps, stepContract } from './contract-steps.ts';
import { drawUpContract } from './draw-up-contract.ts';
import { CABINET, itemParams, SERVICE, sendFile, tags } from './edo-http.ts';
import {
  contractPdf,
  getContract,
  listAllContracts,
  listClinicContracts,
  signedContractPdf,
} from './read-contracts.ts';
import { contractSigning } from './sign-contract.ts';
import { signatureRoutes } from './signature.routes.ts';

/** The contract and supplementary agreements between the service and a clinic, signed in the cabinet. */
export function contractsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(readRoutes(deps));
    await app.register(draftingRoutes(deps));
    await app.register(
      signatureRoutes(deps, 'contracts', contractSigning, contractViewSchema, {
        code: 'Прислать одноразовый код для подписи (SMS или e-mail)',
        sign: 'Подписать простой электронной подписью: код и хэш показанного PDF',
      }),
    );
  };
}

/** The clinic's contracts and their PDFs; every clinic's, for the service. */
function readRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
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
      (req) => listClinicContracts(deps, req.actor, req.params.clinicId),
    );
    app.get(
      '/api/clinics/:clinicId/contracts/:id',
      {
        config: { access: CABINET },
        schema: { tags, params: itemParams, response: { 200: contractViewSchema, ...errorResponses } },
      },
      (req) => getContract(deps, req.actor, req.params.clinicId, req.params.id),
    );
    app.get(
      '/api/clinics/:clinicId/contracts/:id/pdf',
      {
        config: { access: CABINET },
        schema: { tags, summary: 'Документ в PDF — ровно те байты, что подписываются', params: itemParams },
      },
      async (req, reply) => {
        const file = await contractPdf(deps, req.actor, req.params.clinicId, req.params.id);
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
        sendFile(reply, await signedContractPdf(deps, req.actor, req.params.clinicId, req.params.id)),
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
      (req) => listAllContracts(deps, req.actor, req.query),
    );
  };
}

/** Drawing up a contract or an agreement and the service's steps on it before anyone signs. */
function draftingRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
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
      async (req, reply) =>
        reply.status(201).send(await drawUpContract(deps, req.actor, req.params.clinicId)),
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
          .send(
            await addSupplementaryAgreement(deps, req.actor, req.params.clinicId, req.params.id, req.body),
          ),
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
        (req) => stepContract(deps, req.actor, req.params.clinicId, req.params.id, contractSteps[action]),
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
      (req) =>
        stepContract(
          deps,
          req.actor,
          req.params.clinicId,
          req.params.id,
          contractSteps.cancel(req.body.reason),
        ),
    );
  };
}
