import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.ts';
import { AppError } from './errors.ts';

/** Security headers, signed cookies and CSRF, uploads, WebSockets, rate limits and the OpenAPI docs. */
export async function registerHttpPlugins(
  app: FastifyInstance,
  deps: Pick<AppDeps, 'config' | 'cookieSecret'>,
) {
  const { config } = deps;
  const secureCookies = config.cookieSecure === 'true' || (config.cookieSecure === 'auto' && !!config.tls);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // The insured app decodes receipt QR codes from the camera with WebAssembly.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        upgradeInsecureRequests: null,
      },
    },
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
  });
  await app.register(cookie, { secret: deps.cookieSecret });
  await app.register(csrf, {
    cookieKey: 'remed_csrf',
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, signed: true, secure: secureCookies },
  });
  await app.register(multipart, { limits: { fileSize: 30 * 1024 * 1024, files: 5 } });
  // Before any route, so that it can take over WebSocket upgrades; clients only send small commands.
  await app.register(websocket, { options: { maxPayload: 4096 } });
  await app.register(rateLimit, {
    global: false,
    // Thrown to the error handler, which sends an AppError's own message: the wait is worth telling.
    errorResponseBuilder: (_req, ctx) =>
      new AppError('RATE_LIMITED', `Слишком много запросов. Повторите через ${Math.ceil(ctx.ttl / 1000)} с`),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'remed API',
        version: '1.0.0',
        description: 'Прямое возмещение по ДМС: API платформы remed',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'remed_session' },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiToken: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}
