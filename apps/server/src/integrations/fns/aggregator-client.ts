import { formatQr, normaliseFiscalReceipt } from '@remed/core';
import { type HttpAnswer, httpCall, isTimeout } from '../../platform/http-client.ts';
import {
  type ReceiptLookup,
  type ReceiptQuery,
  type ReceiptSource,
  receiptQueryFields,
} from './receipt-source.ts';

interface AggregatorOptions {
  /** e.g. `https://proverkacheka.com`; the path `/api/v1/check/get` is appended. */
  baseUrl: string;
  token: string;
  timeoutMs: number;
}

/** Answer codes of `POST /api/v1/check/get` (proverkacheka.com and compatible aggregators). */
const FOUND = 1;
const INCORRECT = 0;
const RETRY_CODES: Record<number, string> = {
  2: 'Чек ещё не поступил в ФНС',
  3: 'Превышено количество запросов к сервису проверки чеков',
  4: 'Сервис проверки чеков просит подождать перед повторным запросом',
};

/**
 * A `ReceiptSource` over an aggregator that resolves a receipt QR string to the FNS receipt JSON.
 * Every failure other than a definite "no such receipt" (code 0) becomes `retry_later`: a rejected token
 * or a broken aggregator says nothing about the receipt, so it must never look like a forgery.
 */
export function aggregatorReceiptSource(options: AggregatorOptions): ReceiptSource {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/api/v1/check/get`;
  return {
    async lookup(query) {
      const qr = receiptQueryFields(query);
      if (!qr) return { kind: 'not_found', message: 'Неверные реквизиты чека' };
      let res: HttpAnswer;
      try {
        res = await httpCall(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: new URLSearchParams({ token: options.token, qrraw: formatQr(qr) }).toString(),
          timeoutMs: options.timeoutMs,
        });
      } catch (e) {
        return retry(
          isTimeout(e) ? 'Сервис проверки чеков не ответил вовремя' : 'Сервис проверки чеков недоступен',
        );
      }
      return readAnswer(res, query);
    },
  };
}

function readAnswer(res: HttpAnswer, query: ReceiptQuery): ReceiptLookup {
  const afterSeconds = retryAfter(res.header('retry-after'));
  const text = res.text;
  if (!res.ok) {
    const why =
      res.status === 401 || res.status === 403 ? 'отклонил токен доступа' : `ответил HTTP ${res.status}`;
    return retry(`Сервис проверки чеков ${why}`, afterSeconds);
  }
  const body = parseJson(text);
  if (!isRecord(body) || typeof body.code !== 'number') {
    return retry('Сервис проверки чеков прислал непонятный ответ', afterSeconds);
  }
  const message = typeof body.data === 'string' && body.data.trim() ? body.data.trim() : undefined;
  if (body.code === INCORRECT) return { kind: 'not_found', message: message ?? 'Чек не найден в ФНС' };
  if (body.code !== FOUND) {
    const known = RETRY_CODES[body.code] ?? 'Сервис проверки чеков не смог проверить чек';
    return retry(message ? `${known}: ${message}` : known, afterSeconds);
  }
  const parsed = normaliseFiscalReceipt(body);
  if (!parsed.ok) return retry(`Сервис проверки чеков прислал неполный чек: ${parsed.error.message}`);
  const r = parsed.value;
  // An aggregator answering with another receipt is its fault, not a verdict on the one we asked about.
  if (r.fn !== query.fn || r.i !== Number(query.i) || r.fp !== Number(query.fp)) {
    return retry('Сервис проверки чеков прислал другой чек');
  }
  return { kind: 'found', receipt: r };
}

function retry(message: string, afterSeconds?: number): ReceiptLookup {
  return afterSeconds === undefined
    ? { kind: 'retry_later', message }
    : { kind: 'retry_later', message, afterSeconds };
}

/** `Retry-After` in seconds; the HTTP-date form is not used by these services. */
function retryAfter(header: string | null): number | undefined {
  if (!header || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header.trim());
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
