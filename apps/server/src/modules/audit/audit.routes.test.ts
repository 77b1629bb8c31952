import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, loggedIn, TestClient, type TestContext, unique } from '../../../test/harness.ts';

let ctx: TestContext;
let admin: TestClient;
let adminId: string;
beforeAll(async () => {
  ctx = await createTestContext({ LOGIN_RATE_PER_MINUTE: '1000' });
  const a = await loggedIn(ctx, ['admin']);
  admin = a.client;
  adminId = a.user.id;
});
afterAll(() => ctx.close());

describe('audit log', () => {
  it('records user creation, role change and login with who, when, before/after, request id and IP', async () => {
    const email = `${unique()}@audit.ru`;
    const created = await admin.post(
      '/api/admin/users',
      { fullName: 'Аудитов Пётр', email, password: 'Password-123', roles: ['console_doctor'] },
      { headers: { 'x-request-id': 'req-create-1' } },
    );
    const userId = created.json().id;
    await admin.patch(`/api/admin/users/${userId}`, { roles: ['console_doctor', 'oms_rep'], omsLevel: 3 });
    await new TestClient(ctx.app, { 'x-forwarded-for': '10.1.2.3' }).login(email, 'Password-123');

    const res = await admin.get(`/api/admin/audit?entityType=user&entityId=${userId}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      action: string;
      actorId: string | null;
      before: unknown;
      after: unknown;
      requestId: string;
      ip: string;
      at: string;
    }[];
    expect(items.map((i) => i.action)).toEqual(['auth.login', 'user.roles_changed', 'user.created']);
    const [login, roleChange, creation] = items;
    expect(creation).toMatchObject({
      actorId: adminId,
      requestId: 'req-create-1',
      ip: '127.0.0.1',
      before: null,
    });
    expect(creation!.after).toMatchObject({ email, roles: ['console_doctor'] });
    expect(JSON.stringify(creation)).not.toMatch(/passwordHash|\$2b\$/);
    expect(roleChange).toMatchObject({
      actorId: adminId,
      before: { roles: ['console_doctor'] },
      after: { roles: ['console_doctor', 'oms_rep'], omsLevel: 3 },
    });
    expect(login).toMatchObject({ actorId: userId });
    expect(new Date(creation!.at).getTime()).toBe(ctx.clock.now().getTime());
  });

  it('filters by action prefix and date, and pages', async () => {
    const res = await admin.get('/api/admin/audit?action=user.&limit=1');
    expect(res.json().items).toHaveLength(1);
    expect(res.json().total).toBeGreaterThanOrEqual(2);
    expect(res.json().items[0].action.startsWith('user.')).toBe(true);
    const future = await admin.get('/api/admin/audit?from=2030-01-01');
    expect(future.json()).toEqual({ items: [], total: 0 });
    const bad = await admin.get('/api/admin/audit?from=вчера');
    expect(bad.statusCode).toBe(400);
  });

  it('exports CSV for Excel with the same filters, neutralising formulas', async () => {
    const email = `${unique()}@csv.ru`;
    await admin.post('/api/admin/users', {
      fullName: '=HYPERLINK("x")',
      email,
      password: 'Password-123',
      roles: ['insured'],
    });
    const res = await admin.get('/api/admin/audit.csv?action=user.created');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="audit-/);
    expect(res.body.startsWith('\uFEFFВремя (UTC);Кто;Действие')).toBe(true);
    expect(res.body).toContain(email);
    expect(res.body).not.toContain('auth.login');
    expect(res.body).not.toMatch(/;=HYPERLINK/);
  });

  it('records failed logins without revealing the password', async () => {
    await new TestClient(ctx.app).post('/api/auth/login', {
      login: 'stranger@nowhere.ru',
      password: 'secret-guess-1',
    });
    const res = await admin.get('/api/admin/audit?action=auth.login_failed');
    const entry = res.json().items[0];
    expect(entry.after).toMatchObject({ login: 'stranger@nowhere.ru', failures: 1 });
    expect(JSON.stringify(entry)).not.toContain('secret-guess-1');
  });
});
