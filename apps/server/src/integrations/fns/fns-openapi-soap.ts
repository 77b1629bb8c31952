import { childOf, escapeXml, parseXml, pathOf, textOf, type XmlElement, XmlError } from './xml.ts';

/*
 * The SOAP 1.1 messages of the ФНС «API проверки чеков» for legal entities, written by the client and
 * read by the simulator, and the other way round. Sources for the names below:
 * - the FNS sample client for the Open API (C#, published with the service documentation): the synchronous
 *   AuthService (`GetMessageRequest` → `Message/AuthRequest/AuthAppInfo/MasterToken`, answered by
 *   `AuthResponse/Result/{Token, ExpireTime}` or `AuthResponse/Fault/Message`), the asynchronous
 *   KktService (`SendMessageRequest` → `MessageId`, then `GetMessageRequest(MessageId)` →
 *   `ProcessingStatus` PROCESSING or COMPLETED with `Message`), the `FNS-OpenApi-Token` header and the
 *   `FNS-OpenApi-UserToken` header (base64, at most 160 characters), the `AuthenticationFault` and
 *   `MessageNotFoundFault` SOAP faults, and at most two polls a second;
 * - the XSD-generated types and clients of several public integrations (PHP, Python, Rust, Java, Node):
 *   the namespaces, the paths `/open-api/AuthService/0.1` and `/open-api/ais3/KktService/0.1` on
 *   `https://openapi.nalog.ru:8090`, SOAPAction `urn:GetMessageRequest` / `urn:SendMessageRequest`,
 *   `GetTicketRequest/GetTicketInfo/{Sum, Date, Fn, TypeOperation, FiscalDocumentId, FiscalSign, RawData}`
 *   and `GetTicketResponse/Result/{Code, Ticket}` or `GetTicketResponse/Fault/Message`, the ticket JSON
 *   `{ id, ofdId, receiveDate, subtype, address, content }`, and `RateLimitingFault`.
 */

export const SOAP_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

export const FNS_NS = {
  /** The synchronous message service; the AuthService speaks it. */
  sync: 'urn://x-artefacts-gnivc-ru/inplat/servin/OpenApiMessageConsumerService/types/1.0',
  /** The asynchronous message service; the KktService speaks it. */
  async: 'urn://x-artefacts-gnivc-ru/inplat/servin/OpenApiAsyncMessageConsumerService/types/1.0',
  auth: 'urn://x-artefacts-gnivc-ru/ais3/kkt/AuthService/types/1.0',
  kkt: 'urn://x-artefacts-gnivc-ru/ais3/kkt/KktTicketService/types/1.0',
} as const;

export const AUTH_SERVICE_PATH = '/open-api/AuthService/0.1';
export const KKT_SERVICE_PATH = '/open-api/ais3/KktService/0.1';
export const SOAP_ACTION = { getMessage: 'urn:GetMessageRequest', sendMessage: 'urn:SendMessageRequest' };
export const TOKEN_HEADER = 'FNS-OpenApi-Token';
export const USER_TOKEN_HEADER = 'FNS-OpenApi-UserToken';

/** The requisites of `GetTicketInfo`. */
export interface TicketInfo {
  /** Total in kopecks. */
  sum: number;
  /** Local date-time of the receipt, `YYYY-MM-DDTHH:MM:SS`. */
  date: string;
  fn: string;
  typeOperation: number;
  fiscalDocumentId: number;
  fiscalSign: number;
  /** Ask for the base64 TLV of the document as well; remed does not need it. */
  rawData: boolean;
}

export type SoapFaultDetail = 'AuthenticationFault' | 'MessageNotFoundFault' | 'RateLimitingFault';

export interface SoapFault {
  code: string;
  message: string;
  /** Local name of the first element of `detail`, which names the kind of fault. */
  detail: string | null;
}

export type SoapMessage = { kind: 'body'; content: XmlElement } | { kind: 'fault'; fault: SoapFault };

/** `Result` of `GetTicketResponse`, or its `Fault`. */
export type TicketResult = { code: number; ticket?: string; message?: string } | { fault: string };

type MessageAnswer = { status: 'PROCESSING' } | { status: 'COMPLETED'; result: TicketResult };

type AuthAnswer = { token: string; expiresAt: number } | { fault: string };

