import { errorMessage, errorStatus, type SessionUser } from '@remed/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { type Access, checkAccess } from './access.ts';
import type { Actor } from './actor.ts';
import { AppError, isAppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** `false` only for server-to-server callbacks that carry no browser session. */
    csrf?: boolean;
  }
  interface FastifyRequest {
    user: SessionUser | null;
    sessionId: string | null;
    sessionExpiresAt: Date | null;
    authKind: 'session' | 'token' | null;
    actor: Actor;
  }
}

/** Who a session cookie or an API token belongs to; the auth module answers. */
interface Authenticator {
  resolveSession(token: string): Promise<{ user: SessionUser; sessionId: string; expiresAt: Date }>;
  resolveApiToken(secret: string): Promise<SessionUser>;
}

export const SESSION_COOKIE = 'remed_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function setSessionCookie(
  req: FastifyRequest,
  reply: FastifyReply,
  cookieSecure: 'auto' | 'true' | 'false',
  session: { token: string; expiresAt: Date },
) {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecureRequest(req, cookieSecure),
    expires: session.expiresAt,
  });
}

/** Starts a session in the browser: the cookie, and the session as the API answers with it. */
export function sendSession<U>(
  req: FastifyRequest,
  reply: FastifyReply,
  cookieSecure: 'auto' | 'true' | 'false',
  session: { token: string; expiresAt: Date; user: U },
) {
  setSessionCookie(req, reply, cookieSecure, session);
  return { user: session.user, expiresAt: session.expiresAt.toISOString() };
}

export function isSecureRequest(req: FastifyRequest, cookieSecure: 'auto' | 'true' | 'false'): boolean {
  if (cookieSecure === 'true') return true;
  if (cookieSecure === 'false') return false;
  return req.protocol === 'https';
}

/**
 * Authentication, CSRF and access for every route: an /api route that declares no `config.access`
 * stops the server from starting, so no endpoint is open by omission.
 */
export function registerAccessControl(app: FastifyInstance, auth: Authenticator) {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('sessionExpiresAt', null);
  app.decorateRequest('authKind', null);
  app.decorateRequest('actor', null as unknown as Actor);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    if (!route.config?.access)
      throw new Error(`Route ${route.method} ${route.url} does not declare config.access`);
  });

  app.addHook('onRequest', async (req, reply) => {
    req.actor = { user: null, requestId: req.id, ip: req.ip };
    if (!req.url.startsWith('/api/')) return;
    const access = req.routeOptions.config?.access;
    const authz = req.headers.authorization;
    let authError: AppError | null = null;
    if (authz?.startsWith('Bearer ')) {
      req.user = await auth.resolveApiToken(authz.slice(7).trim());
      req.authKind = 'token';
    } else {
      const token = req.cookies[SESSION_COOKIE];
      if (token) {
        try {
          const s = await auth.resolveSession(token);
          req.user = s.user;
          req.sessionId = s.sessionId;
          req.sessionExpiresAt = s.expiresAt;
          req.authKind = 'session';
        } catch (e) {
          if (!isAppError(e)) throw e;
          authError = e;
          reply.clearCookie(SESSION_COOKIE, { path: '/' });
        }
      }
    }
    req.actor = { user: req.user, requestId: req.id, ip: req.ip };
    if (access && access !== 'public' && !req.user && authError) throw authError;
  });

  // Browsers send cookies by themselves; a bearer token is never sent by a forged page.
  app.addHook('onRequest', (req, reply, done) => {
    if (!req.url.startsWith('/api/') || !UNSAFE.has(req.method) || req.authKind === 'token') return done();
    if (req.routeOptions.config?.csrf === false && !req.cookies[SESSION_COOKIE]) return done();
    app.csrfProtection(req, reply, done);
  });

  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config?.access;
    if (req.url.startsWith('/api/') && access) checkAccess(access, req.user);
  });
}

/** Fastify's and its plugins' own refusals in our codes; null for anything nobody expected. */
function knownError(error: FastifyError, req: FastifyRequest): AppError | null {
  if (isAppError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields: Record<string, string> = {};
    for (const issue of error.validation) {
      const path =
        (issue.instancePath || '').replace(/^\//, '').replace(/\//g, '.') ||
        (issue.params as { issue?: { path?: string[] } } | undefined)?.issue?.path?.join('.') ||
        '_';
      fields[path] ??= issue.message ?? 'Неверное значение';
    }
    return new AppError('VALIDATION_FAILED', undefined, { fields });
  }
  if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET')
    return new AppError('CSRF_INVALID');
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413)
    return new AppError('PAYLOAD_TOO_LARGE');
  if (error.statusCode === 429) return new AppError('RATE_LIMITED');
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    const consumes = (req.routeOptions.schema as { consumes?: string[] } | undefined)?.consumes ?? [];
    return new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      consumes.includes('multipart/form-data')
        ? undefined
        : 'Неподдерживаемый тип данных запроса: отправьте JSON (Content-Type: application/json)',
    );
  }
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.statusCode === 400)
    return new AppError('VALIDATION_FAILED', 'Неверный формат запроса');
  return null;
}

/**
 * A 4xx tells the client what to fix. A 5xx tells it only the table's text and the request id: what went
 * wrong inside goes to the log under that id. UNAVAILABLE alone keeps its own message, because it says
 * what to do while a service we depend on is down.
 */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const known = knownError(error, req);
    if (known && known.status < 500)
      return reply
        .status(known.status)
        .send({ code: known.code, message: known.message, details: known.details });
    if (isResponseSerializationError(error))
      req.log.error({ err: error, cause: error.cause }, 'response does not match its schema');
    else req.log.error({ err: error }, known ? error.message : 'unhandled error');
    const code = known?.code ?? 'INTERNAL';
    return reply.status(errorStatus(code)).send({
      code,
      message: code === 'UNAVAILABLE' ? error.message : errorMessage(code),
      requestId: req.id,
    });
  });
}

/** The one not-found handler: the web app for page addresses when it is built, JSON for everything else. */
export function registerNotFound(app: FastifyInstance, spa: boolean) {
  app.setNotFoundHandler((req, reply) => {
    if (
      spa &&
      req.method === 'GET' &&
      !req.url.startsWith('/api/') &&
      (req.headers.accept ?? '').includes('text/html')
    ) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply
      .status(404)
      .send({ code: 'NOT_FOUND', message: `Нет такого адреса: ${req.method} ${req.url.split('?')[0]}` });
  });
}
