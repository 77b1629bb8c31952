import { Buffer } from 'node:buffer';
import { setTimeout as sleep } from 'node:timers/promises';
import { normaliseFiscalReceipt, type QrFields } from '@remed/core';
import { type HttpAnswer, HttpCallError, httpCall, isTimeout } from '../../platform/http-client.ts';
import {
  AUTH_SERVICE_PATH,
  authRequestXml,
  getMessageRequestXml,
  getTicketRequestXml,
  KKT_SERVICE_PATH,
  readAuthResponse,
  readGetMessageResponse,
  readSendMessageResponse,
  readSoap,
  SOAP_ACTION,
  type SoapMessage,
  type TicketResult,
  TOKEN_HEADER,
  USER_TOKEN_HEADER,
} from './fns-openapi-soap.ts';
import {
  type ReceiptLookup,
  type ReceiptQuery,
  type ReceiptSource,
  receiptQueryFields,
} from './receipt-source.ts';
import type { XmlElement } from './xml.ts';

export interface FnsOpenApiOptions {
  /** e.g. `https://openapi.nalog.ru:8090`; the service paths are appended. */
  baseUrl: string;
  /** Issued by the FNS to the application; exchanged for a temporary token. */
  masterToken: string;
  /** Identifies the user of the application to the FNS; sent in base64 as `FNS-OpenApi-UserToken`. */
  userId: string;
  /** Each HTTP call. */
  timeoutMs: number;
  /** Pause before each poll of an answer; the FNS limits how often one message may be polled. */
  pollIntervalMs: number;
  /** How long after the request to keep polling for a completed answer. */
  pollBudgetMs: number;
  /** The wall clock the token's ExpireTime is compared with. */
  now?: () => number;
}

/** The temporary token is renewed this long before the FNS says it expires. */
export const TOKEN_RENEW_MARGIN_MS = 60_000;
/** A receipt with its items is a few kilobytes; anything this large is not an answer. */
const MAX_ANSWER_BYTES = 2_000_000;
/** A rate-limit fault asks to repeat later; the FNS counts polls of one message per minute. */
const RATE_LIMIT_RETRY_S = 60;

/** `GetTicketResponse/Result/Code` that definitely say there is no such receipt. */
const NOT_FOUND_CODES: Record<number, string> = {
  404: 'Чек не найден',
  406: 'Данные не прошли проверку',
  454: 'Фискальный признак чека не прошёл проверку',
};
/**
 * Codes that say nothing about the receipt. 455 and 544 also come for genuine receipts the till has not
 * yet sent to the FNS (a till may stay offline for days), so they must not reject a claim.
 */
const RETRY_CODES: Record<number, string> = {
  400: 'ФНС не приняла формат запроса',
  452: 'ФНС не приняла формат запроса к проверке фискального признака',
  455: 'Чек ещё не поступил в ФНС',
  503: 'Сервис проверки чеков ФНС недоступен',
  528: 'ФНС сейчас не может проверить фискальный признак',
  544: 'ФНС ещё не знает кассу этого чека',
};

type Failed = { kind: 'failed'; answer: ReceiptLookup & { kind: 'retry_later' } };
type Call = { kind: 'ok'; content: XmlElement } | { kind: 'auth_fault'; message: string } | Failed;
type TokenStep = { kind: 'ok'; token: string } | Failed;

type Endpoint = { base: string; timeoutMs: number; userToken: string };
type KktCall = (action: string, body: string) => Promise<Exclude<Call, { kind: 'auth_fault' }>>;

