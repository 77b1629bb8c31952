import crypto from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { type QrFields, receiptId } from '@remed/core';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { closingSignal, simulateFaults } from '../simulated-faults.ts';
import {
  AUTH_SERVICE_PATH,
  authResponseXml,
  FNS_NS,
  getMessageResponseXml,
  KKT_SERVICE_PATH,
  readAuthRequest,
  readGetMessageRequest,
  readGetTicketRequest,
  readSoap,
  type SoapFaultDetail,
  sendMessageResponseXml,
  soapFaultXml,
  type TicketInfo,
  type TicketResult,
  TOKEN_HEADER,
  USER_TOKEN_HEADER,
} from './fns-openapi-soap.ts';
import type { ReceiptSimulatorStore, StoredReceipt } from './receipt-simulator.ts';
import type { XmlElement } from './xml.ts';

/** `fnsOpenApiReceiptSource({ baseUrl: '<origin>/sim/fns-openapi' })` talks to this simulator. */
export const FNS_OPENAPI_SIM_PREFIX = '/sim/fns-openapi';

/** Unanswered ticket requests kept at most; the oldest are forgotten, as the FNS forgets uncollected answers. */
const MAX_MESSAGES = 1_000;
const XML_TYPES = ['text/xml', 'application/xml'];

interface PendingMessage {
  info: TicketInfo;
  pollsLeft: number;
  /** Stays PROCESSING forever (`pendingNext`). */
  stuck: boolean;
}

type Messages = Map<string, PendingMessage>;

/** Latency, hanging and failing requests; a reply when the request must not be answered normally. */
async function misbehave(
  store: ReceiptSimulatorStore,
  closing: AbortSignal,
  reply: FastifyReply,
): Promise<FastifyReply | null> {
  const faulty = await simulateFaults(store, closing);
  if (faulty === 'stopping') return fault(reply, 503, 'Сервер останавливается');
  if (faulty === 'failed') return fault(reply, 500, 'Внутренняя ошибка сервера');
  return null;
}

function authenticate(store: ReceiptSimulatorStore, body: unknown, reply: FastifyReply): FastifyReply {
  store.authRequests += 1;
  const content = soapContent(body);
  const master = content ? readAuthRequest(content) : null;
  if (master === null) return fault(reply, 500, 'Сообщение не соответствует схеме AuthRequest');
  if (master !== store.token) return xml(reply, 200, authResponseXml({ fault: 'Неверный мастер-токен' }));
  const { token, expiresAt } = store.issueToken();
  return xml(reply, 200, authResponseXml({ token, expireTime: moscowIso(expiresAt) }));
}

/** A fault when the temporary token or the user token is missing or wrong. */
function refuseTokens(store: ReceiptSimulatorStore, headers: IncomingHttpHeaders, reply: FastifyReply) {
  const token = headers[TOKEN_HEADER.toLowerCase()];
  if (typeof token !== 'string' || !store.tokenValid(token)) {
    return fault(reply, 500, 'Доступ к сервису для token запрещен', 'AuthenticationFault');
  }
  const userToken = headers[USER_TOKEN_HEADER.toLowerCase()];
  if (userToken !== undefined && !isUserToken(userToken)) {
    return fault(reply, 500, `${USER_TOKEN_HEADER}: ожидается base64 не длиннее 160 символов`);
  }
  return null;
}

function acceptTicketRequest(
  store: ReceiptSimulatorStore,
  messages: Messages,
  content: XmlElement,
  reply: FastifyReply,
): FastifyReply {
  const info = readGetTicketRequest(content);
  if (!info) return fault(reply, 500, 'Сообщение не соответствует схеме GetTicketRequest');
  const b = store.behaviour;
  const stuck = b.pendingNext > 0;
  if (stuck) b.pendingNext -= 1;
  const id = crypto.randomUUID();
  messages.set(id, { info, pollsLeft: b.processingPolls, stuck });
  if (messages.size > MAX_MESSAGES) messages.delete(messages.keys().next().value!);
  return xml(reply, 200, sendMessageResponseXml(id));
}

