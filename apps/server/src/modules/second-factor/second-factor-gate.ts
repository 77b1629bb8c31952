import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { passwordChangeAllows } from '../auth/password-change-rule.ts';

/**
 * A password-only session of a staff user opens nothing but the session's own routes (the same ones the
 * temporary-password rule lets through: who am I, log out, change the password, set up the authenticator)
 * and public ones; the API answers SECOND_FACTOR_SETUP_REQUIRED, whatever the web app shows. API tokens are
 * issued from a full session, so they are not held back.
 */
export function registerSecondFactorGate(app: FastifyInstance) {
  app.addHook('onRequest', async (req) => {
    if (req.authKind !== 'session' || req.user?.secondFactor !== 'setup_required') return;
    if (!req.url.startsWith('/api/')) return;
    if (passwordChangeAllows(req)) return;
    throw new AppError('SECOND_FACTOR_SETUP_REQUIRED');
  });
}
