import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatForm, PDF, PNG } from '../../../test/chat-helpers.ts';
import {
  createTestContext,
  loggedIn,
  makeOrganisations,
  TestClient,
  type TestContext,
} from '../../../test/harness.ts';
import { auditLog, chatMessages, outboxMessages } from '../../db/schema/index.ts';
import { notifyClinic } from './notify-clinic.ts';

let ctx: TestContext;
let clinicA: string;
let clinicB: string;
let userA: TestClient;
let userA2: TestClient;
let userB: TestClient;
let doctor: TestClient;
let doctor2: TestClient;
let admin: TestClient;
let insurer: TestClient;
let insured: TestClient;
let anonymous: TestClient;
let userAEmail: string;

beforeAll(async () => {
  ctx = await createTestContext({ LOGIN_RATE_PER_MINUTE: '1000' });
  const orgs = await makeOrganisations(ctx.deps);
  clinicA = orgs.clinic.id;
  clinicB = orgs.clinic2.id;
  const a = await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinicA] });
  userA = a.client;
  userAEmail = a.user.email;
  userA2 = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinicA] })).client;
  userB = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinicB] })).client;
  doctor = (await loggedIn(ctx, ['console_doctor'])).client;
  doctor2 = (await loggedIn(ctx, ['console_doctor'])).client;
  admin = (await loggedIn(ctx, ['admin'])).client;
  insurer = (await loggedIn(ctx, ['insurer_user'], { insurerId: orgs.insurer.id })).client;
  insured = (await loggedIn(ctx, ['insured'])).client;
  anonymous = new TestClient(ctx.app);
});
afterAll(() => ctx.close());

const base = (clinicId: string) => `/api/clinics/${clinicId}/chat`;
const uuid = () => crypto.randomUUID();

async function openThread(client: TestClient, clinicId: string, department = 'general') {
  const res = await client.post(`${base(clinicId)}/threads`, { department });
  expect([200, 201]).toContain(res.statusCode);
  return res.json() as { id: string; unread: number; readUpTo: { clinic: number; service: number } };
}

async function say(client: TestClient, url: string, body: string) {
  const res = await client.post(url, { clientId: uuid(), body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; seq: number };
}

/** A thread of its own for a test: a fresh clinic pair keeps every test's counters apart. */
async function freshClinic() {
  const orgs = await makeOrganisations(ctx.deps);
  const member = await loggedIn(ctx, ['clinic_user'], { clinicIds: [orgs.clinic.id] });
  return { clinicId: orgs.clinic.id, client: member.client, email: member.user.email };
}

describe('threads', () => {
  it('opens one thread per clinic and department, audits its creation once', async () => {
    const first = await userA.post(`${base(clinicA)}/threads`, { department: 'contracts' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      clinic: { id: clinicA },
      department: 'contracts',
      lastMessage: null,
      unread: 0,
    });
    const again = await userA2.post(`${base(clinicA)}/threads`, { department: 'contracts' });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const other = await openThread(userA, clinicA, 'planning');
    expect(other.id).not.toBe(first.json().id);
    const audit = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'chat.thread_created'), eq(auditLog.entityId, first.json().id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ clinicId: clinicA, department: 'contracts' });

    const list = await userA.get(`${base(clinicA)}/threads`);
    expect(list.statusCode).toBe(200);
    expect(list.json().map((t: { department: string }) => t.department)).toEqual(
      expect.arrayContaining(['contracts', 'planning']),
    );
  });

  it('refuses an unknown department with the field named', async () => {
    const res = await userA.post(`${base(clinicA)}/threads`, { department: 'accounting' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields.department).toBeTruthy();
  });
});

