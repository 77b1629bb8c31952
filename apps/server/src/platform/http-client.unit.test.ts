import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpCallError, httpCall, isTimeout } from './http-client.ts';

let server: http.Server;
let base: string;
const sockets = new Set<unknown>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    sockets.add(req.socket);
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      if (req.url === '/echo') res.writeHead(201, { 'retry-after': '7' }).end(`${req.method} ${body}`);
      else if (req.url === '/big') res.end('x'.repeat(10_000));
      else if (req.url === '/slow') setTimeout(() => res.end('late'), 2_000);
      else res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('httpCall: one call to an outside service', () => {
  it('sends the body, reads status, headers and text, and keeps the connection for the next call', async () => {
    const a = await httpCall(`${base}/echo`, { method: 'POST', body: 'привет', timeoutMs: 1_000 });
    expect(a).toMatchObject({ status: 201, ok: true, text: 'POST привет' });
    expect(a.header('Retry-After')).toBe('7');
    expect(a.header('x-none')).toBeNull();
    const b = await httpCall(`${base}/nope`, { timeoutMs: 1_000 });
    expect(b).toMatchObject({ status: 404, ok: false });
    expect(sockets.size).toBe(1);
  });

  it('gives up at the deadline, stops reading a too long answer, and says the service is unreachable', async () => {
    const slow = httpCall(`${base}/slow`, { timeoutMs: 100 });
    await expect(slow).rejects.toSatisfy(isTimeout);
    await expect(httpCall(`${base}/big`, { timeoutMs: 1_000, maxBytes: 1_000 })).rejects.toMatchObject({
      kind: 'too_large',
    });
    await expect(httpCall('http://127.0.0.1:1/closed', { timeoutMs: 1_000 })).rejects.toBeInstanceOf(
      HttpCallError,
    );
  });
});
