import type { AddressInfo } from 'node:net';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatForm, httpLogin, openSocket, PNG } from '../../test/chat-helpers.ts';
import {
  createTestContext,
  loggedIn,
  makeInsured,
  makeOrganisations,
  makeProgram,
  multipartBody,
  TEST_PASSWORD,
  type TestClient,
  type TestContext,
} from '../../test/harness.ts';

let ctx: TestContext;
let orgs: Awaited<ReturnType<typeof makeOrganisations>>;
let doctor: TestClient;
let clinicUser: TestClient;
let clinicEmail: string;
let insured: TestClient;
let insurer: TestClient;
let programId: string;
let threadUrl: string;

beforeAll(async () => {
  ctx = await createTestContext({ LOGIN_RATE_PER_MINUTE: '1000' }, { jobs: 'off' });
  orgs = await makeOrganisations(ctx.deps);
  ({ programId } = await makeProgram(ctx.deps, orgs));
  doctor = (await loggedIn(ctx, ['console_doctor'])).client;
  const clinic = await loggedIn(ctx, ['clinic_user'], { clinicIds: [orgs.clinic.id] });
  clinicUser = clinic.client;
  clinicEmail = clinic.user.email;
  insurer = (await loggedIn(ctx, ['insurer_user'], { insurerId: orgs.insurer.id })).client;
  const person = await makeInsured(ctx.deps, programId, { withUser: true });
  insured = (await loggedIn(ctx, ['insured'])).client;
  await insured.login(person.user!.email);
  const thread = await clinicUser.post(`/api/clinics/${orgs.clinic.id}/chat/threads`, {
    department: 'general',
  });
  threadUrl = `/api/clinics/${orgs.clinic.id}/chat/threads/${thread.json().id}/messages`;
});
afterAll(() => ctx.close());

/** A POST with the body exactly as given: the payload and content type are not the client's to choose. */
const postRaw = (
  client: TestClient,
  url: string,
  body: { payload?: InjectOptions['payload']; headers?: Record<string, string> },
) => client.request({ method: 'POST', url, ...body });

const raw = (bytes: number[] | Buffer, before = '', after = '') =>
  Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]);

