import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSmsGateway {
  /** The `SMS_GATEWAY_URL` that reaches it. */
  url: string;
  /** The texts it was sent, in the order they came. */
  received: string[];
  close(): Promise<void>;
}

/** An SMS gateway on a free local port that takes every text; `answerAfterMs` keeps each sender waiting. */
export async function startSmsGateway(o: { answerAfterMs?: number } = {}): Promise<FakeSmsGateway> {
  const received: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push(JSON.parse(body).text);
      if (o.answerAfterMs) setTimeout(() => res.writeHead(200).end('{}'), o.answerAfterMs);
      else res.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
