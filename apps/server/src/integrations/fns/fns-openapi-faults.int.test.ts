import { describe, expect, it } from 'vitest';
import { magnitReceipt, pyaterochkaQuery, pyaterochkaReceipt } from '../../../test/fns-receipts.ts';
import { setUpLocalServer } from '../../../test/local-server.ts';
import { fnsOpenApiReceiptSource } from './fns-openapi-client.ts';
import {
  authResponseXml,
  getMessageResponseXml,
  KKT_SERVICE_PATH,
  type SoapFaultDetail,
  sendMessageResponseXml,
  soapFaultXml,
  type TicketResult,
} from './fns-openapi-soap.ts';

/** What the canned KktService answers to GetMessage, to reach answers the simulator never gives. */
let canned: { status: number; body: string } = { status: 200, body: '' };

const client = () =>
  fnsOpenApiReceiptSource({
    baseUrl: `${origin()}/canned`,
    masterToken: 'canned-master-token',
    userId: 'remed-test',
    timeoutMs: 2_000,
    pollIntervalMs: 10,
    pollBudgetMs: 300,
  });

const origin = setUpLocalServer(async (app) => {
  await app.register(async (sub) => {
    sub.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    sub.post('/canned/open-api/AuthService/0.1', async (_req, reply) =>
      reply
        .type('text/xml')
        .send(
          authResponseXml({ token: 'canned', expireTime: new Date(Date.now() + 3_600_000).toISOString() }),
        ),
    );
    sub.post(`/canned${KKT_SERVICE_PATH}`, async (req, reply) => {
      if (String(req.headers.soapaction).includes('SendMessage')) {
        return reply.type('text/xml').send(sendMessageResponseXml('canned-message'));
      }
      return reply.code(canned.status).type('text/xml').send(canned.body);
    });
  });
});

describe('FNS Open API client on answers the simulator does not give', () => {
  const completed = (result: TicketResult) =>
    ({ status: 200, body: getMessageResponseXml({ status: 'COMPLETED', result }) }) as const;
  const fault = (message: string, detail?: SoapFaultDetail) => ({
    status: 500,
    body: soapFaultXml(message, detail),
  });

  it.each([
    [404, 'Чек не найден'],
    [406, 'Данные не прошли проверку'],
    [454, 'Фискальный признак чека не прошёл проверку'],
  ])('maps code %i to not_found', async (code, text) => {
    canned = completed({ code, message: 'подробности' });
    expect(await client().lookup(pyaterochkaQuery)).toEqual({
      kind: 'not_found',
      message: `${text} (код ФНС ${code}): подробности`,
    });
  });

  it('does not repeat the words of the FNS when they only say what the code means', async () => {
    canned = completed({ code: 404, message: 'Чек не найден' });
    expect(await client().lookup(pyaterochkaQuery)).toEqual({
      kind: 'not_found',
      message: 'Чек не найден (код ФНС 404)',
    });
  });

  it.each([
    [455, 'ещё не поступил'],
    [544, 'кассу'],
    [528, 'не может проверить'],
    [400, 'формат запроса'],
    [503, 'недоступен'],
    [999, 'не смогла проверить'],
  ])('maps code %i to retry_later', async (code, text) => {
    canned = completed({ code });
    const r = await client().lookup(pyaterochkaQuery);
    expect(r).toMatchObject({ kind: 'retry_later', message: expect.stringContaining(text) });
    expect(r.kind === 'retry_later' && r.message).toContain(`код ФНС ${code}`);
  });

  it.each([
    ['a KktTicketService fault', completed({ fault: 'Внутренняя ошибка' })],
    ['a code 200 without a ticket', completed({ code: 200 })],
    ['a ticket that is not JSON', completed({ code: 200, ticket: '<b>чек</b>' })],
    ['a ticket with no receipt in it', completed({ code: 200, ticket: '{"id":1,"content":{}}' })],
    [
      'an HTML page with status 200',
      { status: 200, body: '<html><body>Сервис на обслуживании</body></html>' },
    ],
    ['a SOAP body of another message', { status: 200, body: sendMessageResponseXml('x') }],
    [
      'an unknown processing status',
      {
        status: 200,
        body: getMessageResponseXml({ status: 'COMPLETED', result: { code: 200 } }).replace(
          'COMPLETED',
          'QUEUED',
        ),
      },
    ],
    [
      'a lost message',
      fault('По переданному MessageId: canned-message сообщение не найдено', 'MessageNotFoundFault'),
    ],
    ['a fault without detail', fault('Превышен общий дневной лимит запросов')],
    ['HTTP 502 from a proxy', { status: 502, body: 'Bad Gateway' }],
  ])('maps %s to retry_later', async (_what, answer) => {
    canned = answer;
    expect((await client().lookup(pyaterochkaQuery)).kind).toBe('retry_later');
  });

  it('takes a bare HTTP 401 as a refused token: re-authenticates once, then waits', async () => {
    canned = { status: 401, body: 'Unauthorized' };
    expect(await client().lookup(pyaterochkaQuery)).toMatchObject({
      kind: 'retry_later',
      message: expect.stringContaining('временный токен'),
    });
  });

  it('asks to wait a minute after a rate-limit fault', async () => {
    canned = fault('Превышено количество запросов метода GetMessage', 'RateLimitingFault');
    expect(await client().lookup(pyaterochkaQuery)).toMatchObject({
      kind: 'retry_later',
      afterSeconds: 60,
    });
  });

  it('refuses an answer that declares an external entity (XXE) and does not crash', async () => {
    const xxe = getMessageResponseXml({ status: 'COMPLETED', result: { code: 200, ticket: 'x' } })
      .replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE r [<!ENTITY t SYSTEM "file:///etc/passwd">]>',
      )
      .replace('>x<', '>&t;<');
    canned = { status: 200, body: xxe };
    expect(await client().lookup(pyaterochkaQuery)).toMatchObject({
      kind: 'retry_later',
      message: expect.stringContaining('непонятный'),
    });
  });

  it('stops reading an absurdly large answer', async () => {
    canned = { status: 200, body: `<a>${'x'.repeat(3_000_000)}</a>` };
    expect(await client().lookup(pyaterochkaQuery)).toMatchObject({
      kind: 'retry_later',
      message: expect.stringContaining('слишком большой'),
    });
  });

  it('does not accept another receipt than the one asked for', async () => {
    canned = completed({ code: 200, ticket: JSON.stringify({ id: 1, content: magnitReceipt }) });
    expect(await client().lookup(pyaterochkaQuery)).toMatchObject({
      kind: 'retry_later',
      message: expect.stringContaining('другой чек'),
    });
  });

  it('reads a ticket whose receipt is its content', async () => {
    canned = completed({
      code: 200,
      ticket: JSON.stringify({ id: 1, subtype: 'receipt', content: pyaterochkaReceipt }),
    });
    expect((await client().lookup(pyaterochkaQuery)).kind).toBe('found');
  });
});
