import { clinicNetworkAddSchema, clinicRequisitesSchema, clinicRequisitesViewSchema } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clinicCabinet, clinicParamsSchema } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { addToNetwork } from './add-to-network.ts';
import { clinicRegistrationRoutes } from './clinic-registration.routes.ts';
import { clinicRequisites } from './clinic-requisites.ts';
import { updateRequisites } from './update-requisites.ts';

const tags = ['clinic cabinet'];

/** Clinics: self-registration, a network's next legal entity, and each clinic's requisites. */
export function clinicsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(clinicRegistrationRoutes(deps));
    await app.register(requisitesRoutes(deps));
  };
}

function requisitesRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/clinics',
      endpoint({ access: ['clinic_user'] }, tags, 'Добавить в свою сеть ещё одно юридическое лицо', {
        body: clinicNetworkAddSchema,
        response: { 200: clinicRequisitesViewSchema },
      }),
      (req) => addToNetwork(deps, req.actor, req.body, { userAgent: req.headers['user-agent'] ?? null }),
    );
    app.get(
      '/api/clinics/:clinicId/requisites',
      endpoint(clinicCabinet, tags, 'Реквизиты клиники', {
        params: clinicParamsSchema,
        response: { 200: clinicRequisitesViewSchema },
      }),
      (req) => clinicRequisites(deps, req.actor, req.params.clinicId),
    );
    app.put(
      '/api/clinics/:clinicId/requisites',
      endpoint(clinicCabinet, tags, 'Изменить реквизиты клиники (ИНН не меняется)', {
        params: clinicParamsSchema,
        body: clinicRequisitesSchema,
        response: { 200: clinicRequisitesViewSchema },
      }),
      (req) => updateRequisites(deps, req.actor, req.params.clinicId, req.body),
    );
  };
}