describe('messages', () => {
  it('stores a message retried with the same client id once', async () => {
    const thread = await openThread(userA, clinicA, 'general');
    const url = `${base(clinicA)}/threads/${thread.id}/messages`;
    const clientId = uuid();
    const first = await userA.post(url, { clientId, body: '  Добрый день! Вопрос по реестру  ' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ side: 'clinic', body: 'Добрый день! Вопрос по реестру', clientId });
    const retry = await userA.post(url, { clientId, body: 'Добрый день! Вопрос по реестру' });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(first.json().id);
    const multipartRetry = await userA.request({
      method: 'POST',
      url,
      ...chatForm({ clientId, body: 'Добрый день! Вопрос по реестру' }, [{ name: 'a.pdf', content: PDF }]),
    });
    expect(multipartRetry.statusCode).toBe(200);
    expect(multipartRetry.json().attachments).toEqual([]);
    const rows = await ctx.deps.database.db
      .select()
      .from(chatMessages)
      .where(eq(chatMessages.clientId, clientId));
    expect(rows).toHaveLength(1);
    // The same key from another thread is a mistake, not a retry.
    const other = await openThread(userA, clinicA, 'expertise');
    const crossed = await userA.post(`${base(clinicA)}/threads/${other.id}/messages`, {
      clientId,
      body: 'x',
    });
    expect(crossed.statusCode).toBe(409);
  });

  it('needs text or a file, and a client id', async () => {
    const thread = await openThread(userA, clinicA, 'general');
    const url = `${base(clinicA)}/threads/${thread.id}/messages`;
    const empty = await userA.post(url, { clientId: uuid(), body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().details.fields.body).toBe('Напишите сообщение или приложите файл');
    const noId = await userA.post(url, { body: 'Текст' });
    expect(noId.statusCode).toBe(400);
    expect(noId.json().details.fields.clientId).toBeTruthy();
    const long = await userA.post(url, { clientId: uuid(), body: 'я'.repeat(4001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().details.fields.body).toMatch(/4000/);
  });

  it('needs the CSRF token like every change', async () => {
    const thread = await openThread(userA, clinicA, 'general');
    const res = await userA.post(
      `${base(clinicA)}/threads/${thread.id}/messages`,
      { clientId: uuid(), body: 'Без токена' },
      { headers: { 'x-csrf-token': 'forged' } },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_INVALID');
  });

  it('pages history from the newest back and searches within a thread', async () => {
    const { clinicId, client } = await freshClinic();
    const thread = await openThread(client, clinicId, 'planning');
    const url = `${base(clinicId)}/threads/${thread.id}/messages`;
    for (let i = 1; i <= 35; i++) await say(client, url, i === 7 ? 'Счёт № 7 оплачен' : `Сообщение ${i}`);
    const first = await client.get(url);
    expect(first.json().messages).toHaveLength(30);
    expect(first.json().hasMore).toBe(true);
    expect(first.json().messages.at(-1).body).toBe('Сообщение 35');
    expect(first.json().messages[0].body).toBe('Сообщение 6');
    const older = await client.get(`${url}?before=${first.json().messages[0].seq}`);
    expect(older.json().messages.map((m: { body: string }) => m.body)).toEqual([
      'Сообщение 1',
      'Сообщение 2',
      'Сообщение 3',
      'Сообщение 4',
      'Сообщение 5',
    ]);
    expect(older.json().hasMore).toBe(false);
    const found = await client.get(`${url}?q=${encodeURIComponent('счёт')}`);
    expect(found.json().messages.map((m: { body: string }) => m.body)).toEqual(['Счёт № 7 оплачен']);
    const bad = await client.get(`${url}?limit=500`);
    expect(bad.statusCode).toBe(400);
  });
});

describe('attachments', () => {
  it('uploads files with a message; the clinic and staff download them, staff downloads are audited', async () => {
    const thread = await openThread(userA, clinicA, 'expertise');
    const res = await userA.request({
      method: 'POST',
      url: `${base(clinicA)}/threads/${thread.id}/messages`,
      ...chatForm({ clientId: uuid(), body: 'Выписка и снимок' }, [
        { name: 'снимок.png', content: PNG, type: 'image/png' },
        { name: '../../выписка.pdf', content: PDF, type: 'application/pdf' },
      ]),
    });
    expect(res.statusCode, res.body).toBe(201);
    const files = res.json().attachments as {
      id: string;
      fileName: string;
      contentType: string;
      size: number;
    }[];
    expect(files.map((f) => [f.fileName, f.contentType, f.size])).toEqual([
      ['выписка.pdf', 'application/pdf', PDF.length],
      ['снимок.png', 'image/png', PNG.length],
    ]);
    const png = files.find((f) => f.contentType === 'image/png')!;
    const pdf = files.find((f) => f.contentType === 'application/pdf')!;

    const own = await userA2.get(`${base(clinicA)}/attachments/${png.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('image/png');
    expect(own.headers['content-disposition']).toMatch(/^inline;/);
    expect(own.rawPayload.equals(PNG)).toBe(true);
    const doc = await userA.get(`${base(clinicA)}/attachments/${pdf.id}`);
    expect(doc.headers['content-disposition']).toMatch(/^attachment;.*%D0%B2%D1%8B%D0%BF/);

    // Another clinic: through its own path the file does not exist, through ours it is forbidden.
    expect((await userB.get(`${base(clinicB)}/attachments/${png.id}`)).statusCode).toBe(404);
    expect((await userB.get(`${base(clinicA)}/attachments/${png.id}`)).statusCode).toBe(403);
    expect((await insurer.get(`${base(clinicA)}/attachments/${png.id}`)).statusCode).toBe(403);
    expect((await anonymous.get(`${base(clinicA)}/attachments/${png.id}`)).statusCode).toBe(401);
    expect((await userA.get(`/api/console/chat/attachments/${png.id}`)).statusCode).toBe(403);

    const staff = await doctor.get(`/api/console/chat/attachments/${pdf.id}`);
    expect(staff.statusCode).toBe(200);
    expect(staff.rawPayload.equals(PDF)).toBe(true);
    const audit = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'chat.attachment_downloaded'), eq(auditLog.entityId, pdf.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ clinicId: clinicA, fileName: 'выписка.pdf' });
    expect((await doctor.get(`/api/console/chat/attachments/${uuid()}`)).statusCode).toBe(404);
  });

  it('refuses a file over 10 MB, a type not accepted, a file not of its type and too many files', async () => {
    const { clinicId, client } = await freshClinic();
    const thread = await openThread(client, clinicId, 'expertise');
    const url = `${base(clinicId)}/threads/${thread.id}/messages`;
    const post = (files: { name: string; content: Buffer }[]) =>
      client.request({ method: 'POST', url, ...chatForm({ clientId: uuid(), body: 'файлы' }, files) });

    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await post([{ name: 'большой.pdf', content: big }]);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'Файл «большой.pdf» больше 10 МБ',
    });

    const exe = await post([{ name: 'программа.exe', content: Buffer.from('MZ') }]);
    expect(exe.statusCode).toBe(400);
    expect(exe.json().details.fields.files).toMatch(/такие файлы не принимаются/);

    const fake = await post([
      { name: 'картинка.png', content: Buffer.from('<html><script>alert(1)</script>') },
    ]);
    expect(fake.statusCode).toBe(400);
    expect(fake.json().details.fields.files).toMatch(/не является файлом своего типа/);

    const six = await post(Array.from({ length: 6 }, (_, i) => ({ name: `${i}.pdf`, content: PDF })));
    expect(six.statusCode).toBe(400);
    expect(six.json().details.fields.files).toBe('Не больше 5 файлов в сообщении');

    const page = await client.get(`${url}?limit=100`);
    expect(page.json().messages).toHaveLength(0);
    const kept: string[] = [];
    for await (const key of ctx.deps.storage.list()) if (key.startsWith(`chat/${thread.id}/`)) kept.push(key);
    expect(kept).toEqual([]);
  });
});

describe('unread counters and read receipts', () => {
  it('counts the other side’s messages per user until each reads them', async () => {
    const { clinicId, client: member } = await freshClinic();
    const thread = await openThread(member, clinicId, 'contracts');
    const clinicUrl = `${base(clinicId)}/threads/${thread.id}`;
    const consoleUrl = `/api/console/chat/threads/${thread.id}`;
    const before1 = (await doctor.get('/api/console/chat/unread')).json().total;
    const before2 = (await doctor2.get('/api/console/chat/unread')).json().total;

    await say(member, `${clinicUrl}/messages`, 'Когда пришлёте допсоглашение?');
    expect((await doctor.get('/api/console/chat/unread')).json().total).toBe(before1 + 1);
    expect((await doctor2.get('/api/console/chat/unread')).json().total).toBe(before2 + 1);
    // Their own message is no news to the clinic.
    expect((await member.get(`${base(clinicId)}/unread`)).json().total).toBe(0);

    const a1 = await say(doctor, `${consoleUrl}/messages`, 'Сегодня до конца дня.');
    const a2 = await say(doctor, `${consoleUrl}/messages`, 'Подпишите его в разделе «Договоры».');
    expect((await doctor2.get('/api/console/chat/unread')).json().total).toBe(before2 + 1);
    expect((await doctor.get('/api/console/chat/unread')).json().total).toBe(before1);
    expect((await member.get(`${base(clinicId)}/unread`)).json().total).toBe(2);
    const listed = (await member.get(`${base(clinicId)}/threads`)).json();
    expect(listed[0]).toMatchObject({
      unread: 2,
      lastMessage: { side: 'service', preview: 'Подпишите его в разделе «Договоры».' },
    });

    const partly = await member.post(`${clinicUrl}/read`, { seq: a1.seq });
    expect(partly.json()).toMatchObject({ unread: 1, readUpTo: { clinic: a1.seq } });
    const all = await member.post(`${clinicUrl}/read`, { seq: a2.seq + 1000 });
    expect(all.json()).toMatchObject({ unread: 0, readUpTo: { clinic: a2.seq, service: a2.seq } });
    // A marker never goes back.
    const back = await member.post(`${clinicUrl}/read`, { seq: 1 });
    expect(back.json().readUpTo.clinic).toBe(a2.seq);
    expect((await member.get(`${base(clinicId)}/unread`)).json().total).toBe(0);

    await doctor2.post(`${consoleUrl}/read`, { seq: a2.seq });
    expect((await doctor2.get('/api/console/chat/unread')).json().total).toBe(before2);
  });
});

describe('console', () => {
  it('lists every clinic’s threads with messages, unread first, filtered by department and clinic', async () => {
    const one = await freshClinic();
    const two = await freshClinic();
    const t1 = await openThread(one.client, one.clinicId, 'planning');
    const t2 = await openThread(two.client, two.clinicId, 'planning');
    await openThread(two.client, two.clinicId, 'contracts');
    await say(one.client, `${base(one.clinicId)}/threads/${t1.id}/messages`, 'Вопрос по тарифам');
    await say(two.client, `${base(two.clinicId)}/threads/${t2.id}/messages`, 'Вопрос по счёту');
    await doctor.post(`/api/console/chat/threads/${t2.id}/read`, { seq: 1e12 });

    const planning = (await doctor.get('/api/console/chat/threads?department=planning')).json() as {
      id: string;
      unread: number;
      department: string;
    }[];
    expect(planning.every((t) => t.department === 'planning')).toBe(true);
    const mine = planning.filter((t) => t.id === t1.id || t.id === t2.id);
    expect(mine.map((t) => [t.id, t.unread])).toEqual([
      [t1.id, 1],
      [t2.id, 0],
    ]);
    const firstRead = planning.findIndex((t) => t.unread === 0);
    expect(planning.slice(firstRead).every((t) => t.unread === 0)).toBe(true);

    const byClinic = (await admin.get(`/api/console/chat/threads?clinicId=${two.clinicId}`)).json();
    // The thread without messages is not work for the console.
    expect(byClinic.map((t: { id: string }) => t.id)).toEqual([t2.id]);

    const page = await doctor.get(`/api/console/chat/threads/${t1.id}/messages`);
    expect(page.statusCode).toBe(200);
    expect(page.json().messages[0]).toMatchObject({ side: 'clinic', body: 'Вопрос по тарифам' });
    expect((await doctor.get(`/api/console/chat/threads/${uuid()}/messages`)).statusCode).toBe(404);
  });

  it('e-mails the clinic’s people about an answer nobody read, once', async () => {
    const { clinicId, client: member, email } = await freshClinic();
    const thread = await openThread(member, clinicId, 'expertise');
    await say(member, `${base(clinicId)}/threads/${thread.id}/messages`, 'Согласуйте МРТ, пожалуйста');
    await say(doctor, `/api/console/chat/threads/${thread.id}/messages`, 'Согласовано, письмо выдано');
    expect(await notifyClinic(ctx.deps, thread.id)).toBe(1);
    expect(await notifyClinic(ctx.deps, thread.id)).toBe(0);
    const mail = await ctx.deps.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, email));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain('Медицинская экспертиза');
    expect(mail[0]!.body).toContain(`/clinic/chat/${thread.id}`);
    // The answer's text stays in the cabinet.
    expect(mail[0]!.body).not.toContain('Согласовано');

    const read = await say(doctor, `/api/console/chat/threads/${thread.id}/messages`, 'И ещё одно');
    await member.post(`${base(clinicId)}/threads/${thread.id}/read`, { seq: read.seq });
    expect(await notifyClinic(ctx.deps, thread.id)).toBe(0);
  });

  it('queues the e-mail check when the service answers', async () => {
    const { clinicId, client: member } = await freshClinic();
    const thread = await openThread(member, clinicId, 'general');
    await say(doctor, `/api/console/chat/threads/${thread.id}/messages`, 'Здравствуйте! Чем помочь?');
    const { rows } = await ctx.deps.database.query<{ n: number }>(
      `select count(*)::int as n from pgboss.job where name = 'chat-notify' and data->>'threadId' = $1`,
      [thread.id],
    );
    expect(rows[0]!.n).toBe(1);
  });
});

describe('access', () => {
  it('keeps clinic B out of clinic A’s threads', async () => {
    const thread = await openThread(userA, clinicA, 'general');
    const msg = await say(userA, `${base(clinicA)}/threads/${thread.id}/messages`, 'Только для клиники А');
    const a = base(clinicA);
    const b = base(clinicB);
    const body = { clientId: uuid(), body: 'Чужое' };
    // Named in the path: forbidden.
    expect((await userB.get(`${a}/threads`)).statusCode).toBe(403);
    expect((await userB.post(`${a}/threads`, { department: 'general' })).statusCode).toBe(403);
    expect((await userB.get(`${a}/threads/${thread.id}/messages`)).statusCode).toBe(403);
    expect((await userB.post(`${a}/threads/${thread.id}/messages`, body)).statusCode).toBe(403);
    expect((await userB.post(`${a}/threads/${thread.id}/read`, { seq: msg.seq })).statusCode).toBe(403);
    expect((await userB.get(`${a}/unread`)).statusCode).toBe(403);
    // A's thread under B's own path: not found.
    expect((await userB.get(`${b}/threads/${thread.id}/messages`)).statusCode).toBe(404);
    expect((await userB.post(`${b}/threads/${thread.id}/messages`, body)).statusCode).toBe(404);
    expect((await userB.post(`${b}/threads/${thread.id}/read`, { seq: msg.seq })).statusCode).toBe(404);
    const page = await userA.get(`${a}/threads/${thread.id}/messages`);
    expect(page.json().messages.map((m: { body: string }) => m.body)).not.toContain('Чужое');
  });

  it('gives the clinic routes to clinic staff only and the console routes to the service only', async () => {
    const thread = await openThread(userA, clinicA, 'general');
    const clinicRoutes = [
      ['GET', `${base(clinicA)}/threads`],
      ['POST', `${base(clinicA)}/threads`],
      ['GET', `${base(clinicA)}/threads/${thread.id}/messages`],
      ['POST', `${base(clinicA)}/threads/${thread.id}/messages`],
      ['POST', `${base(clinicA)}/threads/${thread.id}/read`],
      ['GET', `${base(clinicA)}/unread`],
      ['GET', `${base(clinicA)}/attachments/${uuid()}`],
    ] as const;
    const consoleRoutes = [
      ['GET', '/api/console/chat/threads'],
      ['GET', `/api/console/chat/threads/${thread.id}/messages`],
      ['POST', `/api/console/chat/threads/${thread.id}/messages`],
      ['POST', `/api/console/chat/threads/${thread.id}/read`],
      ['GET', '/api/console/chat/unread'],
      ['GET', `/api/console/chat/attachments/${uuid()}`],
    ] as const;
    const call = (c: TestClient, method: string, url: string) =>
      c.request({ method: method as 'GET', url, ...(method === 'POST' ? { payload: {} } : {}) });
    for (const [method, url] of clinicRoutes) {
      for (const c of [doctor, admin, insurer, insured])
        expect((await call(c, method, url)).statusCode, `${method} ${url}`).toBe(403);
      expect((await call(new TestClient(ctx.app), method, url)).statusCode, `${method} ${url}`).toBe(401);
    }
    for (const [method, url] of consoleRoutes) {
      for (const c of [userA, insurer, insured])
        expect((await call(c, method, url)).statusCode, `${method} ${url}`).toBe(403);
      expect((await call(new TestClient(ctx.app), method, url)).statusCode, `${method} ${url}`).toBe(401);
    }
  });
});

describe('department contacts', () => {
  const contracts = {
    title: 'Договорной отдел',
    personName: 'Кузнецова Анна Сергеевна',
    phone: '+7 (495) 000-00-11',
    email: 'Dogovor@Remed.ru',
    hours: 'пн–пт 9:00–18:00',
    topics: 'Договор, дополнительные соглашения, реквизиты',
  };

  it('is edited by the administrator (audited) and read by clinics and staff', async () => {
    const saved = await admin.request({
      method: 'PUT',
      url: '/api/admin/department-contacts/contracts',
      payload: contracts,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      department: 'contracts',
      phone: '+74950000011',
      email: 'dogovor@remed.ru',
    });
    const list = await userA.get('/api/department-contacts');
    expect(list.statusCode).toBe(200);
    expect(list.json().find((c: { department: string }) => c.department === 'contracts')).toMatchObject({
      personName: 'Кузнецова Анна Сергеевна',
    });
    expect((await doctor.get('/api/department-contacts')).statusCode).toBe(200);
    const audit = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'department_contact.saved'));
    expect(audit.at(-1)!.entityId).toBe('contracts');
  });

  it('names the wrong field, and refuses everyone but the administrator', async () => {
    const bad = await admin.request({
      method: 'PUT',
      url: '/api/admin/department-contacts/contracts',
      payload: { ...contracts, phone: '123' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields.phone).toBeTruthy();
    const unknown = await admin.request({
      method: 'PUT',
      url: '/api/admin/department-contacts/hr',
      payload: contracts,
    });
    expect(unknown.statusCode).toBe(400);
    for (const c of [userA, doctor])
      expect(
        (
          await c.request({
            method: 'PUT',
            url: '/api/admin/department-contacts/contracts',
            payload: contracts,
          })
        ).statusCode,
      ).toBe(403);
    expect((await insurer.get('/api/department-contacts')).statusCode).toBe(403);
    expect((await anonymous.get('/api/department-contacts')).statusCode).toBe(401);
  });
});

describe('message author', () => {
  it('names the author, and the clinic user sees their own side', async () => {
    const thread = await openThread(userA, clinicA, 'planning');
    const res = await userA.post(`${base(clinicA)}/threads/${thread.id}/messages`, {
      clientId: uuid(),
      body: 'Подпись',
    });
    const [me] = await ctx.deps.database
      .query<{ full_name: string }>('select full_name from users where email = $1', [userAEmail])
      .then((r) => r.rows);
    expect(res.json().author.name).toBe(me!.full_name);
  });
});
