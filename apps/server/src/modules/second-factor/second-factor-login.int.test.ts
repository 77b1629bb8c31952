import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  loggedIn,
  makeUser,
  TEST_PASSWORD,
  TestClient,
  type TestContext,
} from '../../../test/harness.ts';
import { enrol, totpAt } from '../../../test/second-factor.ts';
import { auditLog } from '../../db/schema/index.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext(
    { LOGIN_RATE_PER_MINUTE: '1000', LOGIN_MAX_FAILURES: '4', LOGIN_LOCK_MINUTES: '15' },
    { jobs: 'off' },
  );
});
afterAll(() => ctx.close());

const actions = async (userId: string) =>
  (await ctx.deps.database.db.select().from(auditLog).where(eq(auditLog.entityId, userId))).map(
    (r) => r.action,
  );

/** A staff user with an authenticator in force, signed out. */
async function enrolled(roles: Parameters<typeof makeUser>[1]['roles'] = ['console_doctor']) {
  const user = await makeUser(ctx.deps, { roles, secondFactorExempt: false });
  const setup = new TestClient(ctx.app);
  await setup.login(user.email);
  const factor = await enrol(ctx, setup);
  await setup.post('/api/auth/logout');
  // The enrolment spent its step; sign-ins below happen two steps later, so the step before is fresh too.
  ctx.clock.advance(60_000);
  return { user, ...factor };
}

async function password(user: { email: string }) {
  const client = new TestClient(ctx.app);
  const res = await client.post('/api/auth/login', { login: user.email, password: TEST_PASSWORD });
  return { client, res };
}

const secondStep = (client: TestClient, code: string) =>
  client.post('/api/auth/login/second-factor', { code });

describe('signing in with a second factor', () => {
  it('a right password alone opens no session; the code does', async () => {
    const { user, secret } = await enrolled();
    const { client, res } = await password(user);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ secondFactorRequired: true });
    expect(res.json()).not.toHaveProperty('user');
    expect(res.cookies.find((c) => c.name === 'remed_session')).toBeUndefined();
    const pending = res.cookies.find((c) => c.name === 'remed_pending_login')!;
    expect(pending).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth/login' });
    // The pending token is no session, even if sent as one.
    const forged = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: `remed_session=${pending.value}` },
    });
    expect(forged.statusCode).toBe(401);
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);

    const ok = await secondStep(client, await totpAt(ctx, secret));
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user).toMatchObject({ id: user.id, secondFactor: 'enrolled' });
    expect((await client.get('/api/me/notifications')).statusCode).toBe(200);
    expect(await actions(user.id)).toEqual(
      expect.arrayContaining(['auth.second_factor_requested', 'auth.login']),
    );
  });

  it('accepts the code of the step before and after (clock drift), not two steps away', async () => {
    const { user, secret } = await enrolled();
    const a = await password(user);
    expect((await secondStep(a.client, await totpAt(ctx, secret, 2))).json().code).toBe(
      'SECOND_FACTOR_INVALID',
    );
    expect((await secondStep(a.client, await totpAt(ctx, secret, -1))).statusCode).toBe(200);
    const b = await password(user);
    expect((await secondStep(b.client, await totpAt(ctx, secret, 1))).statusCode).toBe(200);
  });

  it('refuses a wrong code and a code already used in its step, and writes both down', async () => {
    const { user, secret } = await enrolled();
    const first = await password(user);
    const wrong = await secondStep(first.client, '123456');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('SECOND_FACTOR_INVALID');
    const code = await totpAt(ctx, secret);
    expect((await secondStep(first.client, code)).statusCode).toBe(200);

    const second = await password(user);
    const replay = await secondStep(second.client, code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('SECOND_FACTOR_CODE_USED');
    const failed = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, 'auth.second_factor_failed')));
    expect(failed.map((f) => (f.after as { reason: string }).reason).sort()).toEqual([
      'SECOND_FACTOR_CODE_USED',
      'SECOND_FACTOR_INVALID',
    ]);
  });

  it('a pending login expires after five minutes and then needs the password again', async () => {
    const { user, secret } = await enrolled();
    const { client } = await password(user);
    ctx.clock.advance(5 * 60_000 + 1000);
    const late = await secondStep(client, await totpAt(ctx, secret));
    expect(late.statusCode).toBe(401);
    expect(late.json().code).toBe('SECOND_FACTOR_LOGIN_EXPIRED');
    const noCookie = await new TestClient(ctx.app).post('/api/auth/login/second-factor', { code: '123456' });
    expect(noCookie.json().code).toBe('SECOND_FACTOR_LOGIN_EXPIRED');
  });

  it('locks the code step after too many wrong codes, whatever pending login they come with', async () => {
    const { user, secret } = await enrolled();
    for (let i = 0; i < 4; i++) {
      const { client } = await password(user);
      await secondStep(client, String(100000 + i));
    }
    const { client } = await password(user);
    const locked = await secondStep(client, await totpAt(ctx, secret));
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('LOGIN_LOCKED');
    expect(await actions(user.id)).toContain('auth.second_factor_locked');
  });

  it('a recovery code works once, in any case and spacing', async () => {
    const { user, recoveryCodes } = await enrolled();
    const code = recoveryCodes[3]!;
    const a = await password(user);
    const ok = await secondStep(a.client, ` ${code.toUpperCase().replace('-', ' ')} `);
    expect(ok.statusCode).toBe(200);
    const b = await password(user);
    const again = await secondStep(b.client, code);
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('SECOND_FACTOR_CODE_USED');
    expect((await secondStep(b.client, recoveryCodes[4]!)).statusCode).toBe(200);
    expect(await actions(user.id)).toContain('second_factor.recovery_code_used');
    expect((await b.client.get('/api/auth/second-factor')).json().recoveryCodesLeft).toBe(8);
  });

  it('a user without an authenticator and outside the staff roles is never asked', async () => {
    const user = await makeUser(ctx.deps, { roles: ['insured'], secondFactorExempt: false });
    const { res } = await password(user);
    expect(res.json().user).toMatchObject({ id: user.id, secondFactor: 'not_required' });
  });
});

