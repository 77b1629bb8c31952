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
import { endpoint } from '../../platform/endpoint.ts';
import { sendSession } from '../../platform/http.ts';
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
      endpoint({ access: 'public' }, tags, 'Тексты согласий с версиями', {
        response: { 200: z.array(consentTextSchema) },
      }),
      async () => consentTexts(),
    );
    app.post(
      '/api/onboarding/code',
      endpoint(
        { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } },
        tags,
        'Отправить SMS-код для регистрации (ответ одинаков, есть номер в списке или нет)',
        { body: requestCodeSchema, response: { 200: z.object({ message: z.string() }) } },
      ),
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
      endpoint(
        { access: 'public', rateLimit: { max: 20, timeWindow: '10 minutes' } },
        tags,
        'Проверить код из SMS',
        { body: verifyCodeSchema, response: { 200: verifyCodeResponseSchema } },
      ),
      (req) => verifyRegistrationCode(deps, req.body.phone, req.body.code),
    );
    app.post(
      '/api/onboarding/complete',
      endpoint(
        { access: 'public', rateLimit: { max: 20, timeWindow: '10 minutes' } },
        tags,
        'Задать пароль, принять согласия и войти',
        { body: completeRegistrationSchema, response: { 200: sessionResponseSchema } },
      ),
      async (req, reply) => {
        const session = await completeRegistration(deps, req.actor, req.body, {
          userAgent: req.headers['user-agent'] ?? null,
        });
        return sendSession(req, reply, deps.config.cookieSecure, session);
      },
    );
  };
}
