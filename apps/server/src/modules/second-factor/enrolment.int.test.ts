import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  loggedIn,
  makeOrganisations,
  makeUser,
  TestClient,
  type TestContext,
} from '../../../test/harness.ts';
import { enrol, totpAt } from '../../../test/second-factor.ts';
import { auditLog, recoveryCodes, userTotp } from '../../db/schema/index.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ LOGIN_RATE_PER_MINUTE: '1000' }, { jobs: 'off' });
});
afterAll(() => ctx.close());

const staff = (roles: Parameters<typeof loggedIn>[1], extra = {}) =>
  loggedIn(ctx, roles, { secondFactorExempt: false, ...extra });

const auditOf = (userId: string, action: string) =>
  ctx.deps.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, userId), eq(auditLog.action, action)));

describe('a staff session without an authenticator', () => {
  it('is told to set one up and refused everything else with a stable code', async () => {
    const { client } = await staff(['admin']);
    const session = await client.get('/api/auth/session');
    expect(session.json().user.secondFactor).toBe('setup_required');
    for (const [method, url] of [
      ['GET', '/api/admin/users'],
      ['GET', '/api/me/notifications'],
      ['POST', '/api/tokens'],
      ['POST', '/api/me/notifications/read'],
    ] as const) {
      const res = await client.request({ method, url, payload: method === 'POST' ? {} : undefined });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code, url).toBe('SECOND_FACTOR_SETUP_REQUIRED');
    }
    expect((await client.get('/api/auth/second-factor')).json()).toMatchObject({
      state: 'setup_required',
      requiredByRole: true,
      demoExempt: false,
    });
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
  });

  it('applies to every default staff role and to no other role', async () => {
    for (const roles of [['console_doctor'], ['oms_rep']] as const) {
      const { client } = await staff([...roles]);
      expect((await client.get('/api/auth/session')).json().user.secondFactor).toBe('setup_required');
    }
    const orgs = await makeOrganisations(ctx.deps);
    const insurer = await staff(['insurer_user'], { insurerId: orgs.insurer.id });
    expect((await insurer.client.get('/api/auth/session')).json().user.secondFactor).toBe('setup_required');
    for (const roles of [['insured'], ['clinic_user'], ['policyholder_user']] as const) {
      const { client } = await staff([...roles]);
      expect((await client.get('/api/auth/session')).json().user.secondFactor).toBe('not_required');
      expect((await client.get('/api/me/notifications')).statusCode).toBe(200);
    }
  });

  it('a demo account flagged by the seed signs in with its password alone', async () => {
    const { client } = await loggedIn(ctx, ['admin'], { secondFactorExempt: true });
    expect((await client.get('/api/auth/session')).json().user.secondFactor).toBe('not_required');
    expect((await client.get('/api/admin/users')).statusCode).toBe(200);
    expect((await client.get('/api/auth/second-factor')).json()).toMatchObject({ demoExempt: true });
  });
});

describe('enrolment', () => {
  it('shows a QR code and the secret, confirms with a code, returns ten recovery codes once', async () => {
    const { user, client } = await staff(['console_doctor']);
    const start = await client.post('/api/auth/second-factor/enrolment');
    expect(start.statusCode).toBe(200);
    const { secret, otpauthUri, qrDataUrl } = start.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/remed:.+\?.*secret=[A-Z2-7]{32}/);
    expect(otpauthUri).toContain(encodeURIComponent(user.email));
    expect(qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);

    const wrong = await client.post('/api/auth/second-factor/enrolment/confirm', { code: '000000' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('SECOND_FACTOR_INVALID');
    const malformed = await client.post('/api/auth/second-factor/enrolment/confirm', { code: '12ab' });
    expect(malformed.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { code: expect.any(String) } },
    });

    const ok = await client.post('/api/auth/second-factor/enrolment/confirm', {
      code: await totpAt(ctx, secret),
    });
    expect(ok.statusCode).toBe(200);
    const codes: string[] = ok.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);

    // The same session goes on working; the state says so.
    expect((await client.get('/api/auth/session')).json().user.secondFactor).toBe('enrolled');
    expect((await client.get('/api/me/notifications')).statusCode).toBe(200);
    // Stored sealed and hashed, never in the clear.
    const [row] = await ctx.deps.database.db.select().from(userTotp).where(eq(userTotp.userId, user.id));
    expect(row!.secretSealed).not.toContain(secret);
    const stored = await ctx.deps.database.db
      .select()
      .from(recoveryCodes)
      .where(eq(recoveryCodes.userId, user.id));
    expect(stored).toHaveLength(10);
    for (const s of stored)
      expect(codes.some((c) => s.codeHash.includes(c) || s.salt.includes(c))).toBe(false);
    // A second enrolment is refused instead of silently replacing the authenticator.
    expect((await client.post('/api/auth/second-factor/enrolment')).json().code).toBe(
      'SECOND_FACTOR_ENROLLED',
    );
    expect(await auditOf(user.id, 'second_factor.enrolled')).toHaveLength(1);
    expect(await auditOf(user.id, 'second_factor.enrolment_started')).toHaveLength(1);
  });

  it('closes password-only sessions on other devices', async () => {
    const user = await makeUser(ctx.deps, { roles: ['admin'], secondFactorExempt: false });
    const laptop = new TestClient(ctx.app);
    const phone = new TestClient(ctx.app);
    await laptop.login(user.email);
    await phone.login(user.email);
    await enrol(ctx, laptop);
    expect((await phone.get('/api/auth/session')).statusCode).toBe(401);
    expect((await laptop.get('/api/admin/users')).statusCode).toBe(200);
  });

  it('starting again replaces an unconfirmed secret; the old QR code no longer works', async () => {
    const { client } = await staff(['oms_rep']);
    const first = (await client.post('/api/auth/second-factor/enrolment')).json().secret;
    const second = (await client.post('/api/auth/second-factor/enrolment')).json().secret;
    expect(second).not.toBe(first);
    const old = await client.post('/api/auth/second-factor/enrolment/confirm', {
      code: await totpAt(ctx, first),
    });
    expect(old.json().code).toBe('SECOND_FACTOR_INVALID');
    const fresh = await client.post('/api/auth/second-factor/enrolment/confirm', {
      code: await totpAt(ctx, second),
    });
    expect(fresh.statusCode).toBe(200);
  });

  it('confirming before starting is a clear conflict, not a 500', async () => {
    const { client } = await staff(['admin']);
    const res = await client.post('/api/auth/second-factor/enrolment/confirm', { code: '123456' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('SECOND_FACTOR_NOT_ENROLLED');
  });
});
