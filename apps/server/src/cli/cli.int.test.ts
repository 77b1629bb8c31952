import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/remed.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'remed-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
const remed = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 120_000 });
/** The same administrator each time: whether it can be created says which database the command saw. */
const createRootAdmin = () =>
  remed(
    'create-admin',
    '--email',
    'root@remed.ru',
    '--name',
    'Главный Админ',
    '--password',
    'Admin-pass-123',
  );

let server: ChildProcess | null = null;
afterAll(() => {
  server?.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// Each command starts a process that compiles TypeScript and opens PGlite: seconds each, more on a busy machine.
// The commands run on their own embedded database whatever TEST_DATABASE_URL says, so the PostgreSQL pass
// of CI would repeat this file byte for byte: it runs in the PGlite pass only.
describe.skipIf(!!process.env.TEST_DATABASE_URL)('remed CLI on embedded PGlite', { timeout: 300_000 }, () => {
  it('stops with a message naming a bad variable', () => {
    const r = spawnSync(process.execPath, [bin, 'migrate'], {
      env: { ...env, PORT: 'abc' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(78);
    expect(r.stderr).toContain('PORT');
  });

  it('migrates, creates an admin, seeds the demo, backs up and restores', () => {
    expect(remed('migrate').status).toBe(0);
    const admin = createRootAdmin();
    expect(admin.stdout).toContain('root@remed.ru');
    expect(remed('create-admin', '--email', 'x@remed.ru').status).toBe(1);
    const seeded = remed('seed-demo');
    expect(seeded.stdout).toContain('admin@demo.remed.ru');
    expect(remed('seed-demo').stdout).toContain('уже есть');

    const archive = path.join(dataDir, 'backup.tar.gz');
    const b = remed('backup', archive);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stdout).toMatch(/Резервная копия: .*строк \d+/);

    expect(remed('seed-demo', '--fresh').status).toBe(0);
    const again = createRootAdmin();
    expect(again.status, 'a fresh seed removed the first admin').toBe(0);

    const r = remed('restore', archive);
    expect(r.status, r.stderr).toBe(0);
    const dup = createRootAdmin();
    expect(dup.status, 'the restored database has the original admin again').toBe(1);
    expect(dup.stderr).toContain('адрес');
  });

  it('refuses to open the embedded database while the server holds it', async () => {
    server = spawn(process.execPath, [bin, 'start'], {
      env: { ...env, PORT: '3197', HOST: '127.0.0.1' },
      stdio: 'pipe',
    });
    await expect
      .poll(
        async () =>
          fetch('http://127.0.0.1:3197/healthz')
            .then((r) => r.status)
            .catch(() => 0),
        { timeout: 120_000, interval: 500 },
      )
      .toBe(200);
    const r = remed('backup', path.join(dataDir, 'busy.tar.gz'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/занята сервером \(pid \d+\)/);
    server.kill('SIGTERM');
    await new Promise((resolve) => server!.once('exit', resolve));
    server = null;
    expect(fs.existsSync(path.join(dataDir, 'server.pid'))).toBe(false);
  });
});
