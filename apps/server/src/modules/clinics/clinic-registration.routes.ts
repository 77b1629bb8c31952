import {
  clinicRegistrationSchema,
  clinicRegistrationSubmitSchema,
  innAvailabilitySchema,
  registrationCodeResponseSchema,
  sessionResponseSchema,
} from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { sendSession } from '../../platform/http.ts';
import { innAvailability } from './inn-availability.ts';
import { registerClinic } from './register-clinic.ts';
import { requestRegistrationCode } from './request-registration-code.ts';

const tags = ['clinic cabinet'];

/** A clinic's self-registration, open to anyone: the ИНН, the code to the employee's contact, the account. */
export function clinicRegistrationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/clinic-registration/inn/:inn',
      endpoint(
        { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
        tags,
        'Свободен ли ИНН для регистрации клиники',
        {
          params: z.object({ inn: z.string().regex(/^\d{10}(\d{2})?$/, 'ИНН — 10 или 12 цифр') }),
          response: { 200: innAvailabilitySchema },
        },
      ),
      (req) => innAvailability(deps, req.params.inn),
    );
    app.post(
      '/api/clinic-registration/code',
      endpoint(
        { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } },
        tags,
        'Проверить заявку на регистрацию клиники и отправить код подтверждения',
        { body: clinicRegistrationSchema, response: { 200: registrationCodeResponseSchema } },
      ),
      (req) => requestRegistrationCode(deps, req.body),
    );
    app.post(
      '/api/clinic-registration',
      endpoint(
        { access: 'public', rateLimit: { max: 20, timeWindow: '10 minutes' } },
        tags,
        'Зарегистрировать клинику и первого сотрудника по коду подтверждения и войти',
        { body: clinicRegistrationSubmitSchema, response: { 200: sessionResponseSchema } },
      ),
      async (req, reply) => {
        const session = await registerClinic(deps, req.actor, req.body, {
          userAgent: req.headers['user-agent'] ?? null,
        });
        return sendSession(req, reply, deps.config.cookieSecure, session);
      },
    );
  };
}
