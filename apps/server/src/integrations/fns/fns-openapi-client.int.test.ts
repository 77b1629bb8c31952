import { normaliseFiscalReceipt } from '@remed/core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  itRetriesLaterOnFaults,
  pyaterochka,
  pyaterochkaQuery,
  resetReceiptStore,
} from '../../../test/fns-receipts.ts';
import { setUpLocalServer } from '../../../test/local-server.ts';
import { aggregatorReceiptSource } from './aggregator-client.ts';
import {
  type FnsOpenApiOptions,
  fnsOpenApiReceiptSource,
  TOKEN_RENEW_MARGIN_MS,
} from './fns-openapi-client.ts';
import { FNS_OPENAPI_SIM_PREFIX, fnsOpenApiSimulatorRoutes } from './fns-openapi-simulator.ts';
import { KKT_SERVICE_PATH } from './fns-openapi-soap.ts';
import { ReceiptSimulatorStore, receiptSimulatorRoutes } from './receipt-simulator.ts';

const MASTER = 'sim-master-token';
const store = new ReceiptSimulatorStore(MASTER);
/** Headers of the KktService calls the simulator received. */
const kktHeaders: Record<string, string | string[] | undefined>[] = [];

function client(overrides: Partial<FnsOpenApiOptions> = {}) {
  return fnsOpenApiReceiptSource({
    baseUrl: `${origin()}${FNS_OPENAPI_SIM_PREFIX}`,
    masterToken: MASTER,
    userId: 'remed-test',
    timeoutMs: 2_000,
    pollIntervalMs: 10,
    pollBudgetMs: 300,
    ...overrides,
  });
}

const origin = setUpLocalServer(async (app) => {
  app.addHook('onRequest', async (req) => {
    if (req.url.endsWith(KKT_SERVICE_PATH)) kktHeaders.push({ ...req.headers });
  });
  await app.register(fnsOpenApiSimulatorRoutes(store));
  await app.register(receiptSimulatorRoutes(store));
});

beforeEach(() => {
  resetReceiptStore(store);
  kktHeaders.length = 0;
});

/** Requests and token exchanges one lookup costs. */
async function counted<T>(run: () => Promise<T>) {
  const requests = store.requests;
  const auth = store.authRequests;
  const result = await run();
  return { result, requests: store.requests - requests, auth: store.authRequests - auth };
}

