import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, loggedIn, makeOrganisations, type TestContext } from '../../test/harness.ts';
import { sqlRows } from '../db/client.ts';
import { BackupError, createBackup, restoreBackup } from './backup.ts';

let source: TestContext;
let target: TestContext;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remed-backup-test-'));

beforeAll(async () => {
  source = await createTestContext();
  target = await createTestContext();
});
afterAll(async () => {
  await source.close();
  await target.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const snapshot = async (ctx: TestContext) => ({
  users: await sqlRows(
    ctx.deps.database.db,
    sql`select id, email, roles, password_hash from users order by id`,
  ),
  audit: await sqlRows(
    ctx.deps.database.db,
    sql`select id, action, before, after from audit_log order by id`,
  ),
  clinics: await sqlRows(ctx.deps.database.db, sql`select * from clinics order by id`),
});

describe('backup and restore', () => {
  it('round-trips every row and every stored file into another database', async () => {
    await makeOrganisations(source.deps);
    const { client } = await loggedIn(source, ['admin']);
    await client.post('/api/admin/users', {
      fullName: 'Копия Резервная',
      email: 'backup@remed.ru',
      password: 'Password-123',
      roles: ['insured'],
    });
    await source.deps.storage.put('letters/ГП-1.pdf'.replace('ГП-1', 'gp-1'), Buffer.from('%PDF-1.7 письмо'));
    const file = path.join(dir, 'remed.tar.gz');

    const manifest = await createBackup(
      source.deps.database,
      source.deps.storage,
      file,
      new Date('2026-11-22T10:00:00Z'),
    );
    expect(manifest.files).toBe(1);
    expect(manifest.tables.find((t) => t.name === 'users')!.rows).toBe(2);

    await makeOrganisations(target.deps);
    await restoreBackup(target.deps.database, target.deps.storage, file);
    expect(await snapshot(target)).toEqual(await snapshot(source));
    expect((await target.deps.storage.get('letters/gp-1.pdf')).toString()).toBe('%PDF-1.7 письмо');

    // Identity sequences continue after the restored rows, so the next audit record does not collide.
    const { client: again } = await loggedIn(target, ['admin']);
    expect((await again.get('/api/admin/audit')).statusCode).toBe(200);
    const restoredLogin = await target.app.inject({ method: 'GET', url: '/healthz' });
    expect(restoredLogin.statusCode).toBe(200);
  });

  it('refuses an archive that is not a remed backup, leaving the data as it was', async () => {
    const before = await snapshot(target);
    const junk = path.join(dir, 'junk.tar.gz');
    fs.mkdirSync(path.join(dir, 'junk'));
    fs.writeFileSync(path.join(dir, 'junk', 'hello.txt'), 'hi');
    await tar.c({ gzip: true, file: junk, cwd: path.join(dir, 'junk') }, ['hello.txt']);
    await expect(restoreBackup(target.deps.database, target.deps.storage, junk)).rejects.toThrow(BackupError);
    fs.writeFileSync(path.join(dir, 'broken.tar.gz'), 'not a tar');
    await expect(
      restoreBackup(target.deps.database, target.deps.storage, path.join(dir, 'broken.tar.gz')),
    ).rejects.toThrow(/распаковать/);
    await expect(
      restoreBackup(target.deps.database, target.deps.storage, path.join(dir, 'missing.tar.gz')),
    ).rejects.toThrow(/не найден/);
    expect(await snapshot(target)).toEqual(before);
  });
});
