import { describe, expect, it } from 'vitest';
import ipUsn from '../../../../reference/receipts/02_irkkt_ticket_ip_usn_ffd105_2022.json' with {
  type: 'json',
};
import ozon from '../../../../reference/receipts/10_fns_mobile_ticket_full_envelope_ozon_2023.json' with {
  type: 'json',
};
import ofdRuIp from '../../../../reference/receipts/11_ofdru_api_document_ip_2025_nulls.json' with {
  type: 'json',
};
import ofdRuLenta from '../../../../reference/receipts/12_ofdru_api_document_lenta_2025_nulls.json' with {
  type: 'json',
};
import { normaliseFiscalReceipt } from './fiscal-receipt.ts';
import { ok } from './test-helpers.ts';

const warningsOf = (input: unknown) => {
  const r = normaliseFiscalReceipt(input);
  return r.ok ? r.warnings : [r.error.message];
};
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));
const bare = ipUsn.ticket.document.receipt;

describe('the FNS app «поделиться» export, a top-level array', () => {
  it('reads an array of one envelope as the envelope', () => {
    expect(ok([ipUsn])).toEqual(ok(ipUsn));
  });

  it.each([
    [2, 'В файле 2 чека: загрузите по одному'],
    [5, 'В файле 5 чеков: загрузите по одному'],
    [11, 'В файле 11 чеков: загрузите по одному'],
    [21, 'В файле 21 чек: загрузите по одному'],
  ])('refuses %i receipts, naming the count', (n, message) => {
    expect(normaliseFiscalReceipt(Array.from({ length: n }, () => ipUsn))).toEqual({
      ok: false,
      error: { code: 'SEVERAL_RECEIPTS', field: null, message },
    });
  });

  it('takes the one receipt among other rows, and names the error of a lone bad one', () => {
    expect(ok([{ note: 'не чек' }, ipUsn, null]).i).toBe(11352);
    expect(normaliseFiscalReceipt([{ ...bare, totalSum: -1 }])).toMatchObject({
      ok: false,
      error: { code: 'RECEIPT_FIELD_INVALID', field: 'totalSum' },
    });
    expect(normaliseFiscalReceipt([{}, {}])).toMatchObject({ ok: false, error: { code: 'NOT_A_RECEIPT' } });
  });
});

describe('the FNS mobile ticket envelope', () => {
  it('uses the `query` when the envelope lost its `qr` string', () => {
    const { qr: _, ...noQr } = ozon;
    expect(ok(noQr)).toEqual(ok(ozon));
    expect(ok(noQr)).toMatchObject({
      dateTime: '2023-10-16T13:13:00',
      receiptDateTime: '2023-10-16T10:13:00',
    });
  });

  it('refuses an envelope the FNS has not filled yet, saying so', () => {
    const { ticket: _, organization: __, seller: ___, ...pending } = { ...ozon, status: 3 };
    expect(normaliseFiscalReceipt(pending)).toEqual({
      ok: false,
      error: {
        code: 'RECEIPT_NOT_LOADED',
        field: null,
        message: 'ФНС ещё не прислала содержимое этого чека (статус 3): повторите загрузку позже',
      },
    });
  });

  it('keeps the receipt’s own time when the envelope’s QR names another receipt', () => {
    const other = { ...ozon, qr: ozon.qr.replace('i=115621', 'i=115622') };
    expect(ok(other).dateTime).toBe('2023-10-16T10:13:00');
    expect(warningsOf(other)).toEqual(['Реквизиты QR-кода в ответе не совпадают с реквизитами чека']);
  });
});

describe('ofd.ru documents', () => {
  const doc = ofdRuIp.Data.Document;

  it('reads the same document under Document, Data and Data.Document', () => {
    const expected = ok(ofdRuIp);
    expect(ok({ Document: doc })).toEqual(expected);
    expect(ok({ Status: 'Success', Data: doc })).toEqual(expected);
    expect(expected).toMatchObject({ fp: 4019598261, kktRegId: '0005492800009326', prepaidSum: 0 });
    expect(expected.items[2]).toEqual({
      name: 'Валик "Велюр" Matrix сменный 100мм.D-16мм, руч.-6мм 80616',
      price: 8000,
      quantity: 4,
      sum: 32000,
      nds: 6,
      paymentType: 4,
    });
  });

  it('reads amounts with kopecks after a point as rubles, exactly', () => {
    const rubles = clone(ofdRuLenta.Data.Document) as Record<string, unknown>;
    const toRub = (k: unknown) => Number(((k as number) / 100).toFixed(2));
    for (const key of ['Amount_Total', 'Amount_ECash']) rubles[key] = toRub(rubles[key]);
    rubles.Items = (rubles.Items as Record<string, unknown>[]).map((i) => ({
      ...i,
      Price: toRub(i.Price),
      Total: String(toRub(i.Total)).replace('.', ','),
    }));
    expect(ok({ Document: rubles })).toEqual(ok(ofdRuLenta));
  });

  it('reads the operation types the list API spells out', () => {
    expect(ok({ Document: { ...doc, OperationType: 'Refund income' } }).operationType).toBe(2);
    expect(normaliseFiscalReceipt({ Document: { ...doc, OperationType: 'Gift' } })).toMatchObject({
      ok: false,
      error: { code: 'RECEIPT_FIELD_INVALID', field: 'operationType' },
    });
  });
});

