import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  makeUser,
  TEST_PASSWORD,
  TestClient,
  type TestContext,
  unique,
} from '../../../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({
    LOGIN_MAX_FAILURES: '3',
    LOGIN_LOCK_MINUTES: '15',
    LOGIN_RATE_PER_MINUTE: '1000',
  });
});
afterAll(() => ctx.close());

describe('login and session cookie', () => {
  it('sets an httpOnly SameSite session cookie and answers the session', async () => {
    const u = await makeUser(ctx.deps, { roles: ['console_doctor'] });
    const c = new TestClient(ctx.app);
    const res = await c.login(u.email);
    const cookie = res.cookies.find((x) => x.name === 'remed_session')!;
    expect(cookie).toBeDefined();
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    expect(cookie.secure).toBeFalsy();
    expect(res.json().user).toMatchObject({ email: u.email, roles: ['console_doctor'] });
    expect(res.json().user).not.toHaveProperty('passwordHash');
    const s = await c.get('/api/auth/session');
    expect(s.statusCode).toBe(200);
    expect(s.json().user.id).toBe(u.id);
  });

  it('marks the cookie Secure behind an HTTPS proxy', async () => {
    const secure = await createTestContext({ TRUST_PROXY: 'true' });
    try {
      const u = await makeUser(secure.deps, { roles: ['admin'] });
      const c = new TestClient(secure.app, { 'x-forwarded-proto': 'https' });
      const res = await c.login(u.email);
      expect(res.cookies.find((x) => x.name === 'remed_session')!.secure).toBe(true);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await secure.close();
    }
  });

  it('logs in by phone in any common spelling', async () => {
    const phone = `+7916${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const u = await makeUser(ctx.deps, { roles: ['insured'], phone });
    const c = new TestClient(ctx.app);
    const spelled = `8 (${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8, 10)}-${phone.slice(10)}`;
    const res = await c.post('/api/auth/login', { login: spelled, password: u.password });
    expect(res.statusCode).toBe(200);
  });

  it('refuses a wrong password with a Russian message that does not reveal the account', async () => {
    const u = await makeUser(ctx.deps, { roles: ['insured'] });
    const c = new TestClient(ctx.app);
    const wrong = await c.post('/api/auth/login', { login: u.email, password: 'not-the-password-1' });
    const nobody = await c.post('/api/auth/login', {
      login: `${unique()}@nobody.ru`,
      password: 'whatever-123',
    });
    expect(wrong.statusCode).toBe(401);
    expect(nobody.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Неверный логин или пароль' });
    expect(nobody.json()).toEqual(wrong.json());
  });

  it('validates the body with field messages', async () => {
    const c = new TestClient(ctx.app);
    const res = await c.post('/api/auth/login', { login: '', password: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().details.fields).toHaveProperty('login');
  });

  it('logout ends the session on the server, not just in the browser', async () => {
    const u = await makeUser(ctx.deps, { roles: ['admin'] });
    const c = new TestClient(ctx.app);
    const res = await c.login(u.email);
    const token = res.cookies.find((x) => x.name === 'remed_session')!.value;
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    const replay = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: `remed_session=${token}` },
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('SESSION_EXPIRED');
  });

  it('expires a session after its lifetime and says so', async () => {
    const u = await makeUser(ctx.deps, { roles: ['admin'] });
    const c = new TestClient(ctx.app);
    await c.login(u.email);
    ctx.clock.advance(13 * 3600_000);
    const res = await c.get('/api/admin/users');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
  });

  it('refuses a blocked account even with the right password', async () => {
    const u = await makeUser(ctx.deps, { roles: ['insured'], blocked: true });
    const res = await new TestClient(ctx.app).post('/api/auth/login', {
      login: u.email,
      password: u.password,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('ACCOUNT_BLOCKED');
  });
});

describe('CSRF', () => {
  it('rejects a state-changing request without the token', async () => {
    const u = await makeUser(ctx.deps, { roles: ['admin'] });
    const c = new TestClient(ctx.app);
    await c.login(u.email);
    const res = await c.post(
      '/api/auth/password',
      { currentPassword: TEST_PASSWORD, newPassword: 'New-password-77' },
      { csrf: false },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_INVALID');
  });

  it('rejects a forged token and a login without a token', async () => {
    const u = await makeUser(ctx.deps, { roles: ['admin'] });
    const c = new TestClient(ctx.app);
    await c.fetchCsrf();
    const forged = await c.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: u.email, password: u.password },
      headers: { 'x-csrf-token': 'forged-token' },
      csrf: false,
    });
    expect(forged.statusCode).toBe(403);
    const fresh = new TestClient(ctx.app);
    const none = await fresh.post(
      '/api/auth/login',
      { login: u.email, password: u.password },
      { csrf: false },
    );
    expect(none.statusCode).toBe(403);
    expect(none.json().code).toBe('CSRF_INVALID');
  });
});

describe('password change', () => {
  it('checks the current password, validates the new one and signs out other devices', async () => {
    const u = await makeUser(ctx.deps, { roles: ['clinic_user'] });
    const laptop = new TestClient(ctx.app);
    const phone = new TestClient(ctx.app);
    await laptop.login(u.email);
    await phone.login(u.email);

    const wrong = await laptop.post('/api/auth/password', {
      currentPassword: 'nope-nope-1',
      newPassword: 'Brand-new-pass-1',
    });
    expect(wrong.json().code).toBe('WRONG_PASSWORD');
    const weak = await laptop.post('/api/auth/password', {
      currentPassword: u.password,
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details.fields).toHaveProperty('newPassword');

    const ok = await laptop.post('/api/auth/password', {
      currentPassword: u.password,
      newPassword: 'Brand-new-pass-1',
    });
    expect(ok.statusCode).toBe(200);
    expect((await laptop.get('/api/auth/session')).statusCode).toBe(200);
    expect((await phone.get('/api/auth/session')).statusCode).toBe(401);
    expect(
      (
        await new TestClient(ctx.app).post('/api/auth/login', {
          login: u.email,
          password: 'Brand-new-pass-1',
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe('brute force protection', () => {
  it('locks a login after repeated failures, for real and made-up accounts alike', async () => {
    const u = await makeUser(ctx.deps, { roles: ['insured'] });
    const c = new TestClient(ctx.app);
    for (let i = 0; i < 3; i++) {
      expect(
        (await c.post('/api/auth/login', { login: u.email, password: `wrong-pass-${i}` })).statusCode,
      ).toBe(401);
    }
    const locked = await c.post('/api/auth/login', { login: u.email, password: u.password });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('LOGIN_LOCKED');
    expect(locked.json().message).toMatch(/Попробуйте через \d+ мин/);

    const ghost = `${unique()}@nobody.ru`;
    for (let i = 0; i < 3; i++)
      await c.post('/api/auth/login', { login: ghost, password: `wrong-pass-${i}` });
    const ghostLocked = await c.post('/api/auth/login', { login: ghost, password: 'x-any-1' });
    expect(ghostLocked.json().code).toBe('LOGIN_LOCKED');

    ctx.clock.advance(16 * 60_000);
    expect((await c.post('/api/auth/login', { login: u.email, password: u.password })).statusCode).toBe(200);
  });

  it('rate-limits login requests per address', async () => {
    const limited = await createTestContext({ LOGIN_RATE_PER_MINUTE: '5' });
    try {
      const c = new TestClient(limited.app);
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) {
        codes.push(
          (await c.post('/api/auth/login', { login: `${unique()}@x.ru`, password: 'wrong-pass-1' }))
            .statusCode,
        );
      }
      expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(codes[5]).toBe(429);
      const last = await c.post('/api/auth/login', { login: 'a@b.ru', password: 'x' });
      expect(last.json().code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
