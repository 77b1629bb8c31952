import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { dadataSimulatorRoutes } from './integrations/directory/dadata-simulator.ts';
import { fnsOpenApiSimulatorRoutes } from './integrations/fns/fns-openapi-simulator.ts';
import { receiptSimulatorRoutes } from './integrations/fns/receipt-simulator.ts';
import { yookassaSimulatorRoutes } from './integrations/payouts/yookassa-simulator.ts';
import { apiTokensRoutes } from './modules/api-tokens/api-tokens.routes.ts';
import { apiTokensService } from './modules/api-tokens/api-tokens.service.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { auditService } from './modules/audit/audit.service.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { authService } from './modules/auth/auth.service.ts';
import { registerPasswordChangeRule } from './modules/auth/password-change-rule.ts';
import { bonusRoutes } from './modules/bonus/bonus.routes.ts';
import { bonusService } from './modules/bonus/bonus.service.ts';
import { chatRoutes } from './modules/chat/chat.routes.ts';
import { claimsRoutes } from './modules/claims/claims.routes.ts';
import { clinicPatientsRoutes } from './modules/clinic-patients/clinic-patients.routes.ts';
import { clinicPatientsService } from './modules/clinic-patients/clinic-patients.service.ts';
import { clinicProgramsRoutes } from './modules/clinic-programs/clinic-programs.routes.ts';
import { clinicProgramsService } from './modules/clinic-programs/clinic-programs.service.ts';
import { clinicRegistrationService } from './modules/clinics/clinic-registration.service.ts';
import { clinicsRoutes } from './modules/clinics/clinics.routes.ts';
import { clinicsService } from './modules/clinics/clinics.service.ts';
import { consoleRoutes } from './modules/console/console.routes.ts';
import { demoTillRoutes } from './modules/demo-till/demo-till.routes.ts';
import { demoTillService } from './modules/demo-till/demo-till.service.ts';
import { directoryRoutes } from './modules/directory/directory.routes.ts';
import { contractsRoutes } from './modules/edo/contracts.routes.ts';
import { edoRoutes } from './modules/edo/edo.routes.ts';
import { employerRoutes } from './modules/employer/employer.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { homeRoutes } from './modules/home/home.routes.ts';
import { homeService } from './modules/home/home.service.ts';
import { insuranceRoutes } from './modules/insurance/insurance.routes.ts';
import { insuranceService } from './modules/insurance/insurance.service.ts';
import { insuredImportService } from './modules/insurance/insured-import.service.ts';
import { lettersRoutes } from './modules/letters/letters.routes.ts';
import { lettersService } from './modules/letters/letters.service.ts';
import { meRoutes } from './modules/me/me.routes.ts';
import { meService } from './modules/me/me.service.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { notificationsService } from './modules/notifications/notifications.service.ts';
import { onboardingRoutes } from './modules/onboarding/onboarding.routes.ts';
import { onboardingService } from './modules/onboarding/onboarding.service.ts';
import { outboxRoutes } from './modules/outbox/outbox.routes.ts';
import { outboxService } from './modules/outbox/outbox.service.ts';
import { payoutReviewRoutes } from './modules/payouts/payout-review.routes.ts';
import { payoutsRoutes } from './modules/payouts/payouts.routes.ts';
import { personalDataRoutes } from './modules/personal-data/personal-data.routes.ts';
import { priceListsRoutes } from './modules/price-lists/price-lists.routes.ts';
import { feedbackService } from './modules/ratings/feedback.service.ts';
import { ratingsRoutes } from './modules/ratings/ratings.routes.ts';
import { ratingsService } from './modules/ratings/ratings.service.ts';
import { reportsRoutes } from './modules/reports/reports.routes.ts';
import { reportsService } from './modules/reports/reports.service.ts';
import { secondFactorRoutes } from './modules/second-factor/second-factor.routes.ts';
import { registerSecondFactorGate } from './modules/second-factor/second-factor-gate.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { usersService } from './modules/users/users.service.ts';
import type { AppDeps } from './platform/deps.ts';
import { AppError } from './platform/errors.ts';
import { registerAccessControl, registerErrorHandler, registerNotFound } from './platform/http.ts';
import { registerMetrics } from './platform/metrics.ts';
import { registerOriginCheck } from './platform/origin-check.ts';
import { registerTextGuard } from './platform/text-guard.ts';

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  /** Folder with the built web UI; served with a fallback to index.html for client-side routes. */
  webDist?: string | null;
}

