import { describe, expect, it } from 'vitest';
import { withQrTime } from '../receipts/fiscal-receipt.ts';
import { reviewChecks } from './checks.ts';
import { CONSULT, item, letter, receipt, run } from './test-factories.ts';

describe('the receipt time against the QR', () => {
  const l = letter({ validFrom: '2026-11-20', validUntil: '2026-12-20' });

  it('accepts a receipt at 00:30 Moscow time on the letter’s first day, though UTC says the day before', () => {
    const utc = receipt([item(CONSULT, 250000)], { dateTime: '2026-11-19T21:30:00' });
    expect(run(utc, l).decision.reasons).toEqual(['OUTSIDE_VALIDITY']);
    const { decision } = run(withQrTime(utc, '2026-11-20T00:30:00'), l);
    expect(decision).toMatchObject({ status: 'approved', reasons: [] });
  });

  it('sends a receipt whose time is 17 minutes off its QR to a person (TIME_MISMATCH)', () => {
    const off = withQrTime(
      receipt([item(CONSULT, 250000)], { dateTime: '2026-11-25T10:13:00' }),
      '2026-11-25T10:30:00',
    );
    expect(reviewChecks(off)).toEqual(['TIME_MISMATCH']);
    const { decision, explanation } = run(off, l);
    expect(decision).toMatchObject({ status: 'manual_review', reasons: ['TIME_MISMATCH'], reimbursement: 0 });
    expect(explanation.summary).toContain('не совпадает со временем в QR-коде');
  });

  it('lists TIME_MISMATCH after ADVANCE_OFFSET', () => {
    const both = withQrTime(
      receipt([item(CONSULT, 250000)], {
        dateTime: '2026-11-25T10:13:00',
        prepaidSum: 1000,
        ecashTotalSum: 249000,
      }),
      '2026-11-25T10:30:00',
    );
    expect(reviewChecks(both)).toEqual(['ADVANCE_OFFSET', 'TIME_MISMATCH']);
    expect(run(both, l).decision.reasons).toEqual(['ADVANCE_OFFSET', 'TIME_MISMATCH']);
  });
});
