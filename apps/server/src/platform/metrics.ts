import crypto from 'node:crypto';
import net from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import client from 'prom-client';
import { AppError } from './errors.ts';

interface MetricsAccess {
  /** A bearer token a scraper sends from anywhere; null when only addresses are trusted. */
  token: string | null;
  /** Addresses and CIDR subnets that may read without a token, comma-separated. */
  allow: string;
}

function addressList(allow: string): net.BlockList {
  const list = new net.BlockList();
  for (const entry of allow
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)) {
    const [address = '', prefix] = entry.split('/');
    const type = net.isIPv6(address) ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

const sameSecret = (a: string, b: string) => {
  const x = crypto.createHash('sha256').update(a).digest();
  const y = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(x, y);
};

/** IPv4 clients of a dual-stack listener arrive as ::ffff:a.b.c.d; the list is written in plain IPv4. */
function allowed(list: net.BlockList, ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  if (mapped) return list.check(mapped, 'ipv4');
  return net.isIP(ip) ? list.check(ip, net.isIPv6(ip) ? 'ipv6' : 'ipv4') : false;
}

/**
 * Prometheus metrics: process defaults plus request counts and latency by route pattern (never by raw URL).
 * They tell how busy the service is and which routes fail, so only a scraper with the token or from a
 * listed address reads them.
 */
export function registerMetrics(app: FastifyInstance, access: MetricsAccess) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'remed_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const list = addressList(access.allow);
  const check = (req: FastifyRequest) => {
    const authz = req.headers.authorization;
    if (authz?.startsWith('Bearer ')) {
      if (access.token && sameSecret(authz.slice(7).trim(), access.token)) return;
      throw new AppError('UNAUTHENTICATED', 'Неверный токен для метрик');
    }
    if (allowed(list, req.ip)) return;
    throw new AppError(
      'FORBIDDEN',
      access.token
        ? 'Метрики доступны по токену (Authorization: Bearer) или с разрешённых адресов'
        : 'Метрики доступны только с разрешённых адресов (METRICS_ALLOW)',
    );
  };
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    duration.observe(
      { method: req.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/metrics', { schema: { hide: true }, onRequest: async (req) => check(req) }, async (_req, reply) =>
    reply.header('content-type', registry.contentType).send(await registry.metrics()),
  );
}
