import crypto from 'node:crypto';
import { type FiscalReceipt, normaliseFiscalReceipt, parseQr, type QrFields, receiptId } from '@remed/core';
import type { FastifyPluginAsync } from 'fastify';
import { closingSignal, type SimulatedFaults, simulateFaults } from '../simulated-faults.ts';

interface ReceiptSimulatorBehaviour extends SimulatedFaults {
  /**
   * Aggregator: the next N requests answer code 2 (not yet received from the FNS) with `Retry-After`.
   * FNS Open API: the next N ticket requests stay PROCESSING however often they are polled.
   */
  pendingNext: number;
  /** FNS Open API: every ticket request answers PROCESSING to its first N polls, then completes. */
  processingPolls: number;
  /** FNS Open API: lifetime of a temporary token (its ExpireTime, and when it stops being accepted). */
  tokenTtlMs: number;
}

export interface StoredReceipt {
  raw: unknown;
  receipt: FiscalReceipt;
}

/** Seconds the simulator asks a client to wait when a receipt is "not yet received". */
export const SIMULATOR_PENDING_RETRY_AFTER = 30;

/**
 * Receipts the simulators know, keyed by `fn:i`, plus the knobs that make them misbehave; one store
 * serves both protocols (aggregator and FNS Open API). The token is the aggregator token and the FNS
 * master token; a wrong one is an auth failure (HTTP 401, an auth fault), never a "no such receipt", so
 * that a misconfigured token is never mistaken for a forged receipt.
 */
export class ReceiptSimulatorStore {
  readonly behaviour: ReceiptSimulatorBehaviour = {
    latencyMs: 0,
    failNext: 0,
    pendingNext: 0,
    processingPolls: 0,
    timeoutNext: 0,
    hangMs: 10_000,
    tokenTtlMs: 3_600_000,
  };
  /** Requests received, answered or not: tests check that a client did (or did not) call. */
  requests = 0;
  /** FNS Open API: master-token exchanges asked for. */
  authRequests = 0;
  private readonly receipts = new Map<string, StoredReceipt>();
  /** FNS Open API temporary tokens and when each stops being accepted. */
  private readonly tokens = new Map<string, number>();

  constructor(readonly token: string) {}

  /** Stores a bare FNS receipt JSON; throws on anything that is not a receipt (a fixture mistake). */
  register(receiptJson: unknown): FiscalReceipt {
    const parsed = normaliseFiscalReceipt(receiptJson);
    if (!parsed.ok) throw new Error(`Receipt simulator: not a receipt (${parsed.error.message})`);
    this.receipts.set(receiptId(parsed.value), { raw: receiptJson, receipt: parsed.value });
    return parsed.value;
  }

  clear() {
    this.receipts.clear();
  }

  /** The stored receipt when every QR requisite agrees with it (fp as a number, time to the minute). */
  find(qrraw: string): StoredReceipt | null {
    const qr = parseQr(qrraw);
    if (!qr.ok) return null;
    const match = this.match(qr.value);
    return typeof match === 'object' ? match : null;
  }

  /** The stored receipt; `mismatch` when one with this fn and ФД is known but other requisites differ. */
  match(q: QrFields): StoredReceipt | 'mismatch' | 'unknown' {
    const stored = this.receipts.get(receiptId(q));
    if (!stored) return 'unknown';
    const r = stored.receipt;
    const same =
      r.fp === q.fp &&
      r.operationType === q.n &&
      r.totalSum === q.sum &&
      r.dateTime.slice(0, 16) === q.dateTime.slice(0, 16);
    return same ? stored : 'mismatch';
  }

  /** FNS Open API: a new temporary token for the master token. */
  issueToken(): { token: string; expiresAt: number } {
    const token = crypto.randomBytes(16).toString('hex');
    const expiresAt = Date.now() + this.behaviour.tokenTtlMs;
    this.tokens.set(token, expiresAt);
    return { token, expiresAt };
  }

  tokenValid(token: string): boolean {
    const expiresAt = this.tokens.get(token);
    if (expiresAt === undefined) return false;
    if (Date.now() < expiresAt) return true;
    this.tokens.delete(token);
    return false;
  }

  /** FNS Open API: every temporary token stops being accepted before its ExpireTime (clients must renew). */
  expireTokens(): void {
    this.tokens.clear();
  }
}

const FORM = 'application/x-www-form-urlencoded';

/**
 * The aggregator contract (`POST /api/v1/check/get`, form fields `token` and `qrraw`) under
 * `/sim/fns`, so that `aggregatorReceiptSource({ baseUrl: '<origin>/sim/fns' })` talks to it.
 */
export function receiptSimulatorRoutes(store: ReceiptSimulatorStore): FastifyPluginAsync {
  return async (app) => {
    const closing = closingSignal(app);

    // Scoped to this plugin: the rest of the server accepts no form bodies.
    if (!app.hasContentTypeParser(FORM)) {
      app.addContentTypeParser(FORM, { parseAs: 'string' }, (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(String(body))));
      });
    }

    app.post('/sim/fns/api/v1/check/get', async (req, reply) => {
      const fault = await simulateFaults(store, closing);
      if (fault === 'stopping') return reply.code(503).send({ code: 5, data: 'Сервер останавливается' });
      if (fault === 'failed') return reply.code(500).send({ code: 5, data: 'Внутренняя ошибка сервера' });
      const form = formFields(req.body);
      if (form.token !== store.token) {
        return reply.code(401).send({ code: 5, data: 'Неверный токен доступа' });
      }
      const b = store.behaviour;
      if (b.pendingNext > 0) {
        b.pendingNext -= 1;
        reply.header('retry-after', String(SIMULATOR_PENDING_RETRY_AFTER));
        return { code: 2, data: 'Данные чека пока не получены' };
      }
      const qrraw = typeof form.qrraw === 'string' ? form.qrraw : '';
      const found = store.find(qrraw);
      if (!found) return { code: 0, data: 'Чек некорректен' };
      return { code: 1, first: 0, data: { json: found.raw, html: '' }, request: { qrraw } };
    });
  };
}

/** Our own parser gives an object; a parser the host server registered first may give the raw text. */
function formFields(body: unknown): Record<string, unknown> {
  if (typeof body === 'string') return Object.fromEntries(new URLSearchParams(body));
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
}
