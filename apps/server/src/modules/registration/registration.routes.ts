import {
  completeRegistrationSchema,
  consentTextSchema,
  requestCodeSchema,
  sessionResponseSchema,
  verifyCodeResponseSchema,
  verifyCodeSchema,
} from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { sendSession } from '../../platform/http.ts';
import { errorResponses } from '../../platform/schemas.ts';
import { completeRegistration } from './complete-registration.ts';
import { consentTexts } from './consent-texts.ts';
import { requestRegistrationCode } from './request-registration-code.ts';
import { verifyRegistrationCode } from './verify-registration-code.ts';

const tags = ['onboarding'];

/** An insured person's registration from the invitation: phone, one-time code, password, consents. */
export function registrationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/onboarding/consents',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Тексты согласий с версиями',
          response: { 200: z.array(consentTextSchema) },
        },
      },
      async () => consentTexts(),
    );
    app.post(
      '/api/onboarding/code',
      {
        config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } },
        schema: {
          tags,
          summary: 'Отправить SMS-код для регистрации (ответ одинаков, есть номер в списке или нет)',
          body: requestCodeSchema,
          response: { 200: z.object({ message: z.string() }), ...errorResponses },
        },
      },
      async (req) => {
        await requestRegistrationCode(deps, req.body.phone);
        return {
          message:
            'Если номер есть в списке застрахованных, мы отправили SMS с кодом. Код действует 10 минут.',
        };
      },
    );
    app.post(
      '/api/onboarding/verify',
      {
        config: { access: 'public', rateLimit: { max: 20, timeWindow: '10 minutes' } },
        schema: {
          tags,
          summary: 'Проверить код из SMS',
          body: verifyCodeSchema,
          response: { 200: verifyCodeResponseSchema, ...errorResponses },
        },
      },
      (req) => verifyRegistrationCode(deps, req.body.phone, req.body.code),
    );
    app.post(
      '/api/onboarding/complete',
      {
        config: { access: 'public', rateLimit: { max: 20, timeWindow: '10 minutes' } },
        schema: {
          tags,
          summary: 'Задать пароль, принять согласия и войти',
          body: completeRegistrationSchema,
          response: { 200: sessionResponseSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        const session = await completeRegistration(deps, req.actor, req.body, {
          userAgent: req.headers['user-agent'] ?? null,
        });
        return sendSession(req, reply, deps.config.cookieSecure, session);
      },
    );
  };
}
