import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  makeUser,
  TEST_PASSWORD,
  TestClient,
  type TestContext,
} from '../../../test/harness.ts';
import { apiTokens, users } from '../../db/schema/index.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({}, { jobs: 'off' });
});
afterAll(() => ctx.close());

/** An administrator with a temporary password, signed in: what the first login after a reset looks like. */
async function withTemporaryPassword() {
  const user = await makeUser(ctx.deps, { roles: ['admin'] });
  await ctx.deps.database.db.update(users).set({ mustChangePassword: true }).where(eq(users.id, user.id));
  const client = new TestClient(ctx.app);
  const login = await client.login(user.email);
  expect(login.json().user.mustChangePassword).toBe(true);
  return { user, client };
}

describe('a temporary password must be changed before the account does anything', () => {
  it('answers 403 PASSWORD_CHANGE_REQUIRED to reads and writes alike', async () => {
    const { user, client } = await withTemporaryPassword();
    for (const res of [
      await client.get('/api/admin/users'),
      await client.get('/api/admin/audit'),
      await client.get('/api/home'),
      await client.post('/api/tokens', { name: 'Обход формы' }),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({
        code: 'PASSWORD_CHANGE_REQUIRED',
        message: 'Сначала смените временный пароль',
      });
    }
    // The refused write did not happen.
    expect(await ctx.deps.database.db.select().from(apiTokens).where(eq(apiTokens.userId, user.id))).toEqual(
      [],
    );
  });

  it('still reaches the session, the CSRF token, the change itself and logout', async () => {
    const { client } = await withTemporaryPassword();
    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
    expect((await client.get('/api/auth/csrf')).statusCode).toBe(200);
    const wrong = await client.post('/api/auth/password', {
      currentPassword: 'not-it',
      newPassword: 'Fresh-password-77',
    });
    expect(wrong.json().code).toBe('WRONG_PASSWORD');
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('opens everything once the password is changed, in the same session', async () => {
    const { client } = await withTemporaryPassword();
    const changed = await client.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Fresh-password-77',
    });
    expect(changed.statusCode).toBe(200);
    expect((await client.get('/api/auth/session')).json().user.mustChangePassword).toBe(false);
    expect((await client.get('/api/admin/users')).statusCode).toBe(200);
  });

  it('does not touch people without a temporary password, nor anonymous visitors', async () => {
    const user = await makeUser(ctx.deps, { roles: ['admin'] });
    const client = new TestClient(ctx.app);
    await client.login(user.email);
    expect((await client.get('/api/admin/users')).statusCode).toBe(200);
    const anonymous = await ctx.app.inject({ url: '/api/admin/users' });
    expect(anonymous.json().code).toBe('UNAUTHENTICATED');
  });
});