describe('text at the HTTP edge', () => {
  it('refuses NUL and broken UTF-8 in the address and the query with INVALID_TEXT', async () => {
    for (const q of ['%00', 'abc%00def', '%FF', '%C3%28', '%ED%A0%80', '%F0%9F']) {
      const res = await doctor.get(`/api/console/services?q=${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json()).toMatchObject({ code: 'INVALID_TEXT' });
      expect(res.json().message).toMatch(/недопустимые символы/);
    }
    expect((await doctor.get('/api/letters/%00')).json().code).toBe('INVALID_TEXT');
    // Cyrillic, an emoji and a percent sign written as text are ordinary input.
    for (const q of [encodeURIComponent('приём терапевта'), encodeURIComponent('😀'), '100%25', '100%'])
      expect((await doctor.get(`/api/console/services?q=${q}`)).statusCode, q).toBe(200);
  });

  it('refuses NUL, lone surrogates and broken UTF-8 anywhere in a JSON body, naming the field', async () => {
    const nul = await doctor.post('/api/auth/login', { login: 'ivanov\u0000@test.ru', password: 'x' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json()).toMatchObject({
      code: 'INVALID_TEXT',
      details: { fields: { login: expect.any(String) } },
    });

    const nested = await clinicUser.post(threadUrl, {
      clientId: crypto.randomUUID(),
      body: 'ok',
      extra: { list: ['fine', 'bad\u0000'] },
    });
    expect(nested.json()).toMatchObject({
      code: 'INVALID_TEXT',
      details: { fields: { 'extra.list.1': expect.any(String) } },
    });
    const key = await clinicUser.post(threadUrl, { clientId: crypto.randomUUID(), 'bo\u0000dy': 'x' });
    expect(key.json().code).toBe('INVALID_TEXT');

    const surrogate = await postRaw(clinicUser, threadUrl, {
      payload: `{"clientId":"${crypto.randomUUID()}","body":"half \\ud800 of a pair"}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(surrogate.json().code).toBe('INVALID_TEXT');

    const broken = await postRaw(clinicUser, threadUrl, {
      payload: raw([0xd0, 0x28, 0xff], `{"clientId":"${crypto.randomUUID()}","body":"`, '"}'),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('INVALID_TEXT');

    // Nothing was stored by the refused messages; a proper one with an emoji and Cyrillic goes through.
    const good = await clinicUser.post(threadUrl, { clientId: crypto.randomUUID(), body: 'Здравствуйте 👋' });
    expect(good.statusCode).toBe(201);
    const page = await clinicUser.get(threadUrl);
    expect(page.json().messages.map((m: { body: string }) => m.body)).toEqual(['Здравствуйте 👋']);
  });

  it('a refused login does not count as a failed attempt', async () => {
    for (let i = 0; i < 7; i++)
      expect(
        (await doctor.post('/api/auth/login', { login: clinicEmail, password: 'x\u0000' })).statusCode,
      ).toBe(400);
    const ok = await doctor.post('/api/auth/login', { login: clinicEmail, password: TEST_PASSWORD });
    expect(ok.statusCode).toBe(200);
  });

  it('refuses NUL and broken UTF-8 in multipart form fields and file names', async () => {
    const nulField = await postRaw(
      insured,
      '/api/me/requests',
      multipartBody({ complaint: 'Болит\u0000 горло' }),
    );
    expect(nulField.statusCode).toBe(400);
    expect(nulField.json()).toMatchObject({
      code: 'INVALID_TEXT',
      details: { fields: { complaint: expect.any(String) } },
    });

    const boundary = '----remedbroken';
    const brokenField = await postRaw(insured, '/api/me/requests', {
      payload: raw(
        [0xc3, 0x28, 0xfe],
        `--${boundary}\r\ncontent-disposition: form-data; name="complaint"\r\n\r\nБолит `,
        `\r\n--${boundary}--\r\n`,
      ),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(brokenField.json().code).toBe('INVALID_TEXT');

    const chat = await postRaw(
      clinicUser,
      threadUrl,
      chatForm({ clientId: crypto.randomUUID(), body: 'файл' }, [{ name: 'скан\u0000.png', content: PNG }]),
    );
    expect(chat.statusCode).toBe(400);
    expect(chat.json().code).toBe('INVALID_TEXT');
    const chatText = await postRaw(
      clinicUser,
      threadUrl,
      chatForm({ clientId: crypto.randomUUID(), body: 'a\u0000b' }),
    );
    expect(chatText.json().code).toBe('INVALID_TEXT');
    expect((await clinicUser.get(threadUrl)).json().messages).toHaveLength(1);
  });
});

describe('upload routes take only a multipart form', () => {
  it('answers 415 UNSUPPORTED_MEDIA_TYPE to JSON, plain text, octet-stream and an empty body on every upload route', async () => {
    const routes: [TestClient, string][] = [
      [insured, '/api/me/claims/photo'],
      [insured, '/api/me/requests'],
      [insurer, `/api/insurance/programs/${programId}/imports`],
      [clinicUser, `/api/clinics/${orgs.clinic.id}/price-lists/uploads`],
      [clinicUser, `/api/clinics/${orgs.clinic.id}/documents`],
    ];
    const bodies: { payload?: InjectOptions['payload']; headers: Record<string, string> }[] = [
      { payload: { file: 'x' }, headers: {} },
      { payload: 'file=x', headers: { 'content-type': 'text/plain' } },
      { payload: Buffer.from([1, 2, 3]), headers: { 'content-type': 'application/octet-stream' } },
      { payload: undefined, headers: {} },
    ];
    for (const [client, url] of routes)
      for (const body of bodies) {
        const res = await postRaw(client, url, body);
        expect(res.statusCode, `${url} ${JSON.stringify(body.headers)}`).toBe(415);
        expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
        expect(res.json().message).toMatch(/multipart\/form-data/);
      }
  });

  it('answers 400 to a broken form: no boundary, a body cut short, garbage after the header', async () => {
    const form = multipartBody({ complaint: 'Болит горло' }, { field: 'photo', name: 'a.png', content: PNG });
    const broken = [
      { payload: form.payload, headers: { 'content-type': 'multipart/form-data' } },
      { payload: form.payload.subarray(0, form.payload.length - 30), headers: form.headers },
      { payload: Buffer.from('not a form at all'), headers: form.headers },
    ];
    for (const url of ['/api/me/requests', '/api/me/claims/photo'])
      for (const body of broken) {
        const res = await postRaw(insured, url, body);
        expect(res.statusCode, `${url} ${body.headers['content-type']}`).toBe(400);
        expect(res.json().code).toBe('VALIDATION_FAILED');
      }
  });

  it('the chat keeps taking JSON or a form, and answers 415 to other body types', async () => {
    const res = await postRaw(clinicUser, threadUrl, {
      payload: Buffer.from('x'),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('chat WebSocket commands', () => {
  it('answers a command with NUL with an error and keeps the socket; broken UTF-8 closes it (1007)', async () => {
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
    const cookie = await httpLogin(base, clinicEmail, TEST_PASSWORD);
    const url = `${base.replace('http', 'ws')}/api/chat/ws`;
    const socket = await openSocket(url, { cookie, origin: base });
    await socket.next((e) => e.type === 'ready');
    socket.send({ type: 'subscribe', topic: `clinic:${orgs.clinic.id}\u0000` });
    expect(await socket.next((e) => e.type === 'error')).toMatchObject({ code: 'VALIDATION_FAILED' });
    socket.send({ type: 'subscribe', topic: `clinic:${orgs.clinic.id}` });
    await socket.next((e) => e.type === 'subscribed');
    socket.close();

    const { WebSocket } = await import('ws');
    const ws = new WebSocket(url, { headers: { cookie, origin: base } });
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    // ws refuses to send a broken text frame itself; the raw frame is what a hostile client could send.
    (ws as unknown as { _sender: { sendFrame(list: Buffer[], cb?: () => void): void } })._sender.sendFrame([
      Buffer.from([0x81, 0x82, 0, 0, 0, 0, 0xc3, 0x28]),
    ]);
    expect(await closed).toBe(1007);
  });
});
