import {
  CONSENT_TEXTS,
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
import { setSessionCookie } from '../../platform/http.ts';
import { errorResponses } from '../../platform/schemas.ts';
import type { OnboardingService } from './onboarding.service.ts';

const tags = ['onboarding'];

export function onboardingRoutes(deps: AppDeps, onboarding: OnboardingService): FastifyPluginAsyncZod {
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
      async () =>
        (
          Object.entries(CONSENT_TEXTS) as [
            keyof typeof CONSENT_TEXTS,
            (typeof CONSENT_TEXTS)[keyof typeof CONSENT_TEXTS],
          ][]
        ).map(([kind, c]) => ({ kind, ...c })),
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
        await onboarding.requestCode(req.body.phone);
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
      (req) => onboarding.verifyCode(req.body.phone, req.body.code),
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
        const r = await onboarding.complete(req.actor, req.body, {
          userAgent: req.headers['user-agent'] ?? null,
        });
        setSessionCookie(req, reply, deps.config.cookieSecure, r);
        return { user: r.user, expiresAt: r.expiresAt.toISOString() };
      },
    );
  };
}
