import { ROLES, type Role } from '@remed/core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  loggedIn,
  makeOrganisations,
  makeUser,
  TestClient,
  type TestContext,
  unique,
} from '../../../test/harness.ts';
import { auditLog } from '../../db/schema/index.ts';

let ctx: TestContext;
let orgs: Awaited<ReturnType<typeof makeOrganisations>>;
const clients = new Map<Role, TestClient>();
let target: { id: string };

beforeAll(async () => {
  ctx = await createTestContext({ LOGIN_RATE_PER_MINUTE: '1000' });
  orgs = await makeOrganisations(ctx.deps);
  const membership: Partial<Record<Role, object>> = {
    clinic_user: { clinicIds: [orgs.clinic.id] },
    insurer_user: { insurerId: orgs.insurer.id },
    policyholder_user: { policyholderId: orgs.policyholder.id },
    oms_rep: { omsLevel: 2 },
  };
  for (const role of ROLES) clients.set(role, (await loggedIn(ctx, [role], membership[role] ?? {})).client);
  target = await makeUser(ctx.deps, { roles: ['insured'] });
});
afterAll(() => ctx.close());

const adminEndpoints = () => [
  { method: 'GET', url: '/api/admin/users' },
  { method: 'GET', url: `/api/admin/users/${target.id}` },
  {
    method: 'POST',
    url: '/api/admin/users',
    payload: {
      fullName: 'Новый Пользователь',
      email: `${unique()}@t.ru`,
      password: 'Password-123',
      roles: ['console_doctor'],
    },
  },
  { method: 'PATCH', url: `/api/admin/users/${target.id}`, payload: { fullName: 'Переименован Иван' } },
  {
    method: 'POST',
    url: `/api/admin/users/${target.id}/reset-password`,
    payload: { password: 'Temporary-pass-1' },
  },
  { method: 'GET', url: '/api/admin/organisations' },
  { method: 'GET', url: '/api/admin/audit' },
  { method: 'GET', url: '/api/admin/audit.csv' },
  { method: 'GET', url: '/api/admin/outbox' },
];

describe('access matrix of the admin API', () => {
  for (const role of ROLES) {
    it(`${role}: ${role === 'admin' ? 'allowed' : '403 FORBIDDEN'} on every admin endpoint`, async () => {
      const c = clients.get(role)!;
      for (const e of adminEndpoints()) {
        const res = await c.request({ method: e.method as 'GET', url: e.url, payload: e.payload });
        if (role === 'admin') expect(res.statusCode, `${e.method} ${e.url}: ${res.body}`).toBeLessThan(300);
        else {
          expect(res.statusCode, `${role} ${e.method} ${e.url}`).toBe(403);
          expect(res.json().code).toBe('FORBIDDEN');
        }
      }
    });
  }

  it('anonymous callers get 401 UNAUTHENTICATED', async () => {
    const anon = new TestClient(ctx.app);
    for (const e of adminEndpoints()) {
      const res = await anon.request({ method: e.method as 'GET', url: e.url, payload: e.payload });
      expect(res.statusCode, `${e.method} ${e.url}`).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
  });

  it('the insured person cannot reach staff data through API tokens either', async () => {
    const res = await clients.get('insured')!.post('/api/tokens', { name: 'мой токен' });
    expect(res.statusCode).toBe(403);
  });
});

describe('user management', () => {
  const admin = () => clients.get('admin')!;

  it('requires the organisation that a role works for', async () => {
    const res = await admin().post('/api/admin/users', {
      fullName: 'Сотрудник Клиники',
      email: `${unique()}@clinic.ru`,
      password: 'Password-123',
      roles: ['clinic_user'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'ORGANISATION_REQUIRED',
      details: { fields: { clinicIds: expect.any(String) } },
    });
    const oms = await admin().post('/api/admin/users', {
      fullName: 'Представитель ОМС',
      email: `${unique()}@oms.ru`,
      password: 'Password-123',
      roles: ['oms_rep'],
    });
    expect(oms.statusCode).toBe(400);
    expect(oms.json().details.fields).toHaveProperty('omsLevel');
  });

  it('creates a network clinic user who can then log in and must change the password', async () => {
    const email = `${unique()}@network.ru`;
    const res = await admin().post('/api/admin/users', {
      fullName: 'Сетевая Ольга',
      email: email.toUpperCase(),
      phone: '8 (903) 111-22-33',
      password: 'Password-123',
      roles: ['clinic_user'],
      clinicIds: [orgs.clinic.id, orgs.clinic2.id],
    });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({ email, phone: '+79031112233', mustChangePassword: true, blocked: false });
    expect(user.clinics.map((c: { id: string }) => c.id).sort()).toEqual(
      [orgs.clinic.id, orgs.clinic2.id].sort(),
    );
    const session = await new TestClient(ctx.app).login(email, 'Password-123');
    expect(session.json().user.mustChangePassword).toBe(true);
  });

  it('refuses a duplicate e-mail with a field error and writes no audit record', async () => {
    const existing = await makeUser(ctx.deps, { roles: ['insured'] });
    const before = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'user.created'));
    const res = await admin().post('/api/admin/users', {
      fullName: 'Двойник',
      email: existing.email,
      password: 'Password-123',
      roles: ['insured'],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'EMAIL_TAKEN',
      details: { fields: { email: expect.any(String) } },
    });
    const after = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'user.created'));
    expect(after.length).toBe(before.length);
  });

  it('blocking signs the user out at once; an admin cannot block themself', async () => {
    const { user, client } = await loggedIn(ctx, ['console_doctor']);
    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
    const res = await admin().patch(`/api/admin/users/${user.id}`, { blocked: true });
    expect(res.json().blocked).toBe(true);
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);
    const unblock = await admin().patch(`/api/admin/users/${user.id}`, { blocked: false });
    expect(unblock.json().blocked).toBe(false);

    const me = (await admin().get('/api/auth/session')).json().user.id;
    const self = await admin().patch(`/api/admin/users/${me}`, { blocked: true });
    expect(self.json().code).toBe('CANNOT_BLOCK_SELF');
  });

  it('a role change takes effect on the next request', async () => {
    const { user, client } = await loggedIn(ctx, ['console_doctor']);
    await admin().patch(`/api/admin/users/${user.id}`, { roles: ['admin'] });
    const again = new TestClient(ctx.app);
    await again.login(user.email);
    expect((await again.get('/api/admin/users')).statusCode).toBe(200);
    expect((await client.get('/api/admin/users')).statusCode).toBe(401);
  });

  it('reset password replaces the old one and signs the user out', async () => {
    const { user, client } = await loggedIn(ctx, ['insurer_user'], { insurerId: orgs.insurer.id });
    expect(
      (await admin().post(`/api/admin/users/${user.id}/reset-password`, { password: 'Temporary-pass-9' }))
        .statusCode,
    ).toBe(200);
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);
    const fresh = new TestClient(ctx.app);
    expect(
      (await fresh.post('/api/auth/login', { login: user.email, password: user.password })).statusCode,
    ).toBe(401);
    expect((await fresh.login(user.email, 'Temporary-pass-9')).json().user.mustChangePassword).toBe(true);
  });

  it('answers 404 for an unknown user and 400 for a malformed id', async () => {
    expect((await admin().get('/api/admin/users/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await admin().get('/api/admin/users/not-a-uuid')).json().code).toBe('VALIDATION_FAILED');
  });
});
