import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpLogin, type LiveSocket, openSocket } from '../../../test/chat-helpers.ts';
import {
  createTestContext,
  makeOrganisations,
  makeUser,
  TEST_PASSWORD,
  TestClient,
  type TestContext,
} from '../../../test/harness.ts';

let ctx: TestContext;
let base: string;
let wsUrl: string;
let clinicA: string;
let clinicB: string;
const users: Record<'a' | 'b' | 'doctor' | 'insurer', { email: string; cookie: string; client: TestClient }> =
  {} as never;
const sockets: LiveSocket[] = [];

beforeAll(async () => {
  ctx = await createTestContext({ LOGIN_RATE_PER_MINUTE: '1000' });
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  wsUrl = `${base.replace('http', 'ws')}/api/chat/ws`;
  const orgs = await makeOrganisations(ctx.deps);
  clinicA = orgs.clinic.id;
  clinicB = orgs.clinic2.id;
  const make = async (opts: Parameters<typeof makeUser>[1]) => {
    const u = await makeUser(ctx.deps, opts);
    const client = new TestClient(ctx.app);
    await client.login(u.email);
    return { email: u.email, cookie: await httpLogin(base, u.email, TEST_PASSWORD), client };
  };
  users.a = await make({ roles: ['clinic_user'], clinicIds: [clinicA] });
  users.b = await make({ roles: ['clinic_user'], clinicIds: [clinicB] });
  users.doctor = await make({ roles: ['console_doctor'] });
  users.insurer = await make({ roles: ['insurer_user'], insurerId: orgs.insurer.id });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await ctx.close();
});

async function connect(cookie: string, origin = base) {
  const s = await openSocket(wsUrl, { cookie, origin });
  sockets.push(s);
  await s.next((e) => e.type === 'ready');
  return s;
}

const refused = (headers: Record<string, string>) =>
  openSocket(wsUrl, headers).then(
    () => 0,
    (e: { status?: number }) => e.status ?? -1,
  );

describe('chat WebSocket', () => {
  it('refuses the upgrade without a session, from a foreign or missing Origin, and to other roles', async () => {
    expect(await refused({ origin: base })).toBe(401);
    expect(await refused({ origin: base, cookie: 'remed_session=forged' })).toBe(401);
    expect(await refused({ origin: 'https://evil.example', cookie: users.a.cookie })).toBe(403);
    expect(await refused({ cookie: users.a.cookie })).toBe(403);
    expect(await refused({ origin: base, cookie: users.insurer.cookie })).toBe(403);
  });

  it('subscribes a clinic user to their own clinic only', async () => {
    const s = await connect(users.a.cookie);
    s.send({ type: 'subscribe', topic: `clinic:${clinicB}` });
    expect(await s.next((e) => e.type === 'error' && e.topic === `clinic:${clinicB}`)).toMatchObject({
      code: 'FORBIDDEN',
    });
    s.send({ type: 'subscribe', topic: 'console' });
    expect(await s.next((e) => e.type === 'error' && e.topic === 'console')).toMatchObject({
      code: 'FORBIDDEN',
    });
    s.send({ type: 'subscribe', topic: 'nonsense' });
    expect(await s.next((e) => e.type === 'error' && e.topic === undefined)).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    s.send({ type: 'subscribe', topic: `clinic:${clinicA}` });
    await s.next((e) => e.type === 'subscribed' && e.topic === `clinic:${clinicA}`);
    expect(await s.next((e) => e.type === 'unread')).toMatchObject({ clinicId: clinicA, total: 0 });
  });

  it('pushes messages, read receipts and counters to the sockets of the thread’s clinic and the console', async () => {
    const clinic = await connect(users.a.cookie);
    clinic.send({ type: 'subscribe', topic: `clinic:${clinicA}` });
    await clinic.next((e) => e.type === 'subscribed');
    const other = await connect(users.b.cookie);
    other.send({ type: 'subscribe', topic: `clinic:${clinicB}` });
    await other.next((e) => e.type === 'subscribed');
    const console_ = await connect(users.doctor.cookie);
    console_.send({ type: 'subscribe', topic: 'console' });
    await console_.next((e) => e.type === 'subscribed');
    const before = (await console_.next((e) => e.type === 'unread')).total as number;

    const thread = (
      await users.a.client.post(`/api/clinics/${clinicA}/chat/threads`, { department: 'expertise' })
    ).json();
    const question = (
      await users.a.client.post(`/api/clinics/${clinicA}/chat/threads/${thread.id}/messages`, {
        clientId: crypto.randomUUID(),
        body: 'Согласуйте, пожалуйста, МРТ',
      })
    ).json();
    const heard = await console_.next((e) => e.type === 'message');
    expect(heard).toMatchObject({
      clinicId: clinicA,
      message: { id: question.id, body: 'Согласуйте, пожалуйста, МРТ' },
    });
    expect(await console_.next((e) => e.type === 'unread' && e.total === before + 1)).toBeTruthy();
    await clinic.next((e) => e.type === 'message' && (e.message as { id: string }).id === question.id);

    const answer = (
      await users.doctor.client.post(`/api/console/chat/threads/${thread.id}/messages`, {
        clientId: crypto.randomUUID(),
        body: 'Согласовано',
      })
    ).json();
    await clinic.next((e) => e.type === 'message' && (e.message as { id: string }).id === answer.id);
    expect(await clinic.next((e) => e.type === 'unread' && e.total === 1)).toMatchObject({
      clinicId: clinicA,
    });

    await users.a.client.post(`/api/clinics/${clinicA}/chat/threads/${thread.id}/read`, { seq: answer.seq });
    expect(await console_.next((e) => e.type === 'read')).toMatchObject({
      threadId: thread.id,
      side: 'clinic',
      seq: answer.seq,
    });
    await clinic.next((e) => e.type === 'unread' && e.total === 0);

    // Clinic B heard nothing of it.
    await new Promise((r) => setTimeout(r, 200));
    expect(other.events.filter((e) => e.type === 'message' || e.type === 'read')).toEqual([]);
  });

  it('a signed-out session cannot open a socket', async () => {
    const cookie = await httpLogin(base, users.a.email, TEST_PASSWORD);
    const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie } });
    const token = ((await csrf.json()) as { csrfToken: string }).csrfToken;
    const set = csrf.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const out = await fetch(`${base}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: `${cookie}; ${set}`, 'x-csrf-token': token, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBeLessThan(300);
    expect(await refused({ origin: base, cookie })).toBe(401);
  });
});