describe('explicit nulls', () => {
  it('are absent values: zero payments, no VAT, no register, the QR’s time', () => {
    const r = ok({
      ...bare,
      prepaidSum: null,
      creditSum: null,
      kktRegId: null,
      user: null,
      localDateTime: null,
      messageFiscalSign: null,
      dateTime: null,
      items: bare.items.map((i) => ({ ...i, nds: null, ndsRate: null, paymentType: null })),
      qr: null,
      query_string: `t=20221112T1623&s=235.00&fn=${bare.fiscalDriveNumber}&i=${bare.fiscalDocumentNumber}&fp=${bare.fiscalSign}&n=1`,
    });
    expect(r).toMatchObject({ prepaidSum: 0, creditSum: 0, user: '', dateTime: '2022-11-12T16:23:00' });
    expect(r.items[0]).toEqual({ name: 'Циннамон', price: 6500, quantity: 1, sum: 6500, productType: 1 });
    expect(r.kktRegId).toBeUndefined();
  });

  it('in envelopes are no envelope', () => {
    expect(ok({ ticket: null, document: null, data: null, receipt: bare })).toEqual(ok(bare));
  });

  it('name the field when a required value is null', () => {
    expect(normaliseFiscalReceipt({ ...bare, totalSum: null })).toMatchObject({
      ok: false,
      error: { code: 'RECEIPT_FIELD_MISSING', field: 'totalSum' },
    });
    expect(normaliseFiscalReceipt({ ...bare, items: [null] })).toMatchObject({
      ok: false,
      error: { code: 'RECEIPT_FIELD_INVALID', field: 'items[0]' },
    });
    expect(normaliseFiscalReceipt({ ...bare, dateTime: null })).toMatchObject({
      ok: false,
      error: { code: 'RECEIPT_FIELD_MISSING', field: 'dateTime' },
    });
  });
});

describe('other fields in the wild', () => {
  it('maps legacy ФФД 1.0 item VAT amounts, skipping nulls', () => {
    const items = [
      { name: 'A', price: 100, quantity: 1, sum: 100, nds18: null, nds10: 9 },
      { name: 'B', price: 100, quantity: 1, sum: 100, ndsNo: 100 },
      { name: 'C', price: 100, quantity: 1, sum: 100, nds18: 15 },
    ];
    const r = ok({ ...bare, items, totalSum: 300 });
    expect(r.items.map((i) => i.nds)).toEqual([2, 6, 1]);
  });

  it('keeps messageFiscalSign only when it is exact', () => {
    expect(ok({ ...bare, messageFiscalSign: '9297260049989052021' }).messageFiscalSign).toBe(
      '9297260049989052021',
    );
    expect(ok({ ...bare, messageFiscalSign: 4503599627370497 }).messageFiscalSign).toBe('4503599627370497');
    // JSON.parse has already turned …021 into …000; the parser never stores a value the receipt did not have.
    const parsed = JSON.parse('{"messageFiscalSign": 9297260049989052021}').messageFiscalSign;
    expect(ok({ ...bare, messageFiscalSign: parsed }).messageFiscalSign).toBeUndefined();
    expect(warningsOf({ ...bare, messageFiscalSign: parsed })).toEqual([
      'Фискальный признак сообщения (messageFiscalSign) не сохранён: число больше 2^53 пришло округлённым',
    ]);
    expect(warningsOf({ ...bare, messageFiscalSign: 'AAAf0MoB' })).toEqual([
      'Фискальный признак сообщения (messageFiscalSign) не сохранён: это не число',
    ]);
  });

  it('reads MongoDB $date wrappers and the older OFD names of tags 1215–1217', () => {
    const ms = Date.UTC(2022, 10, 12, 16, 23);
    expect(ok({ ...bare, dateTime: { $date: ms } }).dateTime).toBe('2022-11-12T16:23:00');
    expect(ok({ ...bare, dateTime: { $date: { $numberLong: String(ms) } } }).dateTime).toBe(
      '2022-11-12T16:23:00',
    );
    const { prepaidSum: _, ...noFfd105 } = bare;
    expect(ok({ ...noFfd105, prepaymentSum: 500, postpaymentSum: 0 }).prepaidSum).toBe(500);
  });

  it('reads a receipt kept as JSON text in an export row’s `payload`', () => {
    expect(ok({ id: 1, payload: JSON.stringify(bare) })).toEqual(ok(bare));
  });

  it('keeps a date alone as the receipt’s own time, at midnight until a QR says when', () => {
    expect(ok({ ...bare, dateTime: '2022-11-12' })).toMatchObject({
      dateTime: '2022-11-12T00:00:00',
      receiptDateTime: '2022-11-12',
    });
  });
});
