/**
 * The insured people's phones of the claims benchmark, in a process of their own so that the server under
 * test does not also pay for being its own client. Each client logs in, then sends its requests one after
 * another; all clients run at once.
 */
import { emailOf, PASSWORD, receiptQr, type Workload } from './workload.ts';

const { workload, base, letters } = JSON.parse(process.env.BENCH_WORKER_DATA!) as {
  workload: Workload;
  base: string;
  letters: string[];
};

class Client {
  cookies = '';
  csrf = '';
  private keep(res: Response) {
    const jar = new Map(
      this.cookies
        .split('; ')
        .filter(Boolean)
        .map((c) => [c.split('=')[0]!, c] as const),
    );
    for (const c of res.headers.getSetCookie().map((s) => s.split(';')[0]!)) jar.set(c.split('=')[0]!, c);
    this.cookies = [...jar.values()].join('; ');
  }
  async call(method: string, path: string, body?: unknown) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        cookie: this.cookies,
        'x-csrf-token': this.csrf,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    this.keep(res);
    return res;
  }
  async login(login: string) {
    const csrf = await this.call('GET', '/api/auth/csrf');
    this.csrf = ((await csrf.json()) as { csrfToken: string }).csrfToken;
    const r = await this.call('POST', '/api/auth/login', { login, password: PASSWORD });
    if (r.status !== 200) throw new Error(`login ${r.status}`);
  }
}

export interface PhaseResult {
  latencies: number[];
  failures: number;
  firstFailure: string | null;
  seconds: number;
}

const clients = Array.from({ length: workload.clients }, () => new Client());
await Promise.all(clients.map((c, n) => c.login(emailOf(n))));

async function phase(name: 'baseline' | 'claims', perClient: number): Promise<PhaseResult> {
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | null = null;
  const start = performance.now();
  await Promise.all(
    clients.map(async (client, n) => {
      for (let k = 0; k < perClient; k++) {
        const t = performance.now();
        const res =
          name === 'baseline'
            ? await client.call('POST', '/api/bench/baseline', { n: 1 })
            : await client.call('POST', '/api/me/claims', {
                letterId: letters[n],
                qr: receiptQr(workload, n, k),
                source: 'camera',
              });
        const text = await res.text();
        latencies.push(performance.now() - t);
        if (res.status >= 300) {
          failures++;
          firstFailure ??= `${res.status} ${text.slice(0, 200)}`;
        }
      }
    }),
  );
  return { latencies, failures, firstFailure, seconds: (performance.now() - start) / 1000 };
}

process.on('message', async (m: { phase: 'baseline' | 'claims'; perClient: number } | 'close') => {
  if (m === 'close') return process.exit(0);
  process.send!(await phase(m.phase, m.perClient));
});
process.send!('ready');
