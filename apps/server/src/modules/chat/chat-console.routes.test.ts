import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  admin,
  anonymous,
  base,
  clinicA,
  clinicB,
  ctx,
  doctor,
  doctor2,
  freshClinic,
  insured,
  insurer,
  openThread,
  say,
  setUpChatWorld,
  userA,
  userAEmail,
  userB,
  uuid,
} from '../../../test/chat-world.ts';
import { TestClient } from '../../../test/harness.ts';
import { auditLog, outboxMessages } from '../../db/schema/index.ts';
import { notifyClinic } from './notify-clinic.ts';

setUpChatWorld();

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
