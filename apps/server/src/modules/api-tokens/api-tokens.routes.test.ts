import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, loggedIn, makeOrganisations, type TestContext } from '../../../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

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

    const viaToken = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(viaToken.statusCode).toBe(200);
    const write = await ctx.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { authorization: `Bearer ${secret}` },
      payload: { name: 'второй' },
    });
    expect(write.statusCode).toBe(201);
    const staff = await ctx.app.inject({
      method: 'GET',
      url: '/api/admin/users',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(staff.statusCode).toBe(403);

    expect((await client.delete(`/api/tokens/${token.id}`)).statusCode).toBe(200);
    const revoked = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { authorization: `Bearer ${secret}` },
    });
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
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { authorization: 'Bearer rmd_forged' },
    });
    expect(res.statusCode).toBe(401);
  });
});
