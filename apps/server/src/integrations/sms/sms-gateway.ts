import { httpCall } from '../../platform/http-client.ts';

export interface SmsGateway {
  send(to: string, text: string): Promise<void>;
}

/**
 * A generic HTTP SMS gateway: POST {to, text} as JSON with a bearer token; any 2xx is accepted.
 * Most Russian SMS aggregators offer such an endpoint or sit behind a small adapter that does.
 */
export function httpSmsGateway(url: string, token: string | undefined, timeoutMs = 10_000): SmsGateway {
  return {
    async send(to, text) {
      const res = await httpCall(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ to, text }),
        timeoutMs,
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}
