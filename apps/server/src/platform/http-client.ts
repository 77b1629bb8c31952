import http from 'node:http';
import https from 'node:https';

/** Why a call to an outside service got no complete answer. */
export class HttpCallError extends Error {
  constructor(
    readonly kind: 'timeout' | 'network' | 'too_large',
    message: string,
  ) {
    super(message);
    this.name = 'HttpCallError';
  }
}

export interface HttpAnswer {
  status: number;
  ok: boolean;
  header(name: string): string | null;
  text: string;
}

interface HttpCall {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** For the whole call: connecting, sending and reading the answer. */
  timeoutMs: number;
  /** An answer longer than this is not read further (`too_large`). */
  maxBytes?: number;
}

// Connections to the outside services are kept open between calls: receipts and payouts come in streams.
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/**
 * One HTTP call to an outside service (FNS, YooKassa, DaData, the SMS gateway) over Node's own client, with
 * one deadline for the whole call. Lighter than `fetch`, which costs the claims path a tenth of its time.
 */
export function httpCall(url: string, call: HttpCall): Promise<HttpAnswer> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const body = call.body === undefined ? undefined : Buffer.from(call.body, 'utf8');
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (e: HttpCallError | null, answer?: HttpAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (e) reject(e);
      else resolve(answer!);
    };
    const req = (secure ? https : http).request(
      target,
      {
        method: call.method ?? 'GET',
        headers: { ...call.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
        agent: secure ? agents['https:'] : agents['http:'],
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (call.maxBytes !== undefined && size > call.maxBytes) {
            finish(new HttpCallError('too_large', `ответ длиннее ${call.maxBytes} байт`));
            req.destroy();
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          finish(null, {
            status,
            ok: status >= 200 && status < 300,
            header: (name) => {
              const v = res.headers[name.toLowerCase()];
              return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
            },
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
        res.on('error', (e) => finish(new HttpCallError('network', e.message)));
        res.on('aborted', () => finish(new HttpCallError('network', 'ответ оборван')));
      },
    );
    const timer = setTimeout(() => {
      finish(new HttpCallError('timeout', `нет ответа за ${call.timeoutMs} мс`));
      req.destroy();
    }, call.timeoutMs);
    req.on('error', (e) => finish(new HttpCallError('network', e.message)));
    req.end(body);
  });
}

export const isTimeout = (e: unknown) => e instanceof HttpCallError && e.kind === 'timeout';