/** One SOAP call; a transport failure or a fault other than authentication is already a `retry_later`. */
async function post(
  endpoint: Endpoint,
  path: string,
  action: string,
  body: string,
  token?: string,
): Promise<Call> {
  const headers: Record<string, string> = {
    'content-type': 'text/xml; charset=utf-8',
    accept: 'text/xml',
    soapaction: `"${action}"`,
  };
  if (token) {
    headers[TOKEN_HEADER] = token;
    headers[USER_TOKEN_HEADER] = endpoint.userToken;
  }
  let res: HttpAnswer;
  try {
    res = await httpCall(`${endpoint.base}${path}`, {
      method: 'POST',
      headers,
      body,
      timeoutMs: endpoint.timeoutMs,
      maxBytes: MAX_ANSWER_BYTES,
    });
  } catch (e) {
    if (e instanceof HttpCallError && e.kind === 'too_large') return failed('прислал слишком большой ответ');
    return failed(isTimeout(e) ? 'не ответил вовремя' : 'недоступен');
  }
  return readAnswer(res, !!token);
}

function readAnswer(res: HttpAnswer, withToken: boolean): Call {
  let message: SoapMessage;
  try {
    message = readSoap(res.text);
  } catch {
    if (withToken && (res.status === 401 || res.status === 403)) {
      return { kind: 'auth_fault', message: `HTTP ${res.status}` };
    }
    return failed(res.ok ? 'прислал непонятный ответ' : `ответил HTTP ${res.status}`);
  }
  if (message.kind === 'fault') {
    const { detail, message: why } = message.fault;
    if (detail === 'AuthenticationFault') return { kind: 'auth_fault', message: why };
    const status = res.ok ? '' : ` HTTP ${res.status}`;
    const after = detail === 'RateLimitingFault' ? RATE_LIMIT_RETRY_S : undefined;
    return failed(`ответил ошибкой${status}: ${why || 'без описания'}`, after);
  }
  if (!res.ok) return failed(`ответил HTTP ${res.status}`);
  return { kind: 'ok', content: message.content };
}

function ticketRequest(q: QrFields): string {
  return getTicketRequestXml({
    sum: q.sum,
    date: q.dateTime.length === 16 ? `${q.dateTime}:00` : q.dateTime,
    fn: q.fn,
    typeOperation: q.n,
    fiscalDocumentId: q.i,
    fiscalSign: q.fp,
    rawData: false,
  });
}

/** Sends the ticket request, then polls its answer until it completes or the poll budget is spent. */
async function askTicket(kkt: KktCall, q: QrFields, options: FnsOpenApiOptions): Promise<ReceiptLookup> {
  const sent = await kkt(SOAP_ACTION.sendMessage, ticketRequest(q));
  if (sent.kind !== 'ok') return sent.answer;
  const messageId = readSendMessageResponse(sent.content);
  if (!messageId) return retry('Сервис проверки чеков ФНС прислал непонятный ответ на запрос чека');
  const deadline = performance.now() + options.pollBudgetMs;
  for (;;) {
    await sleep(options.pollIntervalMs);
    const polled = await kkt(SOAP_ACTION.getMessage, getMessageRequestXml(messageId));
    if (polled.kind !== 'ok') return polled.answer;
    const answer = readGetMessageResponse(polled.content);
    if (!answer) return retry('Сервис проверки чеков ФНС прислал непонятный ответ о запросе чека');
    if (answer.status === 'COMPLETED') return readTicket(answer.result, q);
    if (performance.now() + options.pollIntervalMs > deadline) {
      return retry('ФНС ещё не ответила на запрос чека');
    }
  }
}

/**
 * A `ReceiptSource` over the FNS Open API for legal entities («API проверки чеков»): SOAP 1.1, a master
 * token exchanged for a temporary token, then an asynchronous ticket request polled until it completes.
 * Only a definite "no such receipt" is `not_found`; an auth failure, a rate limit, a timeout, a broken
 * answer or a request still in processing say nothing about the receipt and are `retry_later`.
 */
