import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chatForm, PDF, PNG } from '../../../test/chat-helpers.ts';
import {
  anonymous,
  base,
  clinicA,
  clinicB,
  ctx,
  doctor,
  freshClinic,
  insurer,
  openThread,
  say,
  setUpChatWorld,
  userA,
  userA2,
  userB,
  uuid,
} from '../../../test/chat-world.ts';
import { auditLog, chatMessages } from '../../db/schema/index.ts';

setUpChatWorld();

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
