import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { setUpLocalServer } from '../../../test/local-server.ts';
import type { PayoutProviderError, PayoutRequest } from './payout-provider.ts';
import {
  amountToKopecks,
  kopecksToAmount,
  parsePayoutNotification,
  yookassaPayoutProvider,
} from './yookassa-client.ts';
import { YookassaSimulatorState, yookassaSimulatorRoutes } from './yookassa-simulator.ts';

const CREDENTIALS = { agentId: '505050', secretKey: 'test_secret' };
const state = new YookassaSimulatorState(CREDENTIALS);
const received: unknown[] = [];

function provider(overrides: { secretKey?: string; timeoutMs?: number; baseUrl?: string } = {}) {
  return yookassaPayoutProvider({
    baseUrl: overrides.baseUrl ?? `${origin()}/sim/yookassa`,
    agentId: CREDENTIALS.agentId,
    secretKey: overrides.secretKey ?? CREDENTIALS.secretKey,
    timeoutMs: overrides.timeoutMs ?? 2_000,
  });
}

function request(overrides: Partial<PayoutRequest> = {}): PayoutRequest {
  return {
    idempotenceKey: randomUUID(),
    amount: 123_450,
    phone: '+7 916 123-45-67',
    bankId: '100000000111',
    description: 'Возмещение по заявке 42',
    metadata: { claimId: '42' },
    ...overrides,
  };
}

async function providerError(p: Promise<unknown>): Promise<PayoutProviderError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toMatchObject({ name: 'PayoutProviderError' });
  return e as PayoutProviderError;
}