export function fnsOpenApiReceiptSource(options: FnsOpenApiOptions): ReceiptSource {
  const endpoint: Endpoint = {
    base: options.baseUrl.replace(/\/+$/, ''),
    timeoutMs: options.timeoutMs,
    userToken: Buffer.from(options.userId, 'utf8').toString('base64'),
  };
  const now = options.now ?? Date.now;
  let cached: { token: string; renewAt: number } | null = null;
  let authenticating: Promise<TokenStep> | null = null;

  async function authenticate(): Promise<TokenStep> {
    const call = await post(
      endpoint,
      AUTH_SERVICE_PATH,
      SOAP_ACTION.getMessage,
      authRequestXml(options.masterToken),
    );
    if (call.kind === 'failed') return call;
    if (call.kind === 'auth_fault') return failed(`отклонил мастер-токен: ${call.message}`);
    const answer = readAuthResponse(call.content);
    if (!answer) return failed('прислал непонятный ответ на запрос временного токена');
    if ('fault' in answer) return failed(`не выдал временный токен: ${answer.fault || 'без описания'}`);
    cached = { token: answer.token, renewAt: answer.expiresAt - TOKEN_RENEW_MARGIN_MS };
    return { kind: 'ok', token: answer.token };
  }

  /** The cached token unless it is `rejected` or about to expire; one authentication at a time. */
  function token(rejected?: string): Promise<TokenStep> {
    if (cached && cached.token === rejected) cached = null;
    if (cached && now() < cached.renewAt) return Promise.resolve({ kind: 'ok', token: cached.token });
    authenticating ??= authenticate().finally(() => {
      authenticating = null;
    });
    return authenticating;
  }

  /** Calls to the KktService; on an auth fault it re-authenticates once per lookup, never in a loop. */
  function kktSession(session: { token: string; renewed: boolean }): KktCall {
    return async (action, body) => {
      for (;;) {
        const call = await post(endpoint, KKT_SERVICE_PATH, action, body, session.token);
        if (call.kind !== 'auth_fault') return call;
        if (session.renewed) return failed(`отклонил временный токен: ${call.message}`);
        session.renewed = true;
        const renewed = await token(session.token);
        if (renewed.kind !== 'ok') return renewed;
        session.token = renewed.token;
      }
    };
  }

  return {
    async lookup(query: ReceiptQuery): Promise<ReceiptLookup> {
      const q = receiptQueryFields(query);
      if (!q) return { kind: 'not_found', message: 'Неверные реквизиты чека' };
      const first = await token();
      if (first.kind !== 'ok') return first.answer;
      return askTicket(kktSession({ token: first.token, renewed: false }), q, options);
    },
  };
}

function readTicket(result: TicketResult, q: QrFields): ReceiptLookup {
  if ('fault' in result) return retry(`ФНС не смогла выдать чек: ${result.fault || 'без описания'}`);
  if (result.code !== 200) {
    const notFound = NOT_FOUND_CODES[result.code];
    if (notFound) return { kind: 'not_found', message: explain(notFound, result.code, result.message) };
    const known = RETRY_CODES[result.code] ?? 'ФНС не смогла проверить чек';
    return retry(explain(known, result.code, result.message));
  }
  const parsed = normaliseFiscalReceipt(parseJson(result.ticket ?? ''));
  if (!parsed.ok) return retry(`ФНС прислала неполный чек: ${parsed.error.message}`);
  const r = parsed.value;
  // Another receipt than the one asked for is the service's fault, not a verdict on this one.
  if (r.fn !== q.fn || r.i !== q.i || r.fp !== q.fp) return retry('ФНС прислала другой чек');
  return { kind: 'found', receipt: r };
}

/** Our words for the code, then the FNS's own unless they only repeat ours. */
function explain(known: string, code: number, fnsMessage: string | undefined): string {
  const own = fnsMessage && !known.toLowerCase().includes(fnsMessage.toLowerCase()) ? `: ${fnsMessage}` : '';
  return `${known} (код ФНС ${code})${own}`;
}

function failed(what: string, afterSeconds?: number): Failed {
  return { kind: 'failed', answer: retry(`Сервис проверки чеков ФНС ${what}`, afterSeconds) };
}

function retry(message: string, afterSeconds?: number): ReceiptLookup & { kind: 'retry_later' } {
  return afterSeconds === undefined
    ? { kind: 'retry_later', message }
    : { kind: 'retry_later', message, afterSeconds };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
