import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { outboxMessages } from '../db/schema/index.ts';

type Received = { rcpt: string[]; data: string };

describe('outbox delivery', () => {
  let smtp: SMTPServer;
  let smtpPort: number;
  const received: Received[] = [];
  let sms: http.Server;
  let smsPort: number;
  let smsFailuresLeft = 0;
  const smsReceived: unknown[] = [];
  let ctx: TestContext;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, cb) {
        let data = '';
        stream.on('data', (c: Buffer) => {
          data += c.toString();
        });
        stream.on('end', () => {
          received.push({ rcpt: session.envelope.rcptTo.map((r) => r.address), data });
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    sms = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        if (smsFailuresLeft > 0) {
          smsFailuresLeft--;
          res.writeHead(500).end();
          return;
        }
        smsReceived.push({ auth: req.headers.authorization, ...JSON.parse(body) });
        res.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((r) => sms.listen(0, '127.0.0.1', r));
    smsPort = (sms.address() as AddressInfo).port;
    ctx = await createTestContext({
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'remed <robot@remed.ru>',
      SMS_GATEWAY_URL: `http://127.0.0.1:${smsPort}/send`,
      SMS_GATEWAY_TOKEN: 'sms-token',
    });
  });
  afterAll(async () => {
    await ctx.close();
    await new Promise<void>((r) => smtp.close(() => r()));
    await new Promise<void>((r) => sms.close(() => r()));
  });

  const status = async (id: string) =>
    (await ctx.deps.database.db.select().from(outboxMessages).where(eq(outboxMessages.id, id)))[0]!;

  it('sends e-mail with attachments over SMTP and marks it sent', async () => {
    const { outbox, database } = ctx.deps;
    const id = await database.db.transaction((tx) =>
      outbox.add(tx, {
        channel: 'email',
        to: 'ivanova@example.ru',
        subject: 'Гарантийное письмо',
        body: 'Здравствуйте, Мария Петровна!',
        attachments: [
          { filename: 'письмо.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.7 test') },
        ],
      }),
    );
    expect((await status(id)).status).toBe('pending');
    await outbox.deliver(id);
    const m = await status(id);
    expect(m).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(received).toHaveLength(1);
    expect(received[0]!.rcpt).toEqual(['ivanova@example.ru']);
    expect(received[0]!.data).toContain('robot@remed.ru');
    expect(received[0]!.data).toContain('application/pdf');
    await outbox.deliver(id);
    expect(received).toHaveLength(1);
  });

  it('retries an SMS when the gateway fails and records the error', async () => {
    const { outbox, database } = ctx.deps;
    smsFailuresLeft = 1;
    const id = await database.db.transaction((tx) =>
      outbox.add(tx, { channel: 'sms', to: '+79161234567', body: 'Код: 1234' }),
    );
    await expect(outbox.deliver(id)).rejects.toThrow(/500/);
    expect(await status(id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringContaining('500'),
    });
    await outbox.deliver(id);
    expect(await status(id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smsReceived).toEqual([{ auth: 'Bearer sms-token', to: '+79161234567', text: 'Код: 1234' }]);
  });

  it('the job runner delivers what was committed, and a rolled-back change sends nothing', async () => {
    const { outbox, database, jobs } = ctx.deps;
    await jobs.start({ work: true });
    const id = await database.db.transaction((tx) =>
      outbox.add(tx, { channel: 'sms', to: '+79160000001', body: 'Первое' }),
    );
    await outbox.dispatch([id]);
    await expect.poll(async () => (await status(id)).status, { timeout: 15_000, interval: 200 }).toBe('sent');
    await expect(
      database.db.transaction(async (tx) => {
        await outbox.add(tx, { channel: 'sms', to: '+79160000002', body: 'Откат' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const rows = await database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, '+79160000002'));
    expect(rows).toHaveLength(0);
  });
});

describe('outbox without transports (demo)', () => {
  it('keeps messages in the outbox marked demo, readable by admins', async () => {
    const ctx = await createTestContext();
    try {
      const { outbox, database } = ctx.deps;
      const id = await database.db.transaction((tx) =>
        outbox.add(tx, {
          channel: 'email',
          to: 'a@b.ru',
          subject: 'Тема',
          body: 'Текст',
          attachments: [{ filename: 'a.txt', contentType: 'text/plain', content: Buffer.from('вложение') }],
        }),
      );
      await outbox.deliver(id);
      const [m] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
      expect(m!.status).toBe('demo');
      const { makeUser, TestClient } = await import('../../test/harness.ts');
      const admin = await makeUser(ctx.deps, { roles: ['admin'] });
      const c = new TestClient(ctx.app);
      await c.login(admin.email);
      const list = (await c.get('/api/admin/outbox?channel=email')).json();
      expect(list.items[0]).toMatchObject({
        id,
        subject: 'Тема',
        status: 'demo',
        attachments: [{ filename: 'a.txt', size: 16 }],
      });
      const file = await c.get(`/api/admin/outbox/${id}/attachments/0`);
      expect(file.body).toBe('вложение');
      expect((await c.get(`/api/admin/outbox/${id}/attachments/5`)).statusCode).toBe(404);
    } finally {
      await ctx.close();
    }
  });
});
