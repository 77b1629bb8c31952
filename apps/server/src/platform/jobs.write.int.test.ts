import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { writeAll } from '../db/client.ts';
import { jobWrite } from './jobs.ts';
import { OUTBOX_QUEUE } from './outbox.ts';

let ctx: TestContext;
let sms: http.Server;
const received: string[] = [];

beforeAll(async () => {
  sms = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push(JSON.parse(body).text);
      res.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((r) => sms.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(sms.address() as AddressInfo).port}/send`;
  ctx = await createTestContext({ SMS_GATEWAY_URL: url }, { jobs: 'work' });
});
afterAll(async () => {
  await ctx.close();
  await new Promise<void>((r) => sms.close(() => r()));
});

describe('a job written by the transaction of its change', () => {
  it('runs once the change commits, and never when it rolls back', async () => {
    const { database, outbox, jobs } = ctx.deps;
    await database.db.transaction(async (tx) => {
      const [id] = await outbox.addMany(tx, [{ channel: 'sms', to: '+79160000001', body: 'после фиксации' }]);
      await writeAll(tx, [jobWrite({ queue: OUTBOX_QUEUE, data: { id } })]);
    });
    await expect(
      database.db.transaction(async (tx) => {
        const [id] = await outbox.addMany(tx, [{ channel: 'sms', to: '+79160000002', body: 'откат' }]);
        await writeAll(tx, [jobWrite({ queue: OUTBOX_QUEUE, data: { id } })]);
        throw new Error('the change fails after writing its job');
      }),
    ).rejects.toThrow('the change fails');
    jobs.wake([OUTBOX_QUEUE]);
    await expect.poll(() => received, { timeout: 20_000 }).toEqual(['после фиксации']);
    await new Promise((r) => setTimeout(r, 1500));
    expect(received).toEqual(['после фиксации']);
  });

  it('a queue that was never created fails the transaction instead of losing the job', async () => {
    await expect(
      ctx.deps.database.db.transaction((tx) =>
        writeAll(tx, [jobWrite({ queue: 'no-such-queue', data: {} })]),
      ),
    ).rejects.toThrow();
  });

  it('debounced jobs: one per time slot, however many changes ask for it', async () => {
    const { database } = ctx.deps;
    for (let i = 0; i < 3; i++)
      await writeAll(database.db, [
        jobWrite({ queue: OUTBOX_QUEUE, data: { id: 'x' }, debounce: { key: 'test-slot', seconds: 3600 } }),
      ]);
    const { rows } = await database.query<{ n: number }>(
      "select count(*)::int as n from pgboss.job where name = $1 and singleton_key = 'test-slot'",
      [OUTBOX_QUEUE],
    );
    expect(rows[0]!.n).toBe(1);
  });
});
