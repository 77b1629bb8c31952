import { signatureCodeRequestSchema, signatureCodeResponseSchema, signRequestSchema } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { CABINET, itemParams, tags } from './edo-http.ts';
import type { CodeSigning } from './sign-with-code.ts';

/** Signing by one-time code: the same two routes for contracts and for exchanged documents. */
export function signatureRoutes<V>(
  deps: AppDeps,
  resource: 'contracts' | 'documents',
  signing: CodeSigning<V>,
  view: z.ZodType,
  summaries: { code: string; sign: string },
): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      `/api/clinics/:clinicId/${resource}/:id/signature-code`,
      endpoint({ access: CABINET }, tags, summaries.code, {
        params: itemParams,
        body: signatureCodeRequestSchema,
        response: { 200: signatureCodeResponseSchema },
      }),
      (req) => signing.requestCode(deps, req.actor, req.params.clinicId, req.params.id, req.body.channel),
    );
    app.post(
      `/api/clinics/:clinicId/${resource}/:id/sign`,
      endpoint({ access: CABINET }, tags, summaries.sign, {
        params: itemParams,
        body: signRequestSchema,
        response: { 200: view },
      }),
      (req) => signing.sign(deps, req.actor, req.params.clinicId, req.params.id, req.body),
    );
  };
}