/** Builds the whole HTTP application without listening, so tests can `inject` requests. */
export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const { config } = deps;
  const secureCookies = config.cookieSecure === 'true' || (config.cookieSecure === 'auto' && !!config.tls);
  const serverOptions = {
    logger: opts.logger ?? false,
    trustProxy: config.trustProxy as FastifyServerOptions['trustProxy'],
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : deps.ids.uuid();
    },
    bodyLimit: 2 * 1024 * 1024,
    ...(config.tls
      ? { https: { cert: fs.readFileSync(config.tls.certFile), key: fs.readFileSync(config.tls.keyFile) } }
      : {}),
  } as FastifyServerOptions;
  // The https option changes Fastify's server type; the app is used the same way either way.
  const app = Fastify(serverOptions).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

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

  const auth = authService(deps);
  registerTextGuard(app);
  registerOriginCheck(app, config.allowedOrigins);
  registerAccessControl(app, auth);
  registerSecondFactorGate(app);
  registerPasswordChangeRule(app);
  registerErrorHandler(app);
  registerMetrics(app, config.metrics);

  await app.register(healthRoutes(deps));
  await app.register(authRoutes(deps, auth));
  await app.register(secondFactorRoutes(deps));
  await app.register(usersRoutes(usersService(deps)));
  await app.register(auditRoutes(auditService(deps)));
  await app.register(outboxRoutes(outboxService(deps)));
  await app.register(apiTokensRoutes(apiTokensService(deps)));
  await app.register(homeRoutes(homeService(deps)));
  await app.register(claimsRoutes(deps));
  await app.register(payoutsRoutes(deps));
  await app.register(payoutReviewRoutes(deps));
  if (deps.simulators) {
    await app.register(demoTillRoutes(demoTillService(deps)));
    await app.register(receiptSimulatorRoutes(deps.simulators.receipts));
    await app.register(fnsOpenApiSimulatorRoutes(deps.simulators.receipts));
    await app.register(yookassaSimulatorRoutes(deps.simulators.payouts));
    await app.register(dadataSimulatorRoutes(deps.simulators.directory));
  }
  await app.register(directoryRoutes(deps));
  await app.register(consoleRoutes(deps));
  await app.register(clinicProgramsRoutes(clinicProgramsService(deps)));
  await app.register(lettersRoutes(lettersService(deps)));
  await app.register(meRoutes(meService(deps)));
  await app.register(personalDataRoutes(deps));
  await app.register(employerRoutes(deps));
  await app.register(notificationsRoutes(notificationsService(deps)));
  await app.register(onboardingRoutes(deps, onboardingService(deps)));
  await app.register(insuranceRoutes(insuranceService(deps), insuredImportService(deps)));
  await app.register(chatRoutes(deps));
  await app.register(bonusRoutes(bonusService(deps)));
  await app.register(ratingsRoutes(ratingsService(deps), feedbackService(deps)));
  await app.register(reportsRoutes(reportsService(deps)));
  await app.register(contractsRoutes(deps));
  await app.register(edoRoutes(deps));
  await app.register(clinicsRoutes(deps, clinicsService(deps), clinicRegistrationService(deps)));
  await app.register(clinicPatientsRoutes(clinicPatientsService(deps)));
  await app.register(priceListsRoutes(deps));

  const spa = !!opts.webDist && fs.existsSync(path.join(opts.webDist, 'index.html'));
  if (spa)
    await app.register(fastifyStatic, { root: opts.webDist!, wildcard: false, index: false, prefix: '/' });
  registerNotFound(app, spa);
  return app;
}