describe('FNS Open API client against the simulator', () => {
  it('finds a receipt and normalises it exactly as the core normaliser does', async () => {
    const { result, requests, auth } = await counted(() => client().lookup(pyaterochkaQuery));
    const expected = normaliseFiscalReceipt(pyaterochka);
    expect(expected.ok).toBe(true);
    expect(result).toEqual({ kind: 'found', receipt: expected.ok ? expected.value : null });
    // AuthService, SendMessage, one GetMessage.
    expect({ requests, auth }).toEqual({ requests: 3, auth: 1 });
  });

  it('sends the temporary token and the user token in base64 to the KktService', async () => {
    await client().lookup(pyaterochkaQuery);
    expect(kktHeaders).toHaveLength(2);
    for (const h of kktHeaders) {
      expect(h['fns-openapi-token']).toMatch(/^[0-9a-f]{32}$/);
      expect(h['fns-openapi-usertoken']).toBe(Buffer.from('remed-test').toString('base64'));
      expect(h.soapaction).toMatch(/^"urn:(Send|Get)MessageRequest"$/);
      expect(h['content-type']).toBe('text/xml; charset=utf-8');
    }
  });

  it('finds a receipt with a zero-padded fp and seconds in the time', async () => {
    const r = await client().lookup({
      dateTime: '2022-11-01T16:09:00',
      sum: 39795,
      fn: '9960440301643001',
      i: '107541',
      fp: '03678250787',
      n: 1,
    });
    expect(r.kind).toBe('found');
    if (r.kind === 'found')
      expect(r.receipt).toMatchObject({ dateTime: '2022-11-01T16:09:00', totalSum: 39795 });
  });

  it('serves the same receipts to the aggregator protocol: one store for both', async () => {
    const aggregator = aggregatorReceiptSource({
      baseUrl: `${origin()}/sim/fns`,
      token: MASTER,
      timeoutMs: 2_000,
    });
    const [a, b] = await Promise.all([
      aggregator.lookup(pyaterochkaQuery),
      client().lookup(pyaterochkaQuery),
    ]);
    expect(a).toEqual(b);
    expect(a.kind).toBe('found');
  });

  it.each([
    ['fp', { fp: '1168453788' }, 406],
    ['sum', { sum: 128520 }, 406],
    ['minute', { dateTime: '2024-09-17T18:02' }, 406],
    ['operation', { n: 2 }, 406],
    ['document', { i: '30527' }, 404],
  ])('answers not_found when the %s does not match', async (_field, change, code) => {
    const r = await client().lookup({ ...pyaterochkaQuery, ...change });
    expect(r).toMatchObject({ kind: 'not_found', message: expect.stringContaining(`код ФНС ${code}`) });
  });

  it('answers not_found without calling for requisites that cannot name a receipt', async () => {
    const { result, requests } = await counted(() => client().lookup({ ...pyaterochkaQuery, fn: '123' }));
    expect(result.kind).toBe('not_found');
    expect(requests).toBe(0);
  });

  it('polls while the request is PROCESSING, then reads the COMPLETED answer', async () => {
    store.behaviour.processingPolls = 3;
    const { result, requests } = await counted(() => client().lookup(pyaterochkaQuery));
    expect(result.kind).toBe('found');
    expect(requests).toBe(2 + 4);
  });

  it('answers retry_later when the request is still PROCESSING after the budget, then finds it', async () => {
    store.behaviour.pendingNext = 1;
    const started = performance.now();
    const { result, requests } = await counted(() =>
      client({ pollIntervalMs: 50, pollBudgetMs: 200 }).lookup(pyaterochkaQuery),
    );
    expect(result).toMatchObject({
      kind: 'retry_later',
      message: expect.stringContaining('ещё не ответила'),
    });
    expect(performance.now() - started).toBeLessThan(1_000);
    // Polls stop within the budget: at most one per interval.
    expect(requests - 2).toBeLessThanOrEqual(4);
    expect((await client().lookup(pyaterochkaQuery)).kind).toBe('found');
  });

  itRetriesLaterOnFaults(store, client, 'HTTP 500');

  it('answers retry_later, never not_found, for a wrong master token, and asks nothing else', async () => {
    const { result, requests, auth } = await counted(() =>
      client({ masterToken: 'wrong' }).lookup(pyaterochkaQuery),
    );
    expect(result).toMatchObject({ kind: 'retry_later', message: expect.stringContaining('токен') });
    expect({ requests, auth }).toEqual({ requests: 1, auth: 1 });
  });

  it('keeps the temporary token for the next lookups', async () => {
    const c = client();
    await c.lookup(pyaterochkaQuery);
    const { result, auth } = await counted(() => c.lookup(pyaterochkaQuery));
    expect(result.kind).toBe('found');
    expect(auth).toBe(0);
  });

  it('asks for one token when lookups start together', async () => {
    const c = client();
    const { result, auth } = await counted(() =>
      Promise.all([c.lookup(pyaterochkaQuery), c.lookup(pyaterochkaQuery), c.lookup(pyaterochkaQuery)]),
    );
    expect(result.map((r) => r.kind)).toEqual(['found', 'found', 'found']);
    expect(auth).toBe(1);
  });

  it('re-authenticates once when the FNS no longer accepts the token, and goes on', async () => {
    const c = client();
    await c.lookup(pyaterochkaQuery);
    store.expireTokens();
    const { result, requests, auth } = await counted(() => c.lookup(pyaterochkaQuery));
    expect(result.kind).toBe('found');
    // SendMessage refused, AuthService, SendMessage again, GetMessage.
    expect({ requests, auth }).toEqual({ requests: 4, auth: 1 });
  });

  it('re-authenticates once, not in a loop, when every token is refused', async () => {
    store.behaviour.tokenTtlMs = 0;
    const { result, requests, auth } = await counted(() => client().lookup(pyaterochkaQuery));
    expect(result).toMatchObject({
      kind: 'retry_later',
      message: expect.stringContaining('временный токен'),
    });
    expect({ requests, auth }).toEqual({ requests: 4, auth: 2 });
  });

  it('renews the token shortly before its ExpireTime without waiting for a refusal', async () => {
    let now = Date.now();
    const c = client({ now: () => now });
    await c.lookup(pyaterochkaQuery);
    now += store.behaviour.tokenTtlMs - TOKEN_RENEW_MARGIN_MS + 1_000;
    const { result, requests, auth } = await counted(() => c.lookup(pyaterochkaQuery));
    expect(result.kind).toBe('found');
    expect({ requests, auth }).toEqual({ requests: 3, auth: 1 });
  });

  it('answers retry_later when nothing listens', async () => {
    const r = await client({ baseUrl: 'http://127.0.0.1:1' }).lookup(pyaterochkaQuery);
    expect(r).toMatchObject({ kind: 'retry_later', message: expect.stringContaining('недоступен') });
  });
});
