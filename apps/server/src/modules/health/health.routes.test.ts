import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { registerAccessControl } from '../../platform/http.ts';
import { resolveApiToken } from '../auth/resolve-api-token.ts';
import { resolveSession } from '../auth/resolve-session.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({}, { jobs: 'off' });
});
afterAll(() => ctx.close());

describe('operations endpoints', () => {
  it('healthz answers without the database; readyz waits for the job runner', async () => {
    expect((await ctx.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const notReady = await ctx.app.inject('/readyz');
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json()).toEqual({ status: 'not_ready', database: true, jobs: false });
    await ctx.deps.jobs.start({ work: false });
    expect((await ctx.app.inject('/readyz')).json()).toEqual({ status: 'ready', database: true, jobs: true });
  });

  it('exposes Prometheus metrics by route pattern', async () => {
    await ctx.app.inject('/api/admin/users/00000000-0000-4000-8000-000000000000');
    const res = await ctx.app.inject('/metrics');
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.body).toContain('remed_http_request_duration_seconds_bucket');
    expect(res.body).toContain('route="/api/admin/users/:id"');
    expect(res.body).not.toContain('00000000-0000-4000');
  });

  it('serves the OpenAPI document with schemas and the interactive page', async () => {
    const doc = (await ctx.app.inject('/api/docs/json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(
      doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('login');
    expect(doc.paths['/api/admin/users'].get.responses['200']).toBeDefined();
    const page = await ctx.app.inject('/api/docs');
    expect([200, 302]).toContain(page.statusCode);
  });

  it('documents every API route with its response schema', async () => {
    const doc = (await ctx.app.inject('/api/docs/json')).json() as {
      paths: Record<
        string,
        Record<string, { responses?: Record<string, unknown>; requestBody?: unknown; summary?: string }>
      >;
    };
    const undocumented: string[] = [];
    const unnamed: string[] = [];
    const binary =
      /\/(pdf|export\.json|report\.\{format\}|insured-template\.\{format\}|attachments\/\{n\})$|audit\.csv$/;
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/')) continue;
      for (const [method, op] of Object.entries(methods)) {
        const ok = op.responses?.['200'] ?? op.responses?.['201'] ?? op.responses?.['202'];
        if (!ok && !binary.test(path)) undocumented.push(`${method.toUpperCase()} ${path}`);
        if (!op.summary?.trim()) unnamed.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(undocumented).toEqual([]);
    expect(unnamed, 'every API route says in a line what it does').toEqual([]);
    for (const p of [
      '/api/letters/{id}/export.json',
      '/api/console/cases/{id}/letters',
      '/api/insurance/programs/{id}/imports',
      '/api/onboarding/complete',
    ]) {
      expect(doc.paths[p], p).toBeDefined();
    }
  });

  it('answers unknown API paths with a JSON 404 and a request id', async () => {
    const res = await ctx.app.inject('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('refuses to start when an API route declares no access', async () => {
    const app = Fastify();
    registerAccessControl(app, {
      resolveSession: (token) => resolveSession(ctx.deps, token),
      resolveApiToken: (secret) => resolveApiToken(ctx.deps, secret),
    });
    expect(() => app.get('/api/open-by-mistake', async () => 'x')).toThrow(/does not declare config.access/);
  });
});