function answerPoll(
  store: ReceiptSimulatorStore,
  messages: Messages,
  content: XmlElement | null,
  reply: FastifyReply,
): FastifyReply {
  const id = content ? readGetMessageRequest(content) : null;
  if (id === null) return fault(reply, 500, 'Неизвестное сообщение');
  const message = messages.get(id);
  if (!message) {
    return fault(reply, 500, `По переданному MessageId: ${id} сообщение не найдено`, 'MessageNotFoundFault');
  }
  if (message.stuck || message.pollsLeft > 0) {
    message.pollsLeft -= 1;
    return xml(reply, 200, getMessageResponseXml({ status: 'PROCESSING' }));
  }
  messages.delete(id);
  return xml(
    reply,
    200,
    getMessageResponseXml({ status: 'COMPLETED', result: ticketResult(store, message.info) }),
  );
}

/**
 * The FNS Open API contract (SOAP 1.1: AuthService and the asynchronous KktService) under
 * `/sim/fns-openapi`, answering from the same store as the aggregator simulator. Misbehaviour comes from
 * the store's knobs: latency, HTTP 500, requests that hang, tickets that stay PROCESSING, tokens that
 * expire; a wrong master token gets an auth fault.
 */
export function fnsOpenApiSimulatorRoutes(store: ReceiptSimulatorStore): FastifyPluginAsync {
  return async (app) => {
    const closing = closingSignal(app);
    const messages: Messages = new Map();

    // Scoped to this plugin: the rest of the server accepts no XML bodies.
    for (const type of XML_TYPES) {
      if (!app.hasContentTypeParser(type)) {
        app.addContentTypeParser(type, { parseAs: 'string' }, (_req, body, done) => done(null, body));
      }
    }

    app.post(`${FNS_OPENAPI_SIM_PREFIX}${AUTH_SERVICE_PATH}`, async (req, reply) => {
      return (await misbehave(store, closing, reply)) ?? authenticate(store, req.body, reply);
    });

    app.post(`${FNS_OPENAPI_SIM_PREFIX}${KKT_SERVICE_PATH}`, async (req, reply) => {
      const refused = (await misbehave(store, closing, reply)) ?? refuseTokens(store, req.headers, reply);
      if (refused) return refused;
      const content = soapContent(req.body);
      if (content?.ns === FNS_NS.async && content.name === 'SendMessageRequest') {
        return acceptTicketRequest(store, messages, content, reply);
      }
      return answerPoll(store, messages, content, reply);
    });
  };
}

function ticketResult(store: ReceiptSimulatorStore, info: TicketInfo): TicketResult {
  const n = info.typeOperation;
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(info.date) ||
    (n !== 1 && n !== 2 && n !== 3 && n !== 4)
  ) {
    return { code: 400, message: 'Формат отправленных данных некорректен' };
  }
  const q: QrFields = {
    dateTime: info.date,
    sum: info.sum,
    fn: info.fn,
    i: info.fiscalDocumentId,
    fp: info.fiscalSign,
    n,
  };
  const match = store.match(q);
  if (match === 'unknown') return { code: 404, message: 'Чек не найден' };
  if (match === 'mismatch') return { code: 406, message: 'Данные не прошли проверку' };
  return { code: 200, ticket: JSON.stringify(fnsTicket(match)) };
}

/** The ticket as the FNS sends it: the receipt is `content`, its time unix seconds of the local clock. */
function fnsTicket(stored: StoredReceipt) {
  const raw = typeof stored.raw === 'object' && stored.raw !== null ? stored.raw : {};
  return {
    id: Number.parseInt(
      crypto.createHash('sha256').update(receiptId(stored.receipt)).digest('hex').slice(0, 12),
      16,
    ),
    ofdId: 'ofd-simulator',
    receiveDate: new Date().toISOString(),
    subtype: 'receipt',
    address: '',
    content: { ...raw, dateTime: Date.parse(`${stored.receipt.dateTime}Z`) / 1000 },
  };
}

function soapContent(body: unknown): XmlElement | null {
  if (typeof body !== 'string') return null;
  try {
    const message = readSoap(body);
    return message.kind === 'body' ? message.content : null;
  } catch {
    return null;
  }
}

function isUserToken(v: string | string[]): boolean {
  return typeof v === 'string' && v.length > 0 && v.length <= 160 && /^[A-Za-z0-9+/]+={0,2}$/.test(v);
}

function xml(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type('text/xml; charset=utf-8').send(body);
}

function fault(reply: FastifyReply, status: number, message: string, detail?: SoapFaultDetail): FastifyReply {
  return xml(reply, status, soapFaultXml(message, detail));
}

/** ExpireTime with the Moscow offset, as the FNS writes it (`2021-01-21T14:52:13.202+03:00`). */
function moscowIso(ms: number): string {
  return new Date(ms + 3 * 3_600_000).toISOString().replace('Z', '+03:00');
}
