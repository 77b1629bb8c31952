import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { dadataSimulatorRoutes } from './integrations/directory/dadata-simulator.ts';
import { fnsOpenApiSimulatorRoutes } from './integrations/fns/fns-openapi-simulator.ts';
import { receiptSimulatorRoutes } from './integrations/fns/receipt-simulator.ts';
import { yookassaSimulatorRoutes } from './integrations/payouts/yookassa-simulator.ts';
import { adminUsersRoutes } from './modules/admin-users/admin-users.routes.ts';
import { apiTokensRoutes } from './modules/api-tokens/api-tokens.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { registerPasswordChangeRule } from './modules/auth/password-change-rule.ts';
import { resolveApiToken } from './modules/auth/resolve-api-token.ts';
import { resolveSession } from './modules/auth/resolve-session.ts';
import { bonusRoutes } from './modules/bonus/bonus.routes.ts';
import { chatRoutes } from './modules/chat/chat.routes.ts';
import { claimsRoutes } from './modules/claims/claims.routes.ts';
import { clinicPatientsRoutes } from './modules/clinic-patients/clinic-patients.routes.ts';
import { clinicProgramsRoutes } from './modules/clinic-programs/clinic-programs.routes.ts';
import { clinicsRoutes } from './modules/clinics/clinics.routes.ts';
import { consoleRoutes } from './modules/console/console.routes.ts';
import { demoTillRoutes } from './modules/demo-till/demo-till.routes.ts';
import { directoryRoutes } from './modules/directory/directory.routes.ts';
import { contractsRoutes } from './modules/edo/contracts.routes.ts';
import { edoRoutes } from './modules/edo/edo.routes.ts';
import { employerRoutes } from './modules/employer/employer.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { homeRoutes } from './modules/home/home.routes.ts';
import { insuranceRoutes } from './modules/insurance/insurance.routes.ts';
import { insuredRoutes } from './modules/insured/insured.routes.ts';
import { lettersRoutes } from './modules/letters/letters.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { outboxRoutes } from './modules/outbox/outbox.routes.ts';
import { payoutReviewRoutes } from './modules/payouts/payout-review.routes.ts';
import { payoutsRoutes } from './modules/payouts/payouts.routes.ts';
import { personalDataRoutes } from './modules/personal-data/personal-data.routes.ts';
import { priceListsRoutes } from './modules/price-lists/price-lists.routes.ts';
import { ratingRoutes } from './modules/rating/rating.routes.ts';
import { registrationRoutes } from './modules/registration/registration.routes.ts';
import { reportsRoutes } from './modules/reports/reports.routes.ts';
import { secondFactorRoutes } from './modules/second-factor/second-factor.routes.ts';
import { registerSecondFactorGate } from './modules/second-factor/second-factor-gate.ts';
import type { AppDeps } from './platform/deps.ts';
import { registerAccessControl, registerErrorHandler, registerNotFound } from './platform/http.ts';
import { registerHttpPlugins } from './platform/http-plugins.ts';
import { registerMetrics } from './platform/metrics.ts';
import { registerOriginCheck } from './platform/origin-check.ts';
import { registerTextGuard } from './platform/text-guard.ts';

interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  /** Folder with the built web UI; served with a fallback to index.html for client-side routes. */
  webDist?: string | null;
}

/** Builds the whole HTTP application without listening, so tests can `inject` requests. */
export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const { config } = deps;
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

  await registerHttpPlugins(app, deps);

  registerTextGuard(app);
  registerOriginCheck(app, config.allowedOrigins);
  registerAccessControl(app, {
    resolveSession: (token) => resolveSession(deps, token),
    resolveApiToken: (secret) => resolveApiToken(deps, secret),
  });
  registerSecondFactorGate(app);
  registerPasswordChangeRule(app);
  registerErrorHandler(app);
  registerMetrics(app, config.metrics);

  await app.register(healthRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(secondFactorRoutes(deps));
  await app.register(adminUsersRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(outboxRoutes(deps));
  await app.register(apiTokensRoutes(deps));
  await app.register(homeRoutes(deps));
  await app.register(claimsRoutes(deps));
  await app.register(payoutsRoutes(deps));
  await app.register(payoutReviewRoutes(deps));
  if (deps.simulators) {
    await app.register(demoTillRoutes(deps));
    await app.register(receiptSimulatorRoutes(deps.simulators.receipts));
    await app.register(fnsOpenApiSimulatorRoutes(deps.simulators.receipts));
    await app.register(yookassaSimulatorRoutes(deps.simulators.payouts));
    await app.register(dadataSimulatorRoutes(deps.simulators.directory));
  }
  await app.register(directoryRoutes(deps));
  await app.register(consoleRoutes(deps));
  await app.register(clinicProgramsRoutes(deps));
  await app.register(lettersRoutes(deps));
  await app.register(insuredRoutes(deps));
  await app.register(personalDataRoutes(deps));
  await app.register(employerRoutes(deps));
  await app.register(notificationsRoutes(deps));
  await app.register(registrationRoutes(deps));
  await app.register(insuranceRoutes(deps));
  await app.register(chatRoutes(deps));
  await app.register(bonusRoutes(deps));
  await app.register(ratingRoutes(deps));
  await app.register(reportsRoutes(deps));
  await app.register(contractsRoutes(deps));
  await app.register(edoRoutes(deps));
  await app.register(clinicsRoutes(deps));
  await app.register(clinicPatientsRoutes(deps));
  await app.register(priceListsRoutes(deps));

  const spa = !!opts.webDist && fs.existsSync(path.join(opts.webDist, 'index.html'));
  if (spa)
    await app.register(fastifyStatic, { root: opts.webDist!, wildcard: false, index: false, prefix: '/' });
  registerNotFound(app, spa);
  return app;
}
