import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localStorage } from './storage.ts';

describe('local file storage', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'remed-storage-'));
  const storage = localStorage(root);

  it('stores, lists, reads and deletes files by key', async () => {
    await storage.put('letters/2026/a.pdf', Buffer.from('%PDF-1.7'));
    await storage.put('outbox/x/0', Buffer.from('hello'));
    const keys: string[] = [];
    for await (const k of storage.list()) keys.push(k);
    expect(keys).toEqual(['letters/2026/a.pdf', 'outbox/x/0']);
    expect((await storage.get('outbox/x/0')).toString()).toBe('hello');
    await storage.delete('outbox/x/0');
    await expect(storage.get('outbox/x/0')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses keys that would escape its folder', async () => {
    for (const key of ['../etc/passwd', '/abs', 'a/../../b', 'a//b', '']) {
      await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow(/invalid storage key/);
    }
  });
});
