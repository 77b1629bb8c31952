import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, makeUser, type TestContext } from '../../test/harness.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remed-tls-'));
let ctx: TestContext;
let port: number;

function call(method: string, url: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }>((resolve, reject) => {
    const req = https.request(
      { host: '127.0.0.1', port, path: url, method, headers, rejectUnauthorized: false },
      (res) => {
        let data = '';
        res.on('data', (c) => {
          data += c;
        });
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: data }));
      },
    );
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

beforeAll(async () => {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      path.join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  ctx = await createTestContext({
    TLS_CERT_FILE: path.join(dir, 'cert.pem'),
    TLS_KEY_FILE: path.join(dir, 'key.pem'),
  });
  await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  port = (ctx.app.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('HTTPS served directly', () => {
  it('answers over TLS with HSTS and Secure cookies', async () => {
    const u = await makeUser(ctx.deps, { roles: ['admin'] });
    const health = await call('GET', '/healthz');
    expect(health.status).toBe(200);
    expect(health.headers['strict-transport-security']).toMatch(/max-age=31536000/);

    const csrf = await call('GET', '/api/auth/csrf');
    const csrfCookie = (csrf.headers['set-cookie'] as string[]).find((c) => c.startsWith('remed_csrf='))!;
    expect(csrfCookie).toMatch(/; Secure/);
    const login = await call(
      'POST',
      '/api/auth/login',
      {
        'content-type': 'application/json',
        cookie: csrfCookie.split(';')[0]!,
        'x-csrf-token': JSON.parse(csrf.body).csrfToken,
      },
      JSON.stringify({ login: u.email, password: u.password }),
    );
    expect(login.status).toBe(200);
    const session = (login.headers['set-cookie'] as string[]).find((c) => c.startsWith('remed_session='))!;
    expect(session).toMatch(/; Secure/);
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Lax/);
  });
});
