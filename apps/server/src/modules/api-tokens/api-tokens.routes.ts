import type { Role } from '@remed/core';
import { apiTokenViewSchema, createApiTokenRequestSchema, createApiTokenResponseSchema } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { idParamsSchema, okResponseSchema } from '../../platform/schemas.ts';
import { createToken } from './create-token.ts';
import { listTokens } from './list-tokens.ts';
import { revokeToken } from './revoke-token.ts';

/** Integrations are run by organisations and staff; insured people use the app. */
const INTEGRATORS: readonly Role[] = [
  'admin',
  'insurer_user',
  'clinic_user',
  'policyholder_user',
  'console_doctor',
  'oms_rep',
];
const tags = ['api tokens'];

/** Personal API tokens for integrations: shown once, stored as SHA-256, revocable. */
export function apiTokensRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/tokens',
      endpoint({ access: INTEGRATORS }, tags, 'Мои API-токены', {
        response: { 200: z.array(apiTokenViewSchema) },
      }),
      (req) => listTokens(deps, req.actor),
    );
    app.post(
      '/api/tokens',
      endpoint({ access: INTEGRATORS }, tags, 'Выпустить API-токен (секрет показывается один раз)', {
        body: createApiTokenRequestSchema,
        response: { 201: createApiTokenResponseSchema },
      }),
      async (req, reply) => reply.status(201).send(await createToken(deps, req.actor, req.body.name)),
    );
    app.delete(
      '/api/tokens/:id',
      endpoint({ access: INTEGRATORS }, tags, 'Отозвать API-токен', {
        params: idParamsSchema,
        response: { 200: okResponseSchema },
      }),
      async (req) => {
        await revokeToken(deps, req.actor, req.params.id);
        return { ok: true as const };
      },
    );
  };
}
