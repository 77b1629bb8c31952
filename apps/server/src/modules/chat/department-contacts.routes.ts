import { chatDepartmentSchema, departmentContactSchema, departmentContactViewSchema } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { CHAT_STAFF } from './chat-access.ts';
import { CLINIC, tags } from './chat-http.ts';
import { listDepartmentContacts, saveDepartmentContact } from './department-contacts.ts';

/** Whom a clinic calls in each department of the service; the administrator keeps them. */
export function departmentContactsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/department-contacts',
      endpoint({ access: [...CLINIC, ...CHAT_STAFF] }, tags, 'Контакты отделов сервиса', {
        response: { 200: z.array(departmentContactViewSchema) },
      }),
      () => listDepartmentContacts(deps),
    );
    app.put(
      '/api/admin/department-contacts/:department',
      endpoint({ access: ['admin'] }, tags, 'Изменить контакты отдела', {
        params: z.object({ department: chatDepartmentSchema }),
        body: departmentContactSchema,
        response: { 200: departmentContactViewSchema },
      }),
      (req) => saveDepartmentContact(deps, req.actor, req.params.department, req.body),
    );
  };
}
