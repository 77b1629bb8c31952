/**
 * A signed-in user of the soak test talking to the balancer over HTTP as the web app does: session and CSRF
 * cookies kept, the CSRF token sent on every change. A dropped connection (a process killed mid-request)
 * is an answer of its own, status 0, so that the load counts it instead of stopping.
 */
export interface Answer {
  status: number;
  body: unknown;
}

export class SoakClient {
  private readonly cookies = new Map<string, string>();
  private csrf: string | null = null;

  constructor(private readonly base: string) {}

  async login(login: string, password: string): Promise<void> {
    const r = await this.send('POST', '/api/auth/login', { login, password });
    if (r.status !== 200) throw new Error(`login ${login}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  }

  get = (url: string) => this.send('GET', url);
  post = (url: string, body?: unknown) => this.send('POST', url, body);

  /** A multipart form with one file, as a browser uploads it. */
  upload(
    url: string,
    file: { name: string; content: Buffer; type: string },
    fields: Record<string, string> = {},
  ) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(file.content)], { type: file.type }), file.name);
    return this.send('POST', url, form);
  }

  async send(method: string, url: string, body?: unknown): Promise<Answer> {
    const unsafe = method !== 'GET';
    if (unsafe && !this.csrf) {
      const r = await this.send('GET', '/api/auth/csrf');
      this.csrf = r.status === 200 ? (r.body as { csrfToken: string }).csrfToken : null;
      if (!this.csrf) return r;
    }
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (unsafe && this.csrf) headers['x-csrf-token'] = this.csrf;
    let payload: FormData | string | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    try {
      const res = await fetch(`${this.base}${url}`, {
        method,
        headers,
        body: payload,
        signal: AbortSignal.timeout(60_000),
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const eq = pair!.indexOf('=');
        const name = pair!.slice(0, eq);
        const value = pair!.slice(eq + 1);
        if (value === '') this.cookies.delete(name);
        else this.cookies.set(name, value);
      }
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // Not JSON (a proxy error page): kept as text for the report.
      }
      return { status: res.status, body: parsed };
    } catch (e) {
      return { status: 0, body: (e as Error).message };
    }
  }
}
