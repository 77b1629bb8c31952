import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpLogin, type LiveSocket, openSocket } from '../../../test/chat-helpers.ts';
import {
  createTestContext,
  makeOrganisations,
  makeUser,
  TEST_PASSWORD,
  type TestContext,
} from '../../../test/harness.ts';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/remed.js');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

// Two app processes can share a database only on a PostgreSQL server: PGlite belongs to one process
// (docs/decisions/004), so this file runs in the PostgreSQL pass of CI (TEST_DATABASE_URL).
describe.runIf(process.env.TEST_DATABASE_URL)(
  'chat across processes on PostgreSQL',
  { timeout: 180_000 },
  () => {
    let ctx: TestContext;
    let other: ChildProcess;
    let socket: LiveSocket | null = null;
    let baseB: string;
    let baseA: string;

    beforeAll(async () => {
      // Process B: this test's own app, listening; process A: `remed start` on the same database.
      ctx = await createTestContext({ LOGIN_RATE_PER_MINUTE: '1000' });
      await ctx.app.listen({ port: 0, host: '127.0.0.1' });
      baseB = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
      const port = await freePort();
      baseA = `http://127.0.0.1:${port}`;
      other = spawn(process.execPath, [bin, 'start'], {
        env: {
          ...process.env,
          DATABASE_URL: ctx.deps.database.url!,
          DATA_DIR: ctx.dataDir,
          HOST: '127.0.0.1',
          PORT: String(port),
          RUN_WORKERS: 'false',
          LOG_LEVEL: 'warn',
          LOGIN_RATE_PER_MINUTE: '1000',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      await new Promise<void>((resolve, reject) => {
        other.stdout!.on('data', (d: Buffer) => d.toString().includes('remed работает') && resolve());
        other.once('exit', (code) => reject(new Error(`remed start exited ${code}`)));
      });
    });
    afterAll(async () => {
      socket?.close();
      if (other && other.exitCode === null) {
        const exited = new Promise((r) => other.once('exit', r));
        other.kill('SIGTERM');
        await exited;
      }
      await ctx?.close();
    });

    it('a message posted through process A reaches a WebSocket client connected to process B', async () => {
      const orgs = await makeOrganisations(ctx.deps);
      const clinicUser = await makeUser(ctx.deps, { roles: ['clinic_user'], clinicIds: [orgs.clinic.id] });
      const doctor = await makeUser(ctx.deps, { roles: ['console_doctor'] });

      socket = await openSocket(`${baseB.replace('http', 'ws')}/api/chat/ws`, {
        cookie: await httpLogin(baseB, doctor.email, TEST_PASSWORD),
        origin: baseB,
      });
      socket.send({ type: 'subscribe', topic: 'console' });
      await socket.next((e) => e.type === 'subscribed');

      // The clinic user works with process A only.
      const cookie = await httpLogin(baseA, clinicUser.email, TEST_PASSWORD);
      const csrf = await fetch(`${baseA}/api/auth/csrf`, { headers: { cookie } });
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
      const thread = (await (
        await fetch(`${baseA}/api/clinics/${orgs.clinic.id}/chat/threads`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ department: 'contracts' }),
        })
      ).json()) as { id: string };
      const posted = await fetch(
        `${baseA}/api/clinics/${orgs.clinic.id}/chat/threads/${thread.id}/messages`,
        {
          method: 'POST',
          headers,
          body: JSON.stringify({ clientId: crypto.randomUUID(), body: 'Письмо из процесса А' }),
        },
      );
      expect(posted.status).toBe(201);
      const message = (await posted.json()) as { id: string };

      const heard = await socket.next((e) => e.type === 'message', 15_000);
      expect(heard).toMatchObject({
        clinicId: orgs.clinic.id,
        message: { id: message.id, threadId: thread.id, body: 'Письмо из процесса А', side: 'clinic' },
      });
      expect(await socket.next((e) => e.type === 'unread' && (e.total as number) > 0)).toBeTruthy();
    });
  },
);
