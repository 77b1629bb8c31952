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
import { errorResponses, idParamsSchema, okResponseSchema } from '../../platform/schemas.ts';
import type { UsersService } from './users.service.ts';

const admin = { access: ['admin'] as const };
const tags = ['admin: users'];

export function usersRoutes(users: UsersService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/users',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Пользователи',
          querystring: userListQuerySchema,
          response: { 200: pageOf(userViewSchema), ...errorResponses },
        },
      },
      (req) => users.list(req.query),
    );
    app.get(
      '/api/admin/users/:id',
      {
        config: admin,
        schema: { tags, params: idParamsSchema, response: { 200: userViewSchema, ...errorResponses } },
      },
      (req) => users.get(req.params.id),
    );
    app.post(
      '/api/admin/users',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Создать пользователя',
          body: createUserRequestSchema,
          response: { 201: userViewSchema, ...errorResponses },
        },
      },
      async (req, reply) => reply.status(201).send(await users.create(req.actor, req.body)),
    );
    app.patch(
      '/api/admin/users/:id',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Изменить пользователя: данные, роли, организации, блокировка',
          params: idParamsSchema,
          body: updateUserRequestSchema,
          response: { 200: userViewSchema, ...errorResponses },
        },
      },
      (req) => users.update(req.actor, req.params.id, req.body),
    );
    app.post(
      '/api/admin/users/:id/reset-password',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Задать временный пароль (пользователь сменит его при входе)',
          params: idParamsSchema,
          body: resetPasswordRequestSchema,
          response: { 200: okResponseSchema, ...errorResponses },
        },
      },
      async (req) => {
        await users.resetPassword(req.actor, req.params.id, req.body.password);
        return { ok: true as const };
      },
    );
    app.get(
      '/api/admin/organisations',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Клиники, страховщики, страхователи для привязки',
          response: { 200: organisationsResponseSchema },
        },
      },
      () => users.organisations(),
    );
  };
}
