import {
  changePasswordRequestSchema,
  csrfResponseSchema,
  loginRequestSchema,
  loginResponseSchema,
  secondFactorLoginRequestSchema,
  sessionResponseSchema,
} from '@remed/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { isSecureRequest, SESSION_COOKIE, setSessionCookie } from '../../platform/http.ts';
import { okResponseSchema } from '../../platform/schemas.ts';
import { changePassword } from './change-password.ts';
import { logIn } from './log-in.ts';
import { logOut } from './log-out.ts';
import type { LoginResult } from './open-session.ts';
import { completePendingLogin, PENDING_LOGIN_COOKIE } from './pending-login.ts';

const tags = ['auth'];
const self = { access: 'authenticated' } as const;

/** Signing in (password, then a code when an authenticator is in force), the session, the password. */
export function authRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(loginRoutes(deps));
    await app.register(sessionRoutes(deps));
  };
}

function loginRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const config = {
    access: 'public',
    rateLimit: { max: deps.config.login.ratePerMinute, timeWindow: '1 minute' },
  } as const;
  /** Sets the session cookie and answers with the signed-in user. */
  const signedIn = (req: FastifyRequest, reply: FastifyReply, result: LoginResult) => {
    setSessionCookie(req, reply, deps.config.cookieSecure, result);
    return { user: result.user, expiresAt: result.expiresAt.toISOString() };
  };
  return async (app) => {
    app.get(
      '/api/auth/csrf',
      endpoint({ access: 'public' }, tags, 'CSRF-токен для запросов из браузера', {
        response: { 200: csrfResponseSchema },
      }),
      async (_req, reply) => ({ csrfToken: reply.generateCsrf() }),
    );

    app.post(
      '/api/auth/login',
      endpoint(config, tags, 'Вход по e-mail или телефону и паролю', {
        body: loginRequestSchema,
        response: { 200: loginResponseSchema },
      }),
      async (req, reply) => {
        const result = await logIn(deps, req.actor, req.body, {
          userAgent: req.headers['user-agent'] ?? null,
        });
        if (result.kind === 'session') return signedIn(req, reply, result);
        reply.setCookie(PENDING_LOGIN_COOKIE, result.token, {
          path: '/api/auth/login',
          httpOnly: true,
          sameSite: 'strict',
          secure: isSecureRequest(req, deps.config.cookieSecure),
          expires: result.expiresAt,
        });
        return { secondFactorRequired: true as const, expiresAt: result.expiresAt.toISOString() };
      },
    );

    app.post(
      '/api/auth/login/second-factor',
      endpoint(config, tags, 'Второй шаг входа: код из приложения-аутентификатора или резервный код', {
        body: secondFactorLoginRequestSchema,
        response: { 200: sessionResponseSchema },
      }),
      async (req, reply) => {
        const token = req.cookies[PENDING_LOGIN_COOKIE];
        const result = await completePendingLogin(deps, token, req.body.code, req.actor);
        reply.clearCookie(PENDING_LOGIN_COOKIE, { path: '/api/auth/login' });
        return signedIn(req, reply, result);
      },
    );
  };
}

function sessionRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/auth/logout',
      endpoint({ access: 'public' }, tags, 'Выход', { response: { 200: okResponseSchema } }),
      async (req, reply) => {
        const token = req.cookies[SESSION_COOKIE];
        if (token) await logOut(deps, req.actor, token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/api/auth/session',
      endpoint(self, tags, 'Текущий пользователь', { response: { 200: sessionResponseSchema } }),
      async (req) => ({
        user: req.user!,
        expiresAt: (req.sessionExpiresAt ?? new Date(Date.now() + 3600_000)).toISOString(),
      }),
    );

    app.post(
      '/api/auth/password',
      endpoint(self, tags, 'Смена пароля', {
        body: changePasswordRequestSchema,
        response: { 200: okResponseSchema },
      }),
      async (req) => {
        await changePassword(deps, req.actor, req.sessionId, req.body);
        return { ok: true as const };
      },
    );
  };
}
