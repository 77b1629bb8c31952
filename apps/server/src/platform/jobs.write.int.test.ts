import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { type FakeSmsGateway, startSmsGateway } from '../../test/sms-gateway.ts';
import { writeAll } from '../db/client.ts';
import { jobWrite } from './jobs.ts';
import { OUTBOX_QUEUE } from './outbox.ts';

let ctx: TestContext;
let sms: FakeSmsGateway;

beforeAll(async () => {
  sms = await startSmsGateway();
  ctx = await createTestContext({ SMS_GATEWAY_URL: sms.url }, { jobs: 'work' });
});
afterAll(async () => {
  await ctx.close();
  await sms.close();
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
    await expect.poll(() => sms.received, { timeout: 20_000 }).toEqual(['после фиксации']);
    await new Promise((r) => setTimeout(r, 1500));
    expect(sms.received).toEqual(['после фиксации']);
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