describe('managing the second factor', () => {
  it('new recovery codes need a current code and replace all old ones', async () => {
    const { user, secret, recoveryCodes } = await enrolled();
    const { client } = await password(user);
    await secondStep(client, await totpAt(ctx, secret));
    const noCode = await client.post('/api/auth/second-factor/recovery-codes', { code: '000000' });
    expect(noCode.json().code).toBe('SECOND_FACTOR_INVALID');
    ctx.clock.advance(30_000);
    const fresh = await client.post('/api/auth/second-factor/recovery-codes', {
      code: await totpAt(ctx, secret),
    });
    expect(fresh.statusCode).toBe(200);
    const next: string[] = fresh.json().recoveryCodes;
    expect(next).toHaveLength(10);
    const old = await password(user);
    expect((await secondStep(old.client, recoveryCodes[0]!)).json().code).toBe('SECOND_FACTOR_INVALID');
    expect((await secondStep(old.client, next[0]!)).statusCode).toBe(200);
    expect(await actions(user.id)).toContain('second_factor.recovery_codes_regenerated');
  });

  it('an admin resets a lost authenticator: the user is signed out and sets up a new one', async () => {
    const { user, secret } = await enrolled(['insurer_user']);
    const { client } = await password(user);
    await secondStep(client, await totpAt(ctx, secret));
    const { client: admin } = await loggedIn(ctx, ['admin']);
    const outsider = (await loggedIn(ctx, ['console_doctor'])).client;
    expect((await outsider.post(`/api/admin/users/${user.id}/second-factor/reset`)).statusCode).toBe(403);
    expect((await admin.get(`/api/admin/users/${user.id}/second-factor`)).json()).toMatchObject({
      state: 'enrolled',
      recoveryCodesLeft: 10,
    });

    expect((await admin.post(`/api/admin/users/${user.id}/second-factor/reset`)).statusCode).toBe(200);
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);
    const again = await password(user);
    expect(again.res.json().user.secondFactor).toBe('setup_required');
    expect((await admin.get(`/api/admin/users/${user.id}/second-factor`)).json().state).toBe(
      'setup_required',
    );
    const twice = await admin.post(`/api/admin/users/${user.id}/second-factor/reset`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('SECOND_FACTOR_NOT_ENROLLED');
    const unknown = await admin.post(
      '/api/admin/users/00000000-0000-4000-8000-000000000000/second-factor/reset',
    );
    expect(unknown.statusCode).toBe(404);
    const reset = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, 'second_factor.reset')));
    expect(reset).toHaveLength(1);
    expect(reset[0]!.before).toMatchObject({ enrolledAt: expect.any(String) });
  });
});
