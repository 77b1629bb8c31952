import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, loggedIn, makeOrganisations, type TestContext } from '../../../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

/** A request as an integration sends it: the token in the header, no cookies, no CSRF token. */
const withBearer = (token: string, opts: InjectOptions) =>
  ctx.app.inject({ ...opts, headers: { authorization: `Bearer ${token}` } });

describe('API tokens', () => {
  it('authenticate integrations without cookies or CSRF, and stop working once revoked', async () => {
    const orgs = await makeOrganisations(ctx.deps);
    const { client } = await loggedIn(ctx, ['insurer_user'], { insurerId: orgs.insurer.id });
    const created = await client.post('/api/tokens', { name: 'Интеграция с учётной системой' });
    expect(created.statusCode).toBe(201);
    const { secret, token } = created.json();
    expect(secret).toMatch(/^rmd_/);
    expect(token.prefix).toBe(secret.slice(0, 10));

    const listed = await client.get('/api/tokens');
    expect(JSON.stringify(listed.json())).not.toContain(secret);

    const viaToken = await withBearer(secret, { method: 'GET', url: '/api/auth/session' });
    expect(viaToken.statusCode).toBe(200);
    const write = await withBearer(secret, {
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'второй' },
    });
    expect(write.statusCode).toBe(201);
    const staff = await withBearer(secret, { method: 'GET', url: '/api/admin/users' });
    expect(staff.statusCode).toBe(403);

    expect((await client.delete(`/api/tokens/${token.id}`)).statusCode).toBe(200);
    const revoked = await withBearer(secret, { method: 'GET', url: '/api/auth/session' });
    expect(revoked.statusCode).toBe(401);
    expect((await client.delete(`/api/tokens/${token.id}`)).statusCode).toBe(404);
  });

  it("cannot revoke another user's token", async () => {
    const a = await loggedIn(ctx, ['admin']);
    const b = await loggedIn(ctx, ['admin']);
    const { token } = (await a.client.post('/api/tokens', { name: 'A' })).json();
    expect((await b.client.delete(`/api/tokens/${token.id}`)).statusCode).toBe(404);
    expect((await a.client.get('/api/tokens')).json()[0].revokedAt).toBeNull();
  });

  it('rejects an unknown bearer token', async () => {
    const res = await withBearer('rmd_forged', { method: 'GET', url: '/api/auth/session' });
    expect(res.statusCode).toBe(401);
  });
});
