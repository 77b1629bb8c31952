import type { FiscalReceipt } from '@remed/core';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { claims } from '../../db/schema/index.ts';
import { setUpClaimsWorld, therapistVisit, world } from './claims.fixtures.ts';

setUpClaimsWorld();
afterEach(() => {
  world.sourceClock.shiftMinutes = 0;
});

async function submitAt(dateTime: string, sourceShiftMinutes: number) {
  const { client, letterId } = await world.withLetter();
  const qr = world.tillReceipt(therapistVisit, { dateTime });
  world.sourceClock.shiftMinutes = sourceShiftMinutes;
  const res = await client.post('/api/me/claims', { letterId, qr, source: 'camera' });
  expect(res.statusCode).toBe(201);
  const view = res.json();
  const [row] = await world.ctx.deps.database.db.select().from(claims).where(eq(claims.id, view.id));
  return { view, stored: row!.receipt as FiscalReceipt };
}

describe('the receipt time a source reports, against the person’s QR', () => {
  it('takes the QR’s local time from a source in UTC: 00:30 in Moscow is the letter’s first day', async () => {
    // The letter is valid from 2026-11-20; in UTC this receipt is at 21:30 the day before.
    const { view, stored } = await submitAt('2026-11-20T00:30:00', -180);
    expect(view).toMatchObject({ reasons: [], reimbursement: 250_000, cashback: 12_500 });
    expect(view.status).not.toBe('rejected');
    expect(stored).toMatchObject({ dateTime: '2026-11-20T00:30:00', receiptDateTime: '2026-11-19T21:30:00' });
    expect(stored.timeConflict).toBeUndefined();
  });

  it('sends a receipt 17 minutes off its QR to a person, paying nothing yet', async () => {
    const { view, stored } = await submitAt('2026-11-20T14:30:00', -17);
    expect(view).toMatchObject({
      status: 'manual_review',
      reasons: ['TIME_MISMATCH'],
      reimbursement: 0,
      cashback: 0,
    });
    expect(view.summary).toContain('не совпадает со временем в QR-коде');
    expect(stored).toMatchObject({
      dateTime: '2026-11-20T14:30:00',
      receiptDateTime: '2026-11-20T14:13:00',
      timeConflict: true,
    });
  });
});
