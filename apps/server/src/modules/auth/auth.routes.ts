import {
  changePasswordRequestSchema,
  csrfResponseSchema,
  loginRequestSchema,
  loginResponseSchema,
  secondFactorLoginRequestSchema,
  sessionResponseSchema,
} from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/deps.ts';
import { isSecureRequest, SESSION_COOKIE, setSessionCookie } from '../../platform/http.ts';
import { errorResponses, okResponseSchema } from '../../platform/schemas.ts';
import type { AuthService } from './auth.service.ts';
import { PENDING_LOGIN_COOKIE } from './pending-login.ts';

export function authRoutes(deps: AppDeps, auth: AuthService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/auth/csrf',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'CSRF-токен для запросов из браузера',
          response: { 200: csrfResponseSchema },
        },
      },
      async (_req, reply) => ({ csrfToken: reply.generateCsrf() }),
    );

    app.post(
      '/api/auth/login',
      {
        config: {
          access: 'public',
          rateLimit: { max: deps.config.login.ratePerMinute, timeWindow: '1 minute' },
        },
        schema: {
          tags: ['auth'],
          summary: 'Вход по e-mail или телефону и паролю',
          body: loginRequestSchema,
          response: { 200: loginResponseSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        const result = await auth.login(req.body, req.actor, {
          userAgent: req.headers['user-agent'] ?? null,
        });
        if (result.kind === 'second_factor') {
          reply.setCookie(PENDING_LOGIN_COOKIE, result.token, {
            path: '/api/auth/login',
            httpOnly: true,
            sameSite: 'strict',
            secure: isSecureRequest(req, deps.config.cookieSecure),
            expires: result.expiresAt,
          });
          return { secondFactorRequired: true as const, expiresAt: result.expiresAt.toISOString() };
        }
        setSessionCookie(req, reply, deps.config.cookieSecure, result);
        return { user: result.user, expiresAt: result.expiresAt.toISOString() };
      },
    );

    app.post(
      '/api/auth/login/second-factor',
      {
        config: {
          access: 'public',
          rateLimit: { max: deps.config.login.ratePerMinute, timeWindow: '1 minute' },
        },
        schema: {
          tags: ['auth'],
          summary: 'Второй шаг входа: код из приложения-аутентификатора или резервный код',
          body: secondFactorLoginRequestSchema,
          response: { 200: sessionResponseSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        const result = await auth.completeSecondFactor(
          req.cookies[PENDING_LOGIN_COOKIE],
          req.body.code,
          req.actor,
        );
        reply.clearCookie(PENDING_LOGIN_COOKIE, { path: '/api/auth/login' });
        setSessionCookie(req, reply, deps.config.cookieSecure, result);
        return { user: result.user, expiresAt: result.expiresAt.toISOString() };
      },
    );

    app.post(
      '/api/auth/logout',
      {
        config: { access: 'public' },
        schema: { tags: ['auth'], summary: 'Выход', response: { 200: okResponseSchema } },
      },
      async (req, reply) => {
        const token = req.cookies[SESSION_COOKIE];
        if (token) await auth.logout(token, req.actor);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/api/auth/session',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['auth'],
          summary: 'Текущий пользователь',
          response: { 200: sessionResponseSchema, ...errorResponses },
        },
      },
      async (req) => ({
        user: req.user!,
        expiresAt: (req.sessionExpiresAt ?? new Date(Date.now() + 3600_000)).toISOString(),
      }),
    );

    app.post(
      '/api/auth/password',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['auth'],
          summary: 'Смена пароля',
          body: changePasswordRequestSchema,
          response: { 200: okResponseSchema, ...errorResponses },
        },
      },
      async (req) => {
        await auth.changePassword(req.actor, req.sessionId, req.body);
        return { ok: true as const };
      },
    );
  };
}
