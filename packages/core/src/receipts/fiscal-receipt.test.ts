import { describe, expect, it } from 'vitest';
import magnit from '../../../../reference/receipts/01_irkkt_ticket_magnit_ffd12_2022.json' with {
  type: 'json',
};
import ipUsn from '../../../../reference/receipts/02_irkkt_ticket_ip_usn_ffd105_2022.json' with {
  type: 'json',
};
import proverkacheka from '../../../../reference/receipts/03_proverkacheka_com_response_ffd12_2024.json' with {
  type: 'json',
};
import lenta from '../../../../reference/receipts/04_lenta_ffd105_2020_with_rawData.json' with {
  type: 'json',
};
import dixi from '../../../../reference/receipts/05_dixi_ffd10_2020_legacy_item_nds.json' with {
  type: 'json',
};
import vending from '../../../../reference/receipts/06_vending_ofd_style_unix_datetime_2023.json' with {
  type: 'json',
};
import collector from '../../../../reference/receipts/07_receiptcollector_2019_ffd105.json' with {
  type: 'json',
};
import { normaliseFiscalReceipt, receiptId } from './fiscal-receipt.ts';
import { parseQr } from './qr.ts';
import { ok } from './test-helpers.ts';

describe('normaliseFiscalReceipt on reference receipts, field by field', () => {
  it('keeps fractional quantities and item fields (01)', () => {
    expect(ok(magnit).items[0]).toEqual({
      name: 'ОГУРЦЫ гладкие 1кг',
      price: 7999,
      quantity: 0.308,
      sum: 2464,
      nds: 2,
      paymentType: 4,
      productType: 1,
    });
    expect(ok(magnit).kktRegId).toBe('0001473719030755');
  });

  it('maps legacy per-item VAT amounts to rate codes (05)', () => {
    const items = ok(dixi).items;
    expect(items[0]!.nds).toBe(2);
    expect(items[2]!.nds).toBe(1);
  });

  it('reads 6 = без НДС (02) and leaves nds out where the receipt has none (04)', () => {
    expect(ok(ipUsn).items.every((i) => i.nds === 6)).toBe(true);
    expect(ok(lenta).items[0]).toEqual({
      name: 'Пакет ЛЕНТА средний майка 12кг',
      price: 699,
      quantity: 2,
      sum: 1398,
    });
  });

  it('agrees with the QR strings kept beside the receipt (03, 07)', () => {
    for (const [input, qr] of [
      [proverkacheka, proverkacheka.request.qrraw],
      [collector, collector.query_string],
    ] as const) {
      const r = ok(input);
      const q = parseQr(qr);
      expect(q.ok && { fn: q.value.fn, i: q.value.i, fp: q.value.fp, sum: q.value.sum }).toEqual({
        fn: r.fn,
        i: r.i,
        fp: r.fp,
        sum: r.totalSum,
      });
    }
    expect(receiptId(ok(collector))).toBe('9282000100254567:11401');
  });
});

