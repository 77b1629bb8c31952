import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';

/**
 * Routes a person with a temporary password still reaches: everything public (it grants nothing a
 * stranger lacks) and the session's own routes under /api/auth/ — who am I, change the password, log out,
 * a CSRF token, a second factor — so no later sign-in step can lock the person out of changing it.
 */
export function passwordChangeAllows(req: FastifyRequest): boolean {
  const config = req.routeOptions.config;
  if (!config?.access || config.access === 'public') return true;
  return (req.routeOptions.url ?? '').startsWith('/api/auth/');
}

/**
 * A temporary password (issued by an administrator or after a reset) must be changed before the account
 * does anything; the web page sends the person to the change form, and the API refuses the rest itself, so
 * a script or another tab cannot skip the form.
 */
export function registerPasswordChangeRule(app: FastifyInstance) {
  app.addHook('onRequest', async (req) => {
    if (req.authKind !== 'session' || !req.user?.mustChangePassword) return;
    if (!req.url.startsWith('/api/') || passwordChangeAllows(req)) return;
    throw new AppError('PASSWORD_CHANGE_REQUIRED');
  });
}