async function until(check: () => boolean, ms = 3_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const origin = setUpLocalServer(async (app) => {
  await app.register(yookassaSimulatorRoutes(state));
  app.post('/hooks/yookassa', async (req) => {
    received.push(req.body);
    return { ok: true };
  });
});

beforeEach(() => {
  Object.assign(state.behaviour, {
    latencyMs: 0,
    failNext: 0,
    timeoutNext: 0,
    hangMs: 10_000,
    duplicateWebhooks: false,
  });
  state.settleAfterMs = 0;
  state.webhookUrl = undefined;
  received.length = 0;
});

describe('YooKassa payouts client against the simulator', () => {
  it('creates a pending payout that then succeeds, with the exact amount and the СБП phone', async () => {
    const created = await provider().create(request());
    expect(created.status).toBe('pending');
    expect(state.payouts.get(created.providerId)).toMatchObject({
      amount: { value: '1234.50', currency: 'RUB' },
      payout_destination: { type: 'sbp', phone: '79161234567', bank_id: '100000000111' },
      description: 'Возмещение по заявке 42',
      metadata: { claimId: '42' },
    });
    expect(await provider().get(created.providerId)).toEqual({
      status: 'succeeded',
      providerId: created.providerId,
    });
  });

  it('stays pending until the provider settles it', async () => {
    state.settleAfterMs = 60_000;
    const created = await provider().create(request());
    expect((await provider().get(created.providerId)).status).toBe('pending');
  });

  it('makes one payout for the same key sent twice', async () => {
    const before = state.payouts.size;
    const r = request();
    const first = await provider().create(r);
    const second = await provider().create(r);
    expect(second.providerId).toBe(first.providerId);
    expect(state.payouts.size).toBe(before + 1);
  });

  it('refuses, not transiently, the same key with another body', async () => {
    const r = request();
    await provider().create(r);
    const e = await providerError(provider().create({ ...r, amount: r.amount + 1 }));
    expect(e.transient).toBe(false);
    expect(e.message).toContain('Idempotence key');
  });

  it('cancels a payout to a phone with no account at the bank, with the reason', async () => {
    const created = await provider().create(request({ phone: '+79161230000' }));
    expect(created.status).toBe('pending');
    expect(await provider().get(created.providerId)).toEqual({
      status: 'canceled',
      providerId: created.providerId,
      party: 'payout_network',
      reason: 'recipient_not_found',
    });
  });

  it('reports HTTP 500 as transient; the retry with the same key makes exactly one payout', async () => {
    const before = state.payouts.size;
    state.behaviour.failNext = 1;
    const r = request();
    const e = await providerError(provider().create(r));
    expect(e.transient).toBe(true);
    expect(state.payouts.size).toBe(before);
    expect((await provider().create(r)).status).toBe('pending');
    expect(state.payouts.size).toBe(before + 1);
  });

  it('reports a timeout as transient although the payout exists; the retry returns that payout', async () => {
    const before = state.payouts.size;
    state.behaviour.timeoutNext = 1;
    state.behaviour.hangMs = 3_000;
    const r = request();
    const started = Date.now();
    const e = await providerError(provider({ timeoutMs: 200 }).create(r));
    expect(e.transient).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(state.payouts.size).toBe(before + 1);
    const made = [...state.payouts.values()].at(-1)!;
    const retried = await provider().create(r);
    expect(retried.providerId).toBe(made.id);
    expect(state.payouts.size).toBe(before + 1);
  });

  it('refuses, not transiently, wrong credentials, unknown banks, amounts under 1 ₽ and unknown ids', async () => {
    const cases: (() => Promise<unknown>)[] = [
      () => provider({ secretKey: 'wrong' }).create(request()),
      () => provider().create(request({ bankId: '100000009999' })),
      () => provider().create(request({ amount: 1 })),
      () => provider().get('po-00000000-0000-0000-0000-000000000000'),
    ];
    for (const c of cases) expect((await providerError(c())).transient).toBe(false);
  });

  it('refuses before any call a phone that is not a Russian number', async () => {
    const before = state.payouts.size;
    const e = await providerError(provider().create(request({ phone: '12345' })));
    expect(e.transient).toBe(false);
    expect(state.payouts.size).toBe(before);
  });

  it('reports an unreachable provider as transient', async () => {
    const e = await providerError(provider({ baseUrl: 'http://127.0.0.1:1' }).get('po-x'));
    expect(e.transient).toBe(true);
  });

  it('finds a payout by our id in its metadata, and nothing for an id it never saw', async () => {
    const payoutId = randomUUID();
    const made = await provider().create(request({ metadata: { claimId: '42', payoutId } }));
    const found = await provider().findByPayoutId(payoutId);
    expect(found).toMatchObject({ providerId: made.providerId, payoutId });
    expect(state.requests.at(-1)?.path).toBe(`/v3/payouts/search?metadata%5BpayoutId%5D=${payoutId}`);
    expect(await provider().findByPayoutId(randomUUID())).toBeNull();
    state.behaviour.failNext = 1;
    expect((await providerError(provider().findByPayoutId(payoutId))).transient).toBe(true);
  });

  it('forgets an idempotence key after its time: the same key then makes a second payout', async () => {
    const req = request();
    const first = await provider().create(req);
    state.expireKeys();
    const second = await provider().create(req);
    expect(second.providerId).not.toBe(first.providerId);
  });

  it('lists СБП banks', async () => {
    const banks = await provider().banks();
    expect(banks).toHaveLength(10);
    expect(banks).toContainEqual({ bankId: '100000000111', name: 'Сбербанк', bic: '044525225' });
  });

  it('delivers payout.succeeded and payout.canceled webhooks', async () => {
    state.webhookUrl = `${origin()}/hooks/yookassa`;
    const ok = await provider().create(request());
    const no = await provider().create(request({ phone: '89161230000' }));
    await until(() => received.length >= 2);
    const parsed = received.map(parsePayoutNotification);
    expect(parsed).toContainEqual({ event: 'payout.succeeded', providerId: ok.providerId });
    expect(parsed).toContainEqual({ event: 'payout.canceled', providerId: no.providerId });
  });

  it('delivers each webhook twice when told to', async () => {
    state.webhookUrl = `${origin()}/hooks/yookassa`;
    state.behaviour.duplicateWebhooks = true;
    const created = await provider().create(request());
    await until(() => received.length >= 2);
    await new Promise((r) => setTimeout(r, 50));
    expect(received.map(parsePayoutNotification)).toEqual([
      { event: 'payout.succeeded', providerId: created.providerId },
      { event: 'payout.succeeded', providerId: created.providerId },
    ]);
    expect(state.webhooks.filter((w) => w.payoutId === created.providerId)).toHaveLength(2);
  });
});

describe('parsePayoutNotification', () => {
  it('reads a YooKassa notification', () => {
    const body = {
      type: 'notification',
      event: 'payout.canceled',
      object: {
        id: 'po-1',
        status: 'canceled',
        cancellation_details: { party: 'payout_network', reason: 'x' },
      },
    };
    expect(parsePayoutNotification(body)).toEqual({ event: 'payout.canceled', providerId: 'po-1' });
  });

  it.each([
    ['null', null],
    ['a string', 'payout.succeeded'],
    ['an array', [{ type: 'notification' }]],
    ['another type', { type: 'event', event: 'payout.succeeded', object: { id: 'po-1' } }],
    ['a payment event', { type: 'notification', event: 'payment.succeeded', object: { id: 'po-1' } }],
    ['no object', { type: 'notification', event: 'payout.succeeded' }],
    ['an empty id', { type: 'notification', event: 'payout.succeeded', object: { id: '' } }],
    ['a numeric id', { type: 'notification', event: 'payout.succeeded', object: { id: 7 } }],
  ])('returns null for %s', (_what, body) => {
    expect(parsePayoutNotification(body)).toBeNull();
  });
});

describe('amounts', () => {
  it.each([
    [1, '0.01'],
    [10, '0.10'],
    [100, '1.00'],
    [123_450, '1234.50'],
    [100_000_000, '1000000.00'],
  ])('%i kopecks ⇔ "%s"', (kopecks, text) => {
    expect(kopecksToAmount(kopecks)).toBe(text);
    expect(amountToKopecks(text)).toBe(kopecks);
  });

  it('reads amounts without kopecks and rejects the rest', () => {
    expect(amountToKopecks('1234.5')).toBe(123_450);
    expect(amountToKopecks('1234')).toBe(123_400);
    expect(amountToKopecks('1,00')).toBeNull();
    expect(amountToKopecks('-1.00')).toBeNull();
    expect(() => kopecksToAmount(1.5)).toThrow(RangeError);
    expect(() => kopecksToAmount(-1)).toThrow(RangeError);
  });
});