describe('normaliseFiscalReceipt on other shapes', () => {
  const bare = ok(ipUsn.ticket.document.receipt);

  it('reads a bare receipt the same as its envelope', () => {
    expect(bare).toEqual(ok(ipUsn));
  });

  it('reads unix seconds as local wall-clock time when no localDateTime is given', () => {
    const { localDateTime: _, ...rest } = vending;
    expect(ok(rest).dateTime).toBe('2023-02-04T18:27:00');
  });

  it('drops a zone suffix and accepts a date alone', () => {
    const base = ipUsn.ticket.document.receipt;
    expect(ok({ ...base, dateTime: '2022-11-12T16:23:00+03:00' }).dateTime).toBe('2022-11-12T16:23:00');
    expect(ok({ ...base, dateTime: '2022-11-12' }).dateTime).toBe('2022-11-12T00:00:00');
  });

  it('reads the content of an FNS Open API ticket, with the date as unix seconds of the local time', () => {
    const { dateTime: _, ...receipt } = ipUsn.ticket.document.receipt;
    const ticket = {
      id: 347443310567,
      ofdId: 'ofd9',
      receiveDate: '2022-11-12T13:24:10Z',
      subtype: 'receipt',
      address: 'ул Спортивная, д 120',
      content: { ...receipt, dateTime: Date.UTC(2022, 10, 12, 16, 23) / 1000, rawData: 'AwC8AREE' },
    };
    expect(ok(ticket)).toEqual(bare);
  });

  it('accepts the data.json of an aggregator as a JSON string', () => {
    expect(ok({ code: 1, data: { json: JSON.stringify(proverkacheka.data.json) } }).i).toBe(30526);
  });

  it('accepts zero-padded fiscal signs and non-FNS item names', () => {
    const base = ipUsn.ticket.document.receipt;
    const r = ok({
      ...base,
      fiscalSign: '0002327608479',
      items: [
        {
          name: 'Прием',
          price: 23500,
          quantity: '1',
          sum: 23500,
          ndsRate: 6,
          calculationTypeSign: 4,
          calculationSubjectSign: 4,
        },
      ],
    });
    expect(r.fp).toBe(2327608479);
    expect(r.items[0]).toMatchObject({ nds: 6, paymentType: 4, productType: 4, quantity: 1 });
  });
});

describe('normaliseFiscalReceipt errors', () => {
  const base = ipUsn.ticket.document.receipt;

  it.each([
    null,
    'text',
    [],
    {},
    { ticket: { document: {} } },
    { code: 0, data: { json: 'oops' } },
    { format: 'remed.guarantee-letter/v1', items: [{ line: 1, name: 'Прием', price: 1, quantity: 1 }] },
  ])('rejects %j as not a receipt', (input) => {
    const r = normaliseFiscalReceipt(input);
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_A_RECEIPT' } });
    expect(r.ok ? '' : r.error.message).toMatch(/не кассовый чек/);
  });

  it.each([
    ['fiscalDriveNumber', 'RECEIPT_FIELD_MISSING'],
    ['fiscalDocumentNumber', 'RECEIPT_FIELD_MISSING'],
    ['fiscalSign', 'RECEIPT_FIELD_MISSING'],
    ['operationType', 'RECEIPT_FIELD_MISSING'],
    ['dateTime', 'RECEIPT_FIELD_MISSING'],
    ['userInn', 'RECEIPT_FIELD_MISSING'],
    ['totalSum', 'RECEIPT_FIELD_MISSING'],
  ])('names a missing %s', (field, code) => {
    const { [field as keyof typeof base]: _, ...rest } = base;
    expect(normaliseFiscalReceipt(rest)).toMatchObject({ ok: false, error: { code, field } });
  });

  it.each([
    // As a JSON number a 16-digit ФН has already lost its last digit.
    ['fiscalDriveNumber', Number('9961440301040829')],
    ['fiscalDriveNumber', '12345'],
    ['operationType', 7],
    ['dateTime', '2022-13-12T16:23:00'],
    ['userInn', '12345'],
    ['totalSum', 235.5],
    ['cashTotalSum', -1],
  ])('names a malformed %s = %j', (field, value) => {
    expect(normaliseFiscalReceipt({ ...base, [field]: value })).toMatchObject({
      ok: false,
      error: { code: 'RECEIPT_FIELD_INVALID', field },
    });
  });

  it('names a malformed item field', () => {
    const items = [{ name: 'Прием', price: 100, quantity: 0.0000001, sum: 100 }];
    expect(normaliseFiscalReceipt({ ...base, items })).toMatchObject({
      ok: false,
      error: { code: 'RECEIPT_FIELD_INVALID', field: 'items[0].quantity' },
    });
    expect(normaliseFiscalReceipt({ ...base, items: [{ price: 1, quantity: 1, sum: 1 }] })).toMatchObject({
      ok: false,
      error: { code: 'RECEIPT_FIELD_MISSING', field: 'items[0].name' },
    });
  });
});
