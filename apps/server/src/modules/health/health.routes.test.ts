import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { registerAccessControl } from '../../platform/http.ts';
import { authService } from '../auth/auth.service.ts';

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

  it('answers unknown API paths with a JSON 404 and a request id', async () => {
    const res = await ctx.app.inject('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('refuses to start when an API route declares no access', async () => {
    const app = Fastify();
    registerAccessControl(app, authService(ctx.deps));
    expect(() => app.get('/api/open-by-mistake', async () => 'x')).toThrow(/does not declare config.access/);
  });
});