function envelope(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${SOAP_NS}"><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

const el = (prefix: string, name: string, value: string | number | boolean) =>
  `<${prefix}:${name}>${escapeXml(String(value))}</${prefix}:${name}>`;

// ---- requests, written by the client ----

export function authRequestXml(masterToken: string): string {
  return envelope(
    `<m:GetMessageRequest xmlns:m="${FNS_NS.sync}"><m:Message>` +
      `<a:AuthRequest xmlns:a="${FNS_NS.auth}"><a:AuthAppInfo>${el('a', 'MasterToken', masterToken)}</a:AuthAppInfo></a:AuthRequest>` +
      '</m:Message></m:GetMessageRequest>',
  );
}

export function getTicketRequestXml(info: TicketInfo): string {
  return envelope(
    `<m:SendMessageRequest xmlns:m="${FNS_NS.async}"><m:Message>` +
      `<k:GetTicketRequest xmlns:k="${FNS_NS.kkt}"><k:GetTicketInfo>` +
      el('k', 'Sum', info.sum) +
      el('k', 'Date', info.date) +
      el('k', 'Fn', info.fn) +
      el('k', 'TypeOperation', info.typeOperation) +
      el('k', 'FiscalDocumentId', info.fiscalDocumentId) +
      el('k', 'FiscalSign', info.fiscalSign) +
      el('k', 'RawData', info.rawData) +
      '</k:GetTicketInfo></k:GetTicketRequest></m:Message></m:SendMessageRequest>',
  );
}

export function getMessageRequestXml(messageId: string): string {
  return envelope(
    `<m:GetMessageRequest xmlns:m="${FNS_NS.async}">${el('m', 'MessageId', messageId)}</m:GetMessageRequest>`,
  );
}

// ---- answers, written by the simulator ----

export function authResponseXml(answer: { token: string; expireTime: string } | { fault: string }): string {
  const inner =
    'fault' in answer
      ? `<a:Fault>${el('a', 'Message', answer.fault)}</a:Fault>`
      : `<a:Result>${el('a', 'Token', answer.token)}${el('a', 'ExpireTime', answer.expireTime)}</a:Result>`;
  return envelope(
    `<m:GetMessageResponse xmlns:m="${FNS_NS.sync}"><m:Message><a:AuthResponse xmlns:a="${FNS_NS.auth}">${inner}</a:AuthResponse></m:Message></m:GetMessageResponse>`,
  );
}

export function sendMessageResponseXml(messageId: string): string {
  return envelope(
    `<m:SendMessageResponse xmlns:m="${FNS_NS.async}">${el('m', 'MessageId', messageId)}</m:SendMessageResponse>`,
  );
}

export function getMessageResponseXml(answer: MessageAnswer): string {
  let message = '';
  if (answer.status === 'COMPLETED') {
    const r = answer.result;
    const inner =
      'fault' in r
        ? `<k:Fault>${el('k', 'Message', r.fault)}</k:Fault>`
        : `<k:Result>${el('k', 'Code', r.code)}${r.ticket === undefined ? '' : el('k', 'Ticket', r.ticket)}${r.message === undefined ? '' : el('k', 'Message', r.message)}</k:Result>`;
    message = `<m:Message><k:GetTicketResponse xmlns:k="${FNS_NS.kkt}">${inner}</k:GetTicketResponse></m:Message>`;
  }
  return envelope(
    `<m:GetMessageResponse xmlns:m="${FNS_NS.async}">${el('m', 'ProcessingStatus', answer.status)}${message}</m:GetMessageResponse>`,
  );
}

export function soapFaultXml(message: string, detail?: SoapFaultDetail): string {
  const d = detail ? `<detail><${detail} xmlns="${FNS_NS.async}"/></detail>` : '';
  return envelope(
    `<soap:Fault><faultcode>soap:Server</faultcode><faultstring>${escapeXml(message)}</faultstring>${d}</soap:Fault>`,
  );
}

// ---- reading ----

/** The first element of the SOAP body, or the fault in it; throws XmlError for anything else. */
export function readSoap(text: string): SoapMessage {
  const root = parseXml(text);
  if (root.ns !== SOAP_NS || root.name !== 'Envelope') throw new XmlError('Это не конверт SOAP 1.1', 0);
  const body = childOf(root, SOAP_NS, 'Body');
  const content = body?.children[0];
  if (!content) throw new XmlError('Пустое тело SOAP', 0);
  if (content.ns === SOAP_NS && content.name === 'Fault') {
    // SOAP 1.1 fault children are unqualified.
    return {
      kind: 'fault',
      fault: {
        code: textOf(childOf(content, '', 'faultcode')) ?? '',
        message: textOf(childOf(content, '', 'faultstring')) ?? '',
        detail: childOf(content, '', 'detail')?.children[0]?.name ?? null,
      },
    };
  }
  return { kind: 'body', content };
}

export function readAuthRequest(content: XmlElement): string | null {
  if (!is(content, FNS_NS.sync, 'GetMessageRequest')) return null;
  const info = pathOf(content, [
    [FNS_NS.sync, 'Message'],
    [FNS_NS.auth, 'AuthRequest'],
    [FNS_NS.auth, 'AuthAppInfo'],
  ]);
  return textOf(childOf(info, FNS_NS.auth, 'MasterToken')) ?? null;
}

export function readAuthResponse(content: XmlElement): AuthAnswer | null {
  if (!is(content, FNS_NS.sync, 'GetMessageResponse')) return null;
  const response = pathOf(content, [
    [FNS_NS.sync, 'Message'],
    [FNS_NS.auth, 'AuthResponse'],
  ]);
  const fault = childOf(response, FNS_NS.auth, 'Fault');
  if (fault) return { fault: textOf(childOf(fault, FNS_NS.auth, 'Message')) ?? '' };
  const result = childOf(response, FNS_NS.auth, 'Result');
  const token = textOf(childOf(result, FNS_NS.auth, 'Token'));
  const expiresAt = Date.parse(textOf(childOf(result, FNS_NS.auth, 'ExpireTime')) ?? '');
  if (!token || Number.isNaN(expiresAt)) return null;
  return { token, expiresAt };
}

/** The ticket requisites of a `SendMessageRequest`; null when it carries something else. */
export function readGetTicketRequest(content: XmlElement): TicketInfo | null {
  if (!is(content, FNS_NS.async, 'SendMessageRequest')) return null;
  const info = pathOf(content, [
    [FNS_NS.async, 'Message'],
    [FNS_NS.kkt, 'GetTicketRequest'],
    [FNS_NS.kkt, 'GetTicketInfo'],
  ]);
  const read = (name: string) => textOf(childOf(info, FNS_NS.kkt, name));
  const digits = (name: string) => {
    const v = read(name);
    return v && /^\d{1,20}$/.test(v) ? Number(v) : null;
  };
  const sum = digits('Sum');
  const typeOperation = digits('TypeOperation');
  const fiscalDocumentId = digits('FiscalDocumentId');
  const fiscalSign = digits('FiscalSign');
  const fn = read('Fn');
  const date = read('Date');
  const rawData = read('RawData');
  if (sum === null || typeOperation === null || fiscalDocumentId === null || fiscalSign === null) return null;
  if (!fn || !/^\d+$/.test(fn) || !date) return null;
  if (rawData !== undefined && rawData !== 'true' && rawData !== 'false') return null;
  return { sum, date, fn, typeOperation, fiscalDocumentId, fiscalSign, rawData: rawData === 'true' };
}

export function readSendMessageResponse(content: XmlElement): string | null {
  if (!is(content, FNS_NS.async, 'SendMessageResponse')) return null;
  return textOf(childOf(content, FNS_NS.async, 'MessageId')) ?? null;
}

export function readGetMessageRequest(content: XmlElement): string | null {
  if (!is(content, FNS_NS.async, 'GetMessageRequest')) return null;
  return textOf(childOf(content, FNS_NS.async, 'MessageId')) ?? null;
}

/** The state of a ticket request; null for an answer of another shape or status. */
export function readGetMessageResponse(content: XmlElement): MessageAnswer | null {
  if (!is(content, FNS_NS.async, 'GetMessageResponse')) return null;
  const status = textOf(childOf(content, FNS_NS.async, 'ProcessingStatus'));
  if (status === 'PROCESSING') return { status };
  if (status !== 'COMPLETED') return null;
  const response = pathOf(content, [
    [FNS_NS.async, 'Message'],
    [FNS_NS.kkt, 'GetTicketResponse'],
  ]);
  const fault = childOf(response, FNS_NS.kkt, 'Fault');
  if (fault) return { status, result: { fault: textOf(childOf(fault, FNS_NS.kkt, 'Message')) ?? '' } };
  const result = childOf(response, FNS_NS.kkt, 'Result');
  const code = textOf(childOf(result, FNS_NS.kkt, 'Code'));
  if (!code || !/^\d{1,4}$/.test(code)) return null;
  const r: TicketResult = { code: Number(code) };
  // The ticket is JSON text; its spaces are part of the data, so it is not trimmed.
  const ticket = childOf(result, FNS_NS.kkt, 'Ticket')?.text;
  if (ticket) r.ticket = ticket;
  const message = textOf(childOf(result, FNS_NS.kkt, 'Message'));
  if (message) r.message = message;
  return { status, result: r };
}

function is(e: XmlElement, ns: string, name: string): boolean {
  return e.ns === ns && e.name === name;
}
