import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { closingSignal } from '../simulated-faults.ts';
import type { SbpBank } from './payout-provider.ts';
import { SIMULATOR_SBP_BANKS } from './sbp-banks.ts';
import { canonicalJson, invalid, type SimError, validate } from './yookassa-simulator-checks.ts';

interface YookassaSimulatorBehaviour {
  /** Added before every answer. */
  latencyMs: number;
  /** The next N requests (any route) answer HTTP 500 before doing anything. */
  failNext: number;
  /** The next N payout creations create the payout but answer only after `hangMs`: the client times out. */
  timeoutNext: number;
  hangMs: number;
  /** Every webhook is delivered twice, as real providers sometimes do. */
  duplicateWebhooks: boolean;
  /** How long an Idempotence-Key is remembered (YooKassa: 24 hours); after that the same key pays again. */
  keyTtlMs: number;
}

export interface SimulatedPayout {
  id: string;
  status: 'pending' | 'succeeded' | 'canceled';
  amount: { value: string; currency: 'RUB' };
  payout_destination: { type: 'sbp'; phone: string; bank_id: string; recipient_checked: false };
  description?: string;
  created_at: string;
  metadata: Record<string, string>;
  cancellation_details?: { party: string; reason: string };
  test: true;
}

interface WebhookDelivery {
  event: string;
  payoutId: string;
  /** HTTP status of the receiver, or `error` when it could not be reached. */
  result: number | 'error';
}

/**
 * Payouts, idempotence keys and knobs of the YooKassa simulator. A phone ending in `0000` has no
 * account at the chosen bank: the payout is canceled by the СБП side with `recipient_not_found`.
 */
export class YookassaSimulatorState {
  readonly behaviour: YookassaSimulatorBehaviour = {
    latencyMs: 0,
    failNext: 0,
    timeoutNext: 0,
    hangMs: 10_000,
    duplicateWebhooks: false,
    keyTtlMs: 24 * 3_600_000,
  };
  readonly payouts = new Map<string, SimulatedPayout>();
  readonly webhooks: WebhookDelivery[] = [];
  /** Every request that reached a route, in order: tests count the creation calls. */
  readonly requests: { method: string; path: string }[] = [];
  readonly banks: readonly SbpBank[] = SIMULATOR_SBP_BANKS;
  webhookUrl: string | undefined;
  settleAfterMs: number;
  private readonly keys = new Map<string, { fingerprint: string; payoutId: string; at: number }>();
  private readonly createdAt = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    readonly credentials: { agentId: string; secretKey: string },
    options: { webhookUrl?: string; settleAfterMs?: number } = {},
  ) {
    this.webhookUrl = options.webhookUrl;
    this.settleAfterMs = options.settleAfterMs ?? 0;
  }

  /** The payout for this key: the one already made for an identical body, or a new one. */
  create(key: string, body: unknown): SimulatedPayout | SimError {
    const fingerprint = canonicalJson(body);
    const remembered = this.keys.get(key);
    const known = remembered && Date.now() - remembered.at < this.behaviour.keyTtlMs ? remembered : undefined;
    if (known) {
      if (known.fingerprint !== fingerprint) {
        return invalid('Idempotence-Key', 'Idempotence key duplicated with different request parameters');
      }
      return this.current(known.payoutId)!;
    }
    const checked = validate(body, this.banks);
    if ('code' in checked) return checked;
    const id = `po-${randomUUID()}`;
    const payout: SimulatedPayout = {
      ...checked,
      id,
      status: 'pending',
      created_at: new Date().toISOString(),
    };
    this.payouts.set(id, payout);
    this.keys.set(key, { fingerprint, payoutId: id, at: Date.now() });
    this.createdAt.set(id, Date.now());
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.settle(id);
    }, this.settleAfterMs);
    timer.unref();
    this.timers.add(timer);
    return { ...payout };
  }

  /** The payout as a GET sees it: settled first when its time has come, whatever the timers did. */
  current(id: string): SimulatedPayout | null {
    const started = this.createdAt.get(id);
    if (started !== undefined && Date.now() - started >= this.settleAfterMs) this.settle(id);
    const p = this.payouts.get(id);
    return p ? { ...p } : null;
  }

  /** Payouts whose metadata has this pair, newest first, as `GET /v3/payouts/search` answers. */
  search(key: string, value: string): SimulatedPayout[] {
    return [...this.payouts.values()]
      .filter((p) => p.metadata[key] === value)
      .map((p) => this.current(p.id)!)
      .reverse();
  }

  /** Forgets every idempotence key at once, as the provider does after `keyTtlMs`. */
  expireKeys() {
    this.keys.clear();
  }

  dispose() {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private settle(id: string) {
    const p = this.payouts.get(id);
    if (p?.status !== 'pending') return;
    if (p.payout_destination.phone.endsWith('0000')) {
      p.status = 'canceled';
      p.cancellation_details = { party: 'payout_network', reason: 'recipient_not_found' };
    } else {
      p.status = 'succeeded';
    }
    const event = `payout.${p.status}`;
    const copies = this.behaviour.duplicateWebhooks ? 2 : 1;
    for (let n = 0; n < copies; n++) void this.notify(event, { ...p });
  }

  private async notify(event: string, object: SimulatedPayout) {
    const url = this.webhookUrl;
    if (!url) return;
    let result: WebhookDelivery['result'];
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'notification', event, object }),
        signal: AbortSignal.timeout(5_000),
      });
      result = res.status;
    } catch {
      result = 'error';
    }
    this.webhooks.push({ event, payoutId: object.id, result });
  }
}

