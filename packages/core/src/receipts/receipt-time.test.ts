import { describe, expect, it } from 'vitest';
import ozon from '../../../../reference/receipts/10_fns_mobile_ticket_full_envelope_ozon_2023.json' with {
  type: 'json',
};
import { type FiscalReceipt, normaliseFiscalReceipt, sameMomentAsQr, withQrTime } from './fiscal-receipt.ts';

const QR = '2026-11-20T00:30:00';

describe('sameMomentAsQr: the receipt’s own time against the QR’s local time', () => {
  it.each([
    ['the same minute, seconds aside', '2026-11-20T00:30:41', true],
    ['UTC for a Moscow till', '2026-11-19T21:30:00', true],
    ['UTC for Kamchatka (UTC+12)', '2026-11-19T12:30:00', true],
    ['Moscow time for a Kaliningrad till', '2026-11-20T01:30:00', true],
    ['13 hours behind: no Russian zone', '2026-11-19T11:30:00', false],
    ['2 hours ahead: no Russian zone', '2026-11-20T02:30:00', false],
    ['17 minutes off', '2026-11-20T00:13:00', false],
    ['3 hours 17 minutes off', '2026-11-19T21:13:00', false],
    ['a date alone, the same day', '2026-11-20', true],
    ['a date alone, the UTC day before', '2026-11-19', true],
    ['a date alone, two days before', '2026-11-18', false],
    ['a date alone, the day after', '2026-11-21', false],
  ])('%s', (_, own, same) => {
    expect(sameMomentAsQr(own, QR)).toBe(same);
  });
});

const receipt = (dateTime: string, over: Partial<FiscalReceipt> = {}): FiscalReceipt => ({
  fn: '9282000100254567',
  i: 11401,
  fp: 371532793,
  operationType: 1,
  dateTime,
  userInn: '7701234560',
  user: 'ООО «Клиника Здоровье»',
  totalSum: 250000,
  cashTotalSum: 0,
  ecashTotalSum: 250000,
  prepaidSum: 0,
  creditSum: 0,
  provisionSum: 0,
  items: [{ name: 'Прием', price: 250000, quantity: 1, sum: 250000 }],
  ...over,
});

describe('withQrTime: the QR is the authority for the local date and time', () => {
  it('accepts a whole-hour shift and takes the QR’s local time, keeping the receipt’s own', () => {
    expect(withQrTime(receipt('2026-11-19T21:30:00'), QR)).toEqual(
      receipt(QR, { receiptDateTime: '2026-11-19T21:30:00' }),
    );
  });

  it('puts a receipt at 00:30 Moscow time on that day, whatever day UTC says', () => {
    expect(withQrTime(receipt('2026-11-19T21:30:00'), QR).dateTime.slice(0, 10)).toBe('2026-11-20');
  });

  it('marks a 17-minute difference for a person, still dated by the QR', () => {
    expect(withQrTime(receipt('2026-11-20T00:13:00'), QR)).toEqual(
      receipt(QR, { receiptDateTime: '2026-11-20T00:13:00', timeConflict: true }),
    );
  });

  it('changes nothing when the clocks agree, and accepts a QR time without seconds', () => {
    expect(withQrTime(receipt(QR), QR)).toEqual(receipt(QR));
    expect(withQrTime(receipt(QR), '2026-11-20T00:30')).toEqual(receipt(QR));
  });

  it('compares with the receipt’s own time again when applied twice or with another QR', () => {
    const once = withQrTime(receipt('2026-11-19T21:30:00'), QR);
    expect(withQrTime(once, QR)).toEqual(once);
    expect(withQrTime(once, '2026-11-20T00:47:00')).toEqual(
      receipt('2026-11-20T00:47:00', { receiptDateTime: '2026-11-19T21:30:00', timeConflict: true }),
    );
    const conflicted = withQrTime(receipt('2026-11-20T00:13:00'), QR);
    expect(withQrTime(conflicted, '2026-11-20T03:13:00')).toEqual(
      receipt('2026-11-20T03:13:00', { receiptDateTime: '2026-11-20T00:13:00' }),
    );
  });
});

describe('the normaliser applies the rule with the QR an envelope keeps', () => {
  // The FNS mobile ticket sends true UTC: 1697451180 is 10:13 UTC, the QR says 13:13 in Moscow.
  it('reads the mobile ticket’s unix seconds through its QR (reference 10)', () => {
    const r = normaliseFiscalReceipt(ozon);
    expect(r.ok && [r.value.dateTime, r.value.receiptDateTime, r.value.timeConflict]).toEqual([
      '2023-10-16T13:13:00',
      '2023-10-16T10:13:00',
      undefined,
    ]);
  });

  const atHalfPastMidnight = (unix: number) => {
    const envelope: typeof ozon = JSON.parse(JSON.stringify(ozon));
    envelope.qr = envelope.qr.replace('t=20231016T1313', 't=20231017T0030');
    envelope.ticket.document.receipt.dateTime = unix;
    return normaliseFiscalReceipt(envelope);
  };

  it('dates a 00:30 Moscow receipt by the QR when UTC says the day before', () => {
    const r = atHalfPastMidnight(Date.UTC(2023, 9, 16, 21, 30) / 1000);
    expect(r.ok && [r.value.dateTime, r.value.timeConflict]).toEqual(['2023-10-17T00:30:00', undefined]);
  });

  it('marks a receipt 17 minutes off its QR', () => {
    const r = atHalfPastMidnight(Date.UTC(2023, 9, 16, 21, 13) / 1000);
    expect(r.ok && [r.value.dateTime, r.value.receiptDateTime, r.value.timeConflict]).toEqual([
      '2023-10-17T00:30:00',
      '2023-10-16T21:13:00',
      true,
    ]);
  });
});
