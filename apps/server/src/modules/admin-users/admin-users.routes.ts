import {
  createUserRequestSchema,
  organisationsResponseSchema,
  pageOf,
  resetPasswordRequestSchema,
  updateUserRequestSchema,
  userListQuerySchema,
  userViewSchema,
} from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { idParamsSchema, okResponseSchema } from '../../platform/schemas.ts';
import { createUser } from './create-user.ts';
import { getUser } from './get-user.ts';
import { listOrganisations } from './list-organisations.ts';
import { listUsers } from './list-users.ts';
import { resetUserPassword } from './reset-user-password.ts';
import { updateUser } from './update-user.ts';

const config = { access: ['admin'] as const };
const tags = ['admin: users'];

/** The administrator's user accounts: who they are, their roles and organisations, blocking, passwords. */
export function adminUsersRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(userReadRoutes(deps));
    await app.register(userWriteRoutes(deps));
  };
}

function userReadRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/users',
      endpoint(config, tags, 'Пользователи', {
        querystring: userListQuerySchema,
        response: { 200: pageOf(userViewSchema) },
      }),
      (req) => listUsers(deps, req.query),
    );
    app.get(
      '/api/admin/users/:id',
      endpoint(config, tags, 'Пользователь', { params: idParamsSchema, response: { 200: userViewSchema } }),
      (req) => getUser(deps, req.params.id),
    );
    app.get(
      '/api/admin/organisations',
      endpoint(config, tags, 'Клиники, страховщики, страхователи для привязки', {
        response: { 200: organisationsResponseSchema },
      }),
      () => listOrganisations(deps),
    );
  };
}

function userWriteRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/admin/users',
      endpoint(config, tags, 'Создать пользователя', {
        body: createUserRequestSchema,
        response: { 201: userViewSchema },
      }),
      async (req, reply) => reply.status(201).send(await createUser(deps, req.actor, req.body)),
    );
    app.patch(
      '/api/admin/users/:id',
      endpoint(config, tags, 'Изменить пользователя: данные, роли, организации, блокировка', {
        params: idParamsSchema,
        body: updateUserRequestSchema,
        response: { 200: userViewSchema },
      }),
      (req) => updateUser(deps, req.actor, req.params.id, req.body),
    );
    app.post(
      '/api/admin/users/:id/reset-password',
      endpoint(config, tags, 'Задать временный пароль (пользователь сменит его при входе)', {
        params: idParamsSchema,
        body: resetPasswordRequestSchema,
        response: { 200: okResponseSchema },
      }),
      async (req) => {
        await resetUserPassword(deps, req.actor, req.params.id, req.body.password);
        return { ok: true as const };
      },
    );
  };
}
