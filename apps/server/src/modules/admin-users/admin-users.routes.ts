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
import { errorResponses, idParamsSchema, okResponseSchema } from '../../platform/schemas.ts';
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
      {
        config,
        schema: {
          tags,
          summary: 'Пользователи',
          querystring: userListQuerySchema,
          response: { 200: pageOf(userViewSchema), ...errorResponses },
        },
      },
      (req) => listUsers(deps, req.query),
    );
    app.get(
      '/api/admin/users/:id',
      {
        config,
        schema: { tags, params: idParamsSchema, response: { 200: userViewSchema, ...errorResponses } },
      },
      (req) => getUser(deps, req.params.id),
    );
    app.get(
      '/api/admin/organisations',
      {
        config,
        schema: {
          tags,
          summary: 'Клиники, страховщики, страхователи для привязки',
          response: { 200: organisationsResponseSchema },
        },
      },
      () => listOrganisations(deps),
    );
  };
}

function userWriteRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/admin/users',
      {
        config,
        schema: {
          tags,
          summary: 'Создать пользователя',
          body: createUserRequestSchema,
          response: { 201: userViewSchema, ...errorResponses },
        },
      },
      async (req, reply) => reply.status(201).send(await createUser(deps, req.actor, req.body)),
    );
    app.patch(
      '/api/admin/users/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Изменить пользователя: данные, роли, организации, блокировка',
          params: idParamsSchema,
          body: updateUserRequestSchema,
          response: { 200: userViewSchema, ...errorResponses },
        },
      },
      (req) => updateUser(deps, req.actor, req.params.id, req.body),
    );
    app.post(
      '/api/admin/users/:id/reset-password',
      {
        config,
        schema: {
          tags,
          summary: 'Задать временный пароль (пользователь сменит его при входе)',
          params: idParamsSchema,
          body: resetPasswordRequestSchema,
          response: { 200: okResponseSchema, ...errorResponses },
        },
      },
      async (req) => {
        await resetUserPassword(deps, req.actor, req.params.id, req.body.password);
        return { ok: true as const };
      },
    );
  };
}
