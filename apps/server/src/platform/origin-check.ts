import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import { SESSION_COOKIE } from './http.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The origin the request says it comes from: Origin, else the origin of Referer; null when neither is sent. */
function claimedOrigin(req: FastifyRequest): string | null {
  const origin = req.headers.origin;
  if (typeof origin === 'string' && origin) return origin;
  const referer = req.headers.referer;
  if (typeof referer !== 'string' || !referer) return null;
  return URL.canParse(referer) ? new URL(referer).origin : 'invalid';
}

/** Our own page: the address the request was sent to, or one of the configured public origins. */
function isOurs(origin: string, req: FastifyRequest, allowed: readonly string[]): boolean {
  if (allowed.includes(origin)) return true;
  if (!URL.canParse(origin)) return false;
  const claimed = new URL(origin);
  // Through URL both sides drop a default port the same way (Host: x:80 is the page http://x).
  return (
    URL.canParse(`${claimed.protocol}//${req.host}`) &&
    new URL(`${claimed.protocol}//${req.host}`).host === claimed.host
  );
}

/**
 * A second guard beside the CSRF token: a state-changing request that names a foreign page as its origin
 * is refused. Requests that name no page at all keep working — API clients with a bearer token and the
 * payout provider's webhooks do not send Origin or Referer, and browsers always send Origin on such requests.
 */
export function registerOriginCheck(app: FastifyInstance, allowedOrigins: readonly string[]) {
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/') || !UNSAFE.has(req.method)) return;
    // A forged page cannot make the browser attach a bearer token, as with the CSRF token.
    if (req.headers.authorization?.startsWith('Bearer ')) return;
    if (req.routeOptions.config?.csrf === false && !req.cookies[SESSION_COOKIE]) return;
    const origin = claimedOrigin(req);
    if (origin === null || isOurs(origin, req, allowedOrigins)) return;
    req.log.warn({ origin }, 'request from a foreign origin refused');
    throw new AppError('ORIGIN_REFUSED');
  });
}
