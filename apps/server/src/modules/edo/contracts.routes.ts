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
import { endpoint } from '../../platform/endpoint.ts';
import { errorResponses } from '../../platform/schemas.ts';
import { addSupplementaryAgreement } from './add-supplementary-agreement.ts';
import { contractSteps, stepContract } from './contract-steps.ts';
import { drawUpContract } from './draw-up-contract.ts';
import { CABINET, itemParams, SERVICE, sendEdoFile, tags } from './edo-http.ts';
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
      endpoint(
        { access: CABINET },
        tags,
        'Договор клиники и дополнительные соглашения; каких реквизитов не хватает',
        { params: clinicParamsSchema, response: { 200: clinicContractsSchema } },
      ),
      (req) => listClinicContracts(deps, req.actor, req.params.clinicId),
    );
    app.get(
      '/api/clinics/:clinicId/contracts/:id',
      endpoint({ access: CABINET }, tags, 'Договор с историей подписания', {
        params: itemParams,
        response: { 200: contractViewSchema },
      }),
      (req) => getContract(deps, req.actor, req.params.clinicId, req.params.id),
    );
    app.get(
      '/api/clinics/:clinicId/contracts/:id/pdf',
      endpoint({ access: CABINET }, tags, 'Документ в PDF — ровно те байты, что подписываются', {
        params: itemParams,
      }),
      async (req, reply) => {
        const file = await contractPdf(deps, req.actor, req.params.clinicId, req.params.id);
        return sendEdoFile(reply, file, file.sha256);
      },
    );
    app.get(
      '/api/clinics/:clinicId/contracts/:id/signed.pdf',
      endpoint({ access: CABINET }, tags, 'Экземпляр с отметками о подписании', { params: itemParams }),
      async (req, reply) =>
        sendEdoFile(reply, await signedContractPdf(deps, req.actor, req.params.clinicId, req.params.id)),
    );
    app.get(
      '/api/edo/contracts',
      endpoint({ access: SERVICE }, tags, 'Договоры и соглашения всех клиник', {
        querystring: z.object({
          clinicId: z.uuid().optional(),
          status: z.enum(CONTRACT_STATUSES).optional(),
        }),
        response: { 200: z.array(contractViewSchema) },
      }),
      (req) => listAllContracts(deps, req.actor, req.query),
    );
  };
}

/** Drawing up a contract or an agreement and the service's steps on it before anyone signs. */
function draftingRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/clinics/:clinicId/contracts',
      endpoint(
        { access: CABINET },
        tags,
        'Сформировать договор по шаблону (сервис — черновик, клиника — сразу на подпись)',
        { params: clinicParamsSchema, response: { 201: contractViewSchema, 422: errorResponses[400] } },
      ),
      async (req, reply) =>
        reply.status(201).send(await drawUpContract(deps, req.actor, req.params.clinicId)),
    );
    app.post(
      '/api/clinics/:clinicId/contracts/:id/supplements',
      endpoint(
        { access: SERVICE },
        tags,
        'Подготовить дополнительное соглашение к подписанному договору (продление, реквизиты, кэшбэк)',
        {
          params: itemParams,
          body: createSupplementSchema,
          response: { 201: contractViewSchema, 422: errorResponses[400] },
        },
      ),
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
        endpoint(
          { access: SERVICE },
          tags,
          action === 'send'
            ? 'Отправить черновик клинике на подпись'
            : 'Сформировать заново с актуальными реквизитами',
          { params: itemParams, response: { 200: contractViewSchema, 422: errorResponses[400] } },
        ),
        (req) => stepContract(deps, req.actor, req.params.clinicId, req.params.id, contractSteps[action]),
      );
    app.post(
      '/api/clinics/:clinicId/contracts/:id/cancel',
      endpoint({ access: SERVICE }, tags, 'Отменить неподписанный документ (с причиной)', {
        params: itemParams,
        body: cancelContractSchema,
        response: { 200: contractViewSchema },
      }),
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
