import { kopecksToRubles, normalizeRuPhone, parseRubles } from '@remed/core';
import { httpCall, isTimeout } from '../../platform/http-client.ts';
import {
  type PayoutNotification,
  type PayoutProvider,
  PayoutProviderError,
  type PayoutState,
} from './payout-provider.ts';

interface YookassaOptions {
  /** `https://api.yookassa.ru` in production; `/v3/…` is appended. */
  baseUrl: string;
  /** The payouts gateway id (agentId), the Basic auth user. */
  agentId: string;
  secretKey: string;
  timeoutMs: number;
}

/** 123450 → "1234.50": the API amount is decimal text, never a float. */
export function kopecksToAmount(kopecks: number): string {
  if (!Number.isSafeInteger(kopecks) || kopecks < 0) throw new RangeError(`Неверная сумма: ${kopecks}`);
  return kopecksToRubles(kopecks);
}

/** "1234.50" (or "1234.5", "1234") → 123450; null for anything else. */
export function amountToKopecks(value: string): number | null {
  return parseRubles(value);
}

/** The СБП phone as the API wants it: 11 digits starting with 7, no `+`. */
function sbpPhone(phone: string): string | null {
  return normalizeRuPhone(phone)?.slice(1) ?? null;
}

type Json = Record<string, unknown>;

/**
 * A `PayoutProvider` over the YooKassa payouts API (СБП destination). Every failure is a
 * `PayoutProviderError`: `transient` when the payout may or may not exist (network, timeout, 5xx, 429,
 * an unreadable 2xx), so the caller must retry with the same idempotence key; otherwise the request
 * itself was refused and repeating it will not help.
 */
export function yookassaPayoutProvider(options: YookassaOptions): PayoutProvider {
  const base = options.baseUrl.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${options.agentId}:${options.secretKey}`).toString('base64')}`;

  async function call(path: string, init: { body?: Json; idempotenceKey?: string } = {}): Promise<Json> {
    const headers: Record<string, string> = { authorization, accept: 'application/json' };
    if (init.body) headers['content-type'] = 'application/json';
    if (init.idempotenceKey) headers['idempotence-key'] = init.idempotenceKey;
    let status: number;
    let text: string;
    try {
      const res = await httpCall(`${base}${path}`, {
        method: init.body ? 'POST' : 'GET',
        headers,
        ...(init.body ? { body: JSON.stringify(init.body) } : {}),
        timeoutMs: options.timeoutMs,
      });
      status = res.status;
      text = res.text;
    } catch (e) {
      throw new PayoutProviderError(isTimeout(e) ? 'ЮKassa не ответила вовремя' : 'ЮKassa недоступна', true);
    }
    const body = parseJson(text);
    if (status >= 500 || status === 429)
      throw new PayoutProviderError(`ЮKassa ответила HTTP ${status}`, true);
    if (status >= 400) {
      const description = isRecord(body) && typeof body.description === 'string' ? body.description : '';
      throw new PayoutProviderError(description || `ЮKassa отклонила запрос (HTTP ${status})`, false);
    }
    if (!isRecord(body)) throw new PayoutProviderError('ЮKassa прислала непонятный ответ', true);
    return body;
  }

  return {
    async create(request) {
      const phone = sbpPhone(request.phone);
      if (!phone) throw new PayoutProviderError(`Неверный номер телефона для СБП: ${request.phone}`, false);
      if (!Number.isSafeInteger(request.amount) || request.amount <= 0) {
        throw new PayoutProviderError(`Неверная сумма выплаты: ${request.amount}`, false);
      }
      const body = {
        amount: { value: kopecksToAmount(request.amount), currency: 'RUB' },
        payout_destination_data: { type: 'sbp', phone, bank_id: request.bankId },
        description: request.description,
        metadata: request.metadata,
      };
      return toPayoutState(await call('/v3/payouts', { body, idempotenceKey: request.idempotenceKey }));
    },

    async get(providerId) {
      return toPayoutState(await call(`/v3/payouts/${encodeURIComponent(providerId)}`));
    },

    async findByPayoutId(payoutId) {
      // One metadata pair, deepObject style: `metadata[payoutId]=…` (the search API takes exactly one).
      const query = new URLSearchParams([['metadata[payoutId]', payoutId]]).toString();
      const body = await call(`/v3/payouts/search?${query}`);
      if (!Array.isArray(body.items))
        throw new PayoutProviderError('ЮKassa прислала непонятный ответ на поиск выплаты', true);
      const found = body.items.filter(isRecord).map(toPayoutState);
      if (found.length > 1)
        throw new PayoutProviderError(`ЮKassa нашла ${found.length} выплаты с одним номером`, false);
      return found[0] ?? null;
    },

    async banks() {
      const body = await call('/v3/sbp_banks');
      if (!Array.isArray(body.items))
        throw new PayoutProviderError('ЮKassa прислала непонятный список банков', true);
      return body.items.filter(isBank).map((b) => ({ bankId: b.bank_id, name: b.name, bic: b.bic }));
    },
  };
}

/** The payout object → our state; an object we cannot read is treated as "unknown yet", i.e. transient. */
function toPayoutState(o: Json): PayoutState {
  const id = typeof o.id === 'string' && o.id ? o.id : null;
  if (!id) throw new PayoutProviderError('В ответе ЮKassa нет идентификатора выплаты', true);
  const ours = isRecord(o.metadata) && typeof o.metadata.payoutId === 'string' ? o.metadata.payoutId : null;
  const ids = ours ? { providerId: id, payoutId: ours } : { providerId: id };
  if (o.status === 'pending' || o.status === 'succeeded') return { status: o.status, ...ids };
  if (o.status === 'canceled') {
    const details = isRecord(o.cancellation_details) ? o.cancellation_details : {};
    return {
      status: 'canceled',
      ...ids,
      reason: typeof details.reason === 'string' ? details.reason : 'unknown',
      party: typeof details.party === 'string' ? details.party : 'unknown',
    };
  }
  throw new PayoutProviderError(`Неизвестный статус выплаты ЮKassa: ${String(o.status)}`, true);
}

const EVENTS = new Set<string>(['payout.succeeded', 'payout.canceled']);

/**
 * The webhook body `{ type: "notification", event, object }`, or null for anything else. Only the id
 * and the event are taken: the caller re-reads the payout with `get` before trusting it.
 */
export function parsePayoutNotification(body: unknown): PayoutNotification | null {
  if (!isRecord(body) || body.type !== 'notification' || typeof body.event !== 'string') return null;
  if (!EVENTS.has(body.event) || !isRecord(body.object)) return null;
  const id = body.object.id;
  if (typeof id !== 'string' || !id) return null;
  return { event: body.event as PayoutNotification['event'], providerId: id };
}

function isBank(v: unknown): v is { bank_id: string; name: string; bic: string } {
  return (
    isRecord(v) && typeof v.bank_id === 'string' && typeof v.name === 'string' && typeof v.bic === 'string'
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
