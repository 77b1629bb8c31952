import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3Storage } from './storage.ts';

/**
 * A minimal S3-compatible endpoint (path-style PUT, GET, DELETE and ListObjectsV2) that records the
 * requests, so the real AWS SDK client is exercised over HTTP without a cloud account.
 */
function fakeS3() {
  const objects = new Map<string, Buffer>();
  const seen: { method: string; path: string; auth: boolean }[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://s3.local');
    const [, bucket, ...rest] = url.pathname.split('/');
    const key = decodeURIComponent(rest.join('/'));
    seen.push({
      method: req.method!,
      path: url.pathname,
      auth: String(req.headers.authorization).startsWith('AWS4-HMAC-SHA256'),
    });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (bucket !== 'remed-files') return res.writeHead(404).end('<Error><Code>NoSuchBucket</Code></Error>');
      if (req.method === 'PUT') {
        objects.set(key, Buffer.concat(chunks));
        return res.writeHead(200, { etag: '"x"' }).end();
      }
      if (req.method === 'GET' && url.searchParams.get('list-type') === '2') {
        const keys = [...objects.keys()].sort();
        const body = `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>remed-files</Name><IsTruncated>false</IsTruncated><KeyCount>${keys.length}</KeyCount>${keys.map((k) => `<Contents><Key>${k}</Key><Size>${objects.get(k)!.length}</Size></Contents>`).join('')}</ListBucketResult>`;
        return res.writeHead(200, { 'content-type': 'application/xml' }).end(body);
      }
      if (req.method === 'GET') {
        const o = objects.get(key);
        if (!o)
          return res
            .writeHead(404, { 'content-type': 'application/xml' })
            .end('<Error><Code>NoSuchKey</Code><Message>gone</Message></Error>');
        return res.writeHead(200, { 'content-length': o.length }).end(o);
      }
      if (req.method === 'DELETE') {
        objects.delete(key);
        return res.writeHead(204).end();
      }
      res.writeHead(400).end();
    });
  });
  return { server, objects, seen };
}

describe('S3-compatible storage', () => {
  const s3 = fakeS3();
  let endpoint: string;
  beforeAll(async () => {
    await new Promise<void>((r) => s3.server.listen(0, '127.0.0.1', r));
    endpoint = `http://127.0.0.1:${(s3.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => s3.server.close(() => r())));

  it('puts, lists, gets and deletes objects with signed requests', async () => {
    const storage = s3Storage({
      bucket: 'remed-files',
      endpoint,
      region: 'ru-central1',
      accessKeyId: 'AK',
      secretAccessKey: 'SK',
      forcePathStyle: true,
    });
    await storage.put('letters/2026/a.pdf', Buffer.from('%PDF-1.7 письмо'), 'application/pdf');
    await storage.put('outbox/x/0', Buffer.from('вложение'));
    expect(s3.objects.get('letters/2026/a.pdf')!.toString()).toBe('%PDF-1.7 письмо');
    const keys: string[] = [];
    for await (const k of storage.list()) keys.push(k);
    expect(keys).toEqual(['letters/2026/a.pdf', 'outbox/x/0']);
    expect((await storage.get('outbox/x/0')).toString()).toBe('вложение');
    await storage.delete('outbox/x/0');
    await expect(storage.get('outbox/x/0')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(storage.put('../escape', Buffer.from('x'))).rejects.toThrow(/invalid storage key/);
    expect(s3.seen.every((r) => r.auth)).toBe(true);
    expect(s3.seen.some((r) => r.path === '/remed-files/letters/2026/a.pdf' && r.method === 'PUT')).toBe(
      true,
    );
  });
});
