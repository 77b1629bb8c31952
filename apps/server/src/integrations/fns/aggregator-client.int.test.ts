import { normaliseFiscalReceipt } from '@remed/core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  itRetriesLaterOnFaults,
  magnitReceipt,
  pyaterochka,
  pyaterochkaQuery,
  resetReceiptStore,
} from '../../../test/fns-receipts.ts';
import { setUpLocalServer } from '../../../test/local-server.ts';
import { aggregatorReceiptSource } from './aggregator-client.ts';
import {
  ReceiptSimulatorStore,
  receiptSimulatorRoutes,
  SIMULATOR_PENDING_RETRY_AFTER,
} from './receipt-simulator.ts';

const TOKEN = 'sim-token';
const store = new ReceiptSimulatorStore(TOKEN);
/** Answers the test sets, to reach codes and bodies the simulator itself never sends. */
let canned: { status: number; body: string } = { status: 200, body: '{}' };

function client(overrides: { token?: string; timeoutMs?: number; baseUrl?: string } = {}) {
  return aggregatorReceiptSource({
    baseUrl: overrides.baseUrl ?? `${origin()}/sim/fns`,
    token: overrides.token ?? TOKEN,
    timeoutMs: overrides.timeoutMs ?? 2_000,
  });
}

const origin = setUpLocalServer(async (app) => {
  await app.register(receiptSimulatorRoutes(store));
  await app.register(async (sub) => {
    sub.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    sub.post('/canned/api/v1/check/get', async (_req, reply) =>
      reply.code(canned.status).type('application/json').send(canned.body),
    );
  });
});

beforeEach(() => {
  resetReceiptStore(store);
});

describe('aggregator client against the simulator', () => {
  it('finds a receipt and normalises it exactly as the core normaliser does', async () => {
    const r = await client().lookup(pyaterochkaQuery);
    const expected = normaliseFiscalReceipt(pyaterochka);
    expect(expected.ok).toBe(true);
    expect(r).toEqual({ kind: 'found', receipt: expected.ok ? expected.value : null });
  });

  it('finds a receipt from the FNS app envelope with a zero-padded fp and seconds in the time', async () => {
    const r = await client().lookup({
      dateTime: '2022-11-01T16:09:00',
      sum: 39795,
      fn: '9960440301643001',
      i: '107541',
      fp: '03678250787',
      n: 1,
    });
    expect(r.kind).toBe('found');
    if (r.kind === 'found') expect(r.receipt).toMatchObject({ userInn: expect.any(String), totalSum: 39795 });
  });

  it.each([
    ['fp', { fp: '1168453788' }],
    ['sum', { sum: 128520 }],
    ['minute', { dateTime: '2024-09-17T18:02' }],
    ['operation', { n: 2 }],
    ['document', { i: '30527' }],
  ])('answers not_found when the %s does not match', async (_field, change) => {
    const r = await client().lookup({ ...pyaterochkaQuery, ...change });
    expect(r).toEqual({ kind: 'not_found', message: 'Чек некорректен' });
  });

  it('answers not_found without calling for requisites that cannot name a receipt', async () => {
    const before = store.requests;
    const r = await client().lookup({ ...pyaterochkaQuery, fn: '123' });
    expect(r.kind).toBe('not_found');
    expect(store.requests).toBe(before);
  });

  it('answers retry_later with Retry-After while the FNS has not received the receipt', async () => {
    store.behaviour.pendingNext = 1;
    expect(await client().lookup(pyaterochkaQuery)).toMatchObject({
      kind: 'retry_later',
      afterSeconds: SIMULATOR_PENDING_RETRY_AFTER,
    });
    expect((await client().lookup(pyaterochkaQuery)).kind).toBe('found');
  });

  itRetriesLaterOnFaults(store, client, '500');

  it('answers retry_later, never not_found, for a wrong token', async () => {
    const r = await client({ token: 'wrong' }).lookup(pyaterochkaQuery);
    expect(r).toMatchObject({ kind: 'retry_later', message: expect.stringContaining('токен') });
  });

  it('answers retry_later when nothing listens', async () => {
    const r = await client({ baseUrl: 'http://127.0.0.1:1' }).lookup(pyaterochkaQuery);
    expect(r.kind).toBe('retry_later');
  });
});

describe('aggregator client on answers the simulator does not give', () => {
  const cannedClient = () => client({ baseUrl: `${origin()}/canned/` });

  it.each([
    [2, 'ещё не поступил'],
    [3, 'Превышено'],
    [4, 'подождать'],
    [5, 'не смог'],
    [42, 'не смог'],
  ])('maps code %i to retry_later', async (code, text) => {
    canned = { status: 200, body: JSON.stringify({ code, data: 'подробности' }) };
    const r = await cannedClient().lookup(pyaterochkaQuery);
    expect(r).toMatchObject({ kind: 'retry_later', message: expect.stringContaining(text) });
  });

  it.each([
    ['unparseable JSON', 200, '<html>nginx</html>'],
    ['JSON without a code', 200, '{"data":"x"}'],
    ['HTTP 502', 502, '{"code":1}'],
    ['a found answer with no receipt', 200, '{"code":1,"data":{"json":{}}}'],
  ])('maps %s to retry_later', async (_what, status, body) => {
    canned = { status, body };
    expect((await cannedClient().lookup(pyaterochkaQuery)).kind).toBe('retry_later');
  });

  it('does not accept another receipt than the one asked for', async () => {
    canned = { status: 200, body: JSON.stringify({ code: 1, data: { json: magnitReceipt } }) };
    const r = await cannedClient().lookup(pyaterochkaQuery);
    expect(r).toMatchObject({ kind: 'retry_later', message: expect.stringContaining('другой чек') });
  });

  it('passes through the aggregator message for code 0', async () => {
    canned = { status: 200, body: JSON.stringify({ code: 0, data: 'чек не найден' }) };
    expect(await cannedClient().lookup(pyaterochkaQuery)).toEqual({
      kind: 'not_found',
      message: 'чек не найден',
    });
  });
});
