import {
  clinicNetworkAddSchema,
  clinicRegistrationSchema,
  clinicRegistrationSubmitSchema,
  clinicRequisitesSchema,
  clinicRequisitesViewSchema,
  innAvailabilitySchema,
  registrationCodeResponseSchema,
  sessionResponseSchema,
} from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clinicParamsSchema } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { setSessionCookie } from '../../platform/http.ts';
import { errorResponses } from '../../platform/schemas.ts';
import type { ClinicRegistrationService } from './clinic-registration.service.ts';
import type { ClinicsService } from './clinics.service.ts';

const tags = ['clinic cabinet'];

export function clinicsRoutes(
  deps: AppDeps,
  clinics: ClinicsService,
  registration: ClinicRegistrationService,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/clinic-registration/inn/:inn',
      {
        config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Свободен ли ИНН для регистрации клиники',
          params: z.object({ inn: z.string().regex(/^\d{10}(\d{2})?$/, 'ИНН — 10 или 12 цифр') }),
          response: { 200: innAvailabilitySchema, ...errorResponses },
        },
      },
      (req) => registration.innAvailable(req.params.inn),
    );
    app.post(
      '/api/clinic-registration/code',
      {
        config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } },
        schema: {
          tags,
          summary: 'Проверить заявку на регистрацию клиники и отправить код подтверждения',
          body: clinicRegistrationSchema,
          response: { 200: registrationCodeResponseSchema, ...errorResponses },
        },
      },
      (req) => registration.requestCode(req.body),
    );
    app.post(
      '/api/clinic-registration',
      {
        config: { access: 'public', rateLimit: { max: 20, timeWindow: '10 minutes' } },
        schema: {
          tags,
          summary: 'Зарегистрировать клинику и первого сотрудника по коду подтверждения и войти',
          body: clinicRegistrationSubmitSchema,
          response: { 200: sessionResponseSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        const r = await registration.register(req.actor, req.body, {
          userAgent: req.headers['user-agent'] ?? null,
        });
        setSessionCookie(req, reply, deps.config.cookieSecure, r);
        return { user: r.user, expiresAt: r.expiresAt.toISOString() };
      },
    );

    app.post(
      '/api/clinics',
      {
        config: { access: ['clinic_user'] },
        schema: {
          tags,
          summary: 'Добавить в свою сеть ещё одно юридическое лицо',
          body: clinicNetworkAddSchema,
          response: { 200: clinicRequisitesViewSchema, ...errorResponses },
        },
      },
      (req) => clinics.addToNetwork(req.actor, req.body, { userAgent: req.headers['user-agent'] ?? null }),
    );
    app.get(
      '/api/clinics/:clinicId/requisites',
      {
        config: { access: ['clinic_user', 'admin'] },
        schema: {
          tags,
          summary: 'Реквизиты клиники',
          params: clinicParamsSchema,
          response: { 200: clinicRequisitesViewSchema, ...errorResponses },
        },
      },
      (req) => clinics.requisites(req.actor, req.params.clinicId),
    );
    app.put(
      '/api/clinics/:clinicId/requisites',
      {
        config: { access: ['clinic_user', 'admin'] },
        schema: {
          tags,
          summary: 'Изменить реквизиты клиники (ИНН не меняется)',
          params: clinicParamsSchema,
          body: clinicRequisitesSchema,
          response: { 200: clinicRequisitesViewSchema, ...errorResponses },
        },
      },
      (req) => clinics.updateRequisites(req.actor, req.params.clinicId, req.body),
    );
  };
}
