import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, loggedIn, type TestClient, type TestContext } from '../../test/harness.ts';

const METRICS_TOKEN = 'scraper-token-0123456789';
let ctx: TestContext;
let admin: TestClient;

beforeAll(async () => {
  ctx = await createTestContext(
    {
      PUBLIC_URL: 'https://remed.example.ru',
      ALLOWED_ORIGINS: 'https://app.remed.example.ru, https://partner.example.com',
      METRICS_TOKEN,
      METRICS_ALLOW: '10.20.0.0/16,::1',
    },
    { jobs: 'off' },
  );
  admin = (await loggedIn(ctx, ['admin'])).client;
});
afterAll(() => ctx.close());

const createToken = (headers: Record<string, string>) =>
  admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Интеграция' }, headers });

describe('Origin check beside the CSRF token', () => {
  it('refuses a state-changing request from a foreign page, even with a valid session and CSRF token', async () => {
    const foreign: Record<string, string>[] = [
      { origin: 'https://evil.example.com' },
      { origin: 'null' },
      { origin: 'https://remed.example.ru.evil.com' },
      { referer: 'https://evil.example.com/page?x=1' },
      { referer: 'not a url' },
      { origin: 'http://remed.example.ru' },
    ];
    for (const headers of foreign) {
      const res = await createToken(headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json()).toMatchObject({
        code: 'ORIGIN_REFUSED',
        message: expect.stringMatching(/чужого сайта/),
      });
    }
    // Nothing was created by the refused requests.
    expect((await admin.get('/api/tokens')).json()).toEqual([]);
  });

  it('takes the public address, each configured origin, the address the request was sent to, and no header at all', async () => {
    const accepted: Record<string, string>[] = [
      { origin: 'https://remed.example.ru' },
      { origin: 'https://app.remed.example.ru' },
      { origin: 'https://partner.example.com' },
      { referer: 'https://remed.example.ru/admin/tokens' },
      // inject sends Host: localhost:80 — the server's own address as the browser saw it.
      { origin: 'http://localhost:80' },
      {},
    ];
    for (const headers of accepted)
      expect((await createToken(headers)).statusCode, JSON.stringify(headers)).toBe(201);
    expect((await admin.get('/api/tokens')).json()).toHaveLength(accepted.length);
  });

  it('reads and safe methods are never refused by origin', async () => {
    const res = await admin.get('/api/tokens', { headers: { origin: 'https://evil.example.com' } });
    expect(res.statusCode).toBe(200);
  });

  it('API clients with a bearer token and the payout webhook keep working whatever they send', async () => {
    const { secret } = (await createToken({})).json();
    const withToken = await ctx.app.inject({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'Из скрипта' },
      headers: { authorization: `Bearer ${secret}`, origin: 'https://integration.example.net' },
    });
    expect(withToken.statusCode).toBe(201);
    const webhook = await ctx.app.inject({
      method: 'POST',
      url: '/api/webhooks/yookassa',
      payload: { type: 'something else' },
      headers: { origin: 'https://yookassa.ru' },
    });
    expect(webhook.statusCode).toBe(200);
    expect(webhook.json()).toEqual({ accepted: false });
  });

  it('the setting is checked at start-up', async () => {
    const { loadConfig } = await import('../config.ts');
    expect(() =>
      loadConfig({ ALLOWED_ORIGINS: 'https://ok.example.ru,https://bad.example.ru/path' }),
    ).toThrow(/ALLOWED_ORIGINS/);
  });
});

describe('/metrics', () => {
  it('answers the token from anywhere and a listed address without one', async () => {
    const withToken = await ctx.app.inject({
      url: '/metrics',
      remoteAddress: '203.0.113.7',
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(withToken.statusCode).toBe(200);
    expect(withToken.body).toContain('remed_http_request_duration_seconds');
    for (const remoteAddress of ['10.20.3.4', '::ffff:10.20.200.1', '::1'])
      expect((await ctx.app.inject({ url: '/metrics', remoteAddress })).statusCode, remoteAddress).toBe(200);
  });

  it('refuses other addresses, a wrong token, and loopback once the list leaves it out', async () => {
    for (const remoteAddress of ['203.0.113.7', '10.21.0.1', '127.0.0.1']) {
      const res = await ctx.app.inject({ url: '/metrics', remoteAddress });
      expect(res.statusCode, remoteAddress).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
      expect(res.body).not.toContain('remed_http');
    }
    const wrong = await ctx.app.inject({
      url: '/metrics',
      remoteAddress: '10.20.3.4',
      headers: { authorization: 'Bearer scraper-token-0123456780' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('UNAUTHENTICATED');
  });

  it('the address list is checked at start-up', async () => {
    const { loadConfig } = await import('../config.ts');
    expect(() => loadConfig({ METRICS_ALLOW: '10.0.0.0/33' })).toThrow(/METRICS_ALLOW/);
    expect(() => loadConfig({ METRICS_ALLOW: 'localhost' })).toThrow(/METRICS_ALLOW/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(loadConfig({ METRICS_ALLOW: '192.168.0.0/24,fd00::/8,127.0.0.1' }).metrics.allow).toContain(
      'fd00::/8',
    );
  });
});