/**
 * `/sim/yookassa/v3/…`, the YooKassa payouts contract, so that
 * `yookassaPayoutProvider({ baseUrl: '<origin>/sim/yookassa' })` talks to it.
 */
export function yookassaSimulatorRoutes(state: YookassaSimulatorState): FastifyPluginAsync {
  return async (app) => {
    const closing = closingSignal(app);
    app.addHook('onClose', async () => state.dispose());

    const expected = `Basic ${Buffer.from(`${state.credentials.agentId}:${state.credentials.secretKey}`).toString('base64')}`;
    app.addHook('onRequest', async (req, reply) => {
      state.requests.push({ method: req.method, path: req.url.replace(/^\/sim\/yookassa/, '') });
      const b = state.behaviour;
      if (b.latencyMs > 0) await sleep(b.latencyMs);
      if (b.failNext > 0) {
        b.failNext -= 1;
        return fail(reply, {
          status: 500,
          code: 'internal_server_error',
          description: 'Internal server error',
        });
      }
      if (req.headers.authorization !== expected) {
        return fail(reply, {
          status: 401,
          code: 'invalid_credentials',
          description: 'Authentication by given credentials failed',
        });
      }
    });

    app.post('/sim/yookassa/v3/payouts', async (req, reply) => {
      const key = req.headers['idempotence-key'];
      if (typeof key !== 'string' || !key || key.length > 64) {
        return fail(
          reply,
          invalid('Idempotence-Key', 'Idempotence-Key header is required (up to 64 characters)'),
        );
      }
      const result = state.create(key, req.body);
      if ('code' in result) return fail(reply, result);
      if (state.behaviour.timeoutNext > 0) {
        state.behaviour.timeoutNext -= 1;
        try {
          await sleep(state.behaviour.hangMs, undefined, { signal: closing });
        } catch {
          return fail(reply, { status: 503, code: 'internal_server_error', description: 'Shutting down' });
        }
      }
      return result;
    });

    // One metadata pair in deepObject style, `metadata[key]=value`; anything else is refused as the API does.
    app.get<{ Querystring: Record<string, string> }>(
      '/sim/yookassa/v3/payouts/search',
      async (req, reply) => {
        const pairs = Object.entries(req.query).filter(([k]) => /^metadata\[[^\]]+\]$/.test(k));
        if (pairs.length !== 1 || typeof pairs[0]![1] !== 'string')
          return fail(reply, invalid('metadata', 'Exactly one metadata key-value pair is required'));
        const [key, value] = pairs[0]!;
        return { type: 'list', items: state.search(key.slice(9, -1), value as string) };
      },
    );

    app.get<{ Params: { id: string } }>('/sim/yookassa/v3/payouts/:id', async (req, reply) => {
      const payout = state.current(req.params.id);
      return payout ?? fail(reply, { status: 404, code: 'not_found', description: 'Payout not found' });
    });

    app.get('/sim/yookassa/v3/sbp_banks', async () => ({
      type: 'list',
      items: state.banks.map((b) => ({ bank_id: b.bankId, name: b.name, bic: b.bic })),
    }));
  };
}

function fail(reply: FastifyReply, e: SimError) {
  const { status, ...rest } = e;
  return reply.code(status).send({ type: 'error', id: randomUUID(), ...rest });
}
