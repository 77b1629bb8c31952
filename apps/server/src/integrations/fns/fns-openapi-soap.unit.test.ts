import { describe, expect, it } from 'vitest';
import {
  authRequestXml,
  authResponseXml,
  FNS_NS,
  getMessageRequestXml,
  getMessageResponseXml,
  getTicketRequestXml,
  readAuthRequest,
  readAuthResponse,
  readGetMessageRequest,
  readGetMessageResponse,
  readGetTicketRequest,
  readSendMessageResponse,
  readSoap,
  SOAP_NS,
  sendMessageResponseXml,
  soapFaultXml,
  type TicketInfo,
} from './fns-openapi-soap.ts';
import { childOf, parseXml, pathOf, textOf, XmlError } from './xml.ts';

/** Answers written the way the FNS writes them: `ns2` prefixes, default namespaces, line breaks. */
const env = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<soap:Envelope xmlns:soap="${SOAP_NS}">\n<soap:Body>${body}</soap:Body>\n</soap:Envelope>`;

function content(xml: string) {
  const m = readSoap(xml);
  if (m.kind !== 'body') throw new Error('expected a body');
  return m.content;
}

const info: TicketInfo = {
  sum: 128521,
  date: '2024-09-17T18:01:00',
  fn: '7281440500751551',
  typeOperation: 1,
  fiscalDocumentId: 30526,
  fiscalSign: 1168453787,
  rawData: false,
};

describe('requests remed writes', () => {
  it('asks the AuthService for a token: GetMessageRequest/Message/AuthRequest/AuthAppInfo/MasterToken', () => {
    const xml = authRequestXml('master <&> token');
    const request = content(xml);
    expect(request).toMatchObject({ ns: FNS_NS.sync, name: 'GetMessageRequest' });
    const master = pathOf(request, [
      [FNS_NS.sync, 'Message'],
      [FNS_NS.auth, 'AuthRequest'],
      [FNS_NS.auth, 'AuthAppInfo'],
      [FNS_NS.auth, 'MasterToken'],
    ]);
    expect(textOf(master)).toBe('master <&> token');
    expect(readAuthRequest(request)).toBe('master <&> token');
  });

  it('sends GetTicketRequest/GetTicketInfo with the sum in kopecks and the date to the second', () => {
    const request = content(getTicketRequestXml(info));
    expect(request).toMatchObject({ ns: FNS_NS.async, name: 'SendMessageRequest' });
    const ticketInfo = pathOf(request, [
      [FNS_NS.async, 'Message'],
      [FNS_NS.kkt, 'GetTicketRequest'],
      [FNS_NS.kkt, 'GetTicketInfo'],
    ]);
    const fields = Object.fromEntries(ticketInfo!.children.map((c) => [`${c.ns}|${c.name}`, c.text]));
    expect(fields).toEqual({
      [`${FNS_NS.kkt}|Sum`]: '128521',
      [`${FNS_NS.kkt}|Date`]: '2024-09-17T18:01:00',
      [`${FNS_NS.kkt}|Fn`]: '7281440500751551',
      [`${FNS_NS.kkt}|TypeOperation`]: '1',
      [`${FNS_NS.kkt}|FiscalDocumentId`]: '30526',
      [`${FNS_NS.kkt}|FiscalSign`]: '1168453787',
      [`${FNS_NS.kkt}|RawData`]: 'false',
    });
    expect(readGetTicketRequest(request)).toEqual(info);
  });

  it('polls with GetMessageRequest/MessageId of the asynchronous service', () => {
    const request = content(getMessageRequestXml('d28f1970-1e8d-4fe4-8a39-8aab0af7885e'));
    expect(request).toMatchObject({ ns: FNS_NS.async, name: 'GetMessageRequest' });
    expect(readGetMessageRequest(request)).toBe('d28f1970-1e8d-4fe4-8a39-8aab0af7885e');
    expect(readGetTicketRequest(request)).toBeNull();
  });

  it('reads a ticket request without RawData (older clients) and refuses one with a broken field', () => {
    const xml = getTicketRequestXml(info);
    expect(readGetTicketRequest(content(xml.replace(/<k:RawData>false<\/k:RawData>/, '')))).toEqual(info);
    expect(readGetTicketRequest(content(xml.replace('>30526<', '>30 526<')))).toBeNull();
  });
});

describe('answers of the FNS', () => {
  it('reads a temporary token and its ExpireTime with an offset', () => {
    const xml = env(
      `<GetMessageResponse xmlns="${FNS_NS.sync}"><Message>` +
        `<AuthResponse xmlns:ns2="${FNS_NS.auth}" xmlns="${FNS_NS.auth}"><ns2:Result>` +
        '<ns2:Token>c499717f309949d2b8719bf3040efd96</ns2:Token>' +
        '<ns2:ExpireTime>2021-01-21T14:52:13.202+03:00</ns2:ExpireTime>' +
        '</ns2:Result></AuthResponse></Message></GetMessageResponse>',
    );
    expect(readAuthResponse(content(xml))).toEqual({
      token: 'c499717f309949d2b8719bf3040efd96',
      expiresAt: Date.parse('2021-01-21T11:52:13.202Z'),
    });
  });

  it('reads an AuthResponse fault, and refuses a token without a readable ExpireTime', () => {
    expect(readAuthResponse(content(authResponseXml({ fault: 'Мастер-токен не найден' })))).toEqual({
      fault: 'Мастер-токен не найден',
    });
    const broken = authResponseXml({ token: 't', expireTime: 'завтра' });
    expect(readAuthResponse(content(broken))).toBeNull();
    expect(readAuthResponse(content(sendMessageResponseXml('x')))).toBeNull();
  });

  it('reads the MessageId of SendMessageResponse', () => {
    const xml = env(
      `<SendMessageResponse xmlns="${FNS_NS.async}"><MessageId>d28f1970-1e8d-4fe4-8a39-8aab0af7885e</MessageId></SendMessageResponse>`,
    );
    expect(readSendMessageResponse(content(xml))).toBe('d28f1970-1e8d-4fe4-8a39-8aab0af7885e');
  });

  it('reads PROCESSING, and COMPLETED with the code and the ticket JSON kept verbatim', () => {
    const processing = env(
      `<GetMessageResponse xmlns="${FNS_NS.async}"><ProcessingStatus>PROCESSING</ProcessingStatus></GetMessageResponse>`,
    );
    expect(readGetMessageResponse(content(processing))).toEqual({ status: 'PROCESSING' });
    const ticket = '{"id":1,"content":{"user":"ООО \\"Ромашка\\" & Co","items":[]}}';
    const completed = env(
      `<GetMessageResponse xmlns="${FNS_NS.async}"><ProcessingStatus>COMPLETED</ProcessingStatus><Message>` +
        `<GetTicketResponse xmlns:ns2="${FNS_NS.kkt}" xmlns="${FNS_NS.kkt}"><ns2:Result>` +
        `<ns2:Code>200</ns2:Code><ns2:Ticket>${ticket.replace('&', '&amp;')}</ns2:Ticket>` +
        '</ns2:Result></GetTicketResponse></Message></GetMessageResponse>',
    );
    expect(readGetMessageResponse(content(completed))).toEqual({
      status: 'COMPLETED',
      result: { code: 200, ticket },
    });
  });

  it('reads a result without a ticket, and the KktTicketService fault', () => {
    const notFound = getMessageResponseXml({
      status: 'COMPLETED',
      result: { code: 404, message: 'Чек не найден' },
    });
    expect(readGetMessageResponse(content(notFound))).toEqual({
      status: 'COMPLETED',
      result: { code: 404, message: 'Чек не найден' },
    });
    const fault = getMessageResponseXml({ status: 'COMPLETED', result: { fault: 'Сервис недоступен' } });
    expect(readGetMessageResponse(content(fault))).toEqual({
      status: 'COMPLETED',
      result: { fault: 'Сервис недоступен' },
    });
  });

  it('returns null for an unknown status or a COMPLETED answer without a code', () => {
    const odd = env(
      `<GetMessageResponse xmlns="${FNS_NS.async}"><ProcessingStatus>QUEUED</ProcessingStatus></GetMessageResponse>`,
    );
    expect(readGetMessageResponse(content(odd))).toBeNull();
    const empty = env(
      `<GetMessageResponse xmlns="${FNS_NS.async}"><ProcessingStatus>COMPLETED</ProcessingStatus></GetMessageResponse>`,
    );
    expect(readGetMessageResponse(content(empty))).toBeNull();
  });

  it('reads a SOAP fault with the kind of fault named in its detail', () => {
    const xml = env(
      '<soap:Fault><faultcode>soap:Server</faultcode>' +
        '<faultstring>Доступ к сервису для token запрещен</faultstring>' +
        `<detail><AuthenticationFault xmlns="${FNS_NS.async}"/></detail></soap:Fault>`,
    );
    expect(readSoap(xml)).toEqual({
      kind: 'fault',
      fault: {
        code: 'soap:Server',
        message: 'Доступ к сервису для token запрещен',
        detail: 'AuthenticationFault',
      },
    });
    expect(readSoap(soapFaultXml('Превышен лимит', 'RateLimitingFault'))).toMatchObject({
      kind: 'fault',
      fault: { message: 'Превышен лимит', detail: 'RateLimitingFault' },
    });
    expect(readSoap(soapFaultXml('Ошибка'))).toMatchObject({ fault: { detail: null } });
  });
});

describe('malformed answers', () => {
  it.each([
    ['an HTML error page', '<html><body>502 Bad Gateway</body></html>'],
    ['a cut-off envelope', env('<GetMessageResponse>').slice(0, -40)],
    ['an empty body', env('')],
    ['JSON', '{"code":1}'],
  ])('throws XmlError for %s', (_what, text) => {
    expect(() => readSoap(text)).toThrow(XmlError);
  });

  it('refuses an answer that declares an external entity (XXE)', () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE soap:Envelope [<!ENTITY t SYSTEM "file:///etc/passwd">]>' +
      env(
        `<SendMessageResponse xmlns="${FNS_NS.async}"><MessageId>&t;</MessageId></SendMessageResponse>`,
      ).replace(/^<\?xml[^>]*>\n/, '');
    expect(() => readSoap(xxe)).toThrow(/DOCTYPE/);
  });

  it('names elements by namespace, not by prefix: the same local name elsewhere is not taken', () => {
    const xml = env(
      `<GetMessageResponse xmlns="urn:someone-else"><ProcessingStatus>COMPLETED</ProcessingStatus></GetMessageResponse>`,
    );
    expect(readGetMessageResponse(content(xml))).toBeNull();
    const root = parseXml(xml);
    expect(childOf(root, SOAP_NS, 'Body')).toBeDefined();
  });
});
