import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { type FakeSmsGateway, startSmsGateway } from '../../test/sms-gateway.ts';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/remed.js');

// Several processes can share a database only on a PostgreSQL server: PGlite belongs to one process
// (docs/decisions/004), so this file runs in the PostgreSQL pass of CI (TEST_DATABASE_URL).
describe.runIf(process.env.TEST_DATABASE_URL)(
  'jobs across processes on PostgreSQL',
  { timeout: 180_000 },
  () => {
    let ctx: TestContext;
    let sms: FakeSmsGateway;
    let worker: ChildProcess;

    beforeAll(async () => {
      // A little latency, so that both processes are busy at once.
      sms = await startSmsGateway({ answerAfterMs: 20 });
      const smsUrl = sms.url;
      ctx = await createTestContext({ SMS_GATEWAY_URL: smsUrl }, { jobs: 'work' });
      worker = spawn(process.execPath, [bin, 'worker'], {
        env: {
          ...process.env,
          DATABASE_URL: ctx.deps.database.url!,
          SMS_GATEWAY_URL: smsUrl,
          LOG_LEVEL: 'warn',
          DATA_DIR: ctx.dataDir,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      await new Promise<void>((resolve, reject) => {
        worker.stdout!.on('data', (d: Buffer) => d.toString().includes('обрабатываю') && resolve());
        worker.once('exit', (code) => reject(new Error(`worker exited ${code}`)));
      });
    });
    afterAll(async () => {
      worker?.kill('SIGTERM');
      await ctx?.close();
      await sms.close();
    });

    it('`remed worker` and the app process share the queue and every message goes out once', async () => {
      const { outbox, database } = ctx.deps;
      const ids = await database.db.transaction(async (tx) => {
        const out: string[] = [];
        for (let i = 0; i < 40; i++)
          out.push(await outbox.add(tx, { channel: 'sms', to: '+79160000000', body: `сообщение ${i}` }));
        return out;
      });
      await outbox.dispatch(ids.slice(0, 20));
      for (const id of ids.slice(20)) await outbox.dispatch([id, id]);
      await expect.poll(() => sms.received.length, { timeout: 60_000, interval: 250 }).toBe(40);
      await new Promise((r) => setTimeout(r, 2000));
      expect(sms.received.length).toBe(40);
      expect(new Set(sms.received).size).toBe(40);
    });
  },
);
