import type { FiscalReceipt } from './fiscal-receipt.ts';
import { isDateOnly } from './receipt-datetime.ts';

/**
 * How far a source's clock may sit from the till's local clock (the QR `t`) and still be the same moment:
 * local − source, in whole hours. A source reports either the local clock (0), UTC (Russia runs from
 * UTC+2 in Kaliningrad to UTC+12 in Kamchatka) or Moscow time (local − MSK from −1 to +9). A source ahead of
 * the till by more than an hour has no time-zone explanation, and neither has any difference in minutes.
 */
export const ZONE_SHIFT_HOURS = { min: -1, max: 12 } as const;

const MINUTE_MS = 60_000;
const HOUR_MINUTES = 60;

const minuteOf = (localDateTime: string) => Math.floor(Date.parse(`${localDateTime}Z`) / MINUTE_MS);
const dayOf = (minute: number) => new Date(minute * MINUTE_MS).toISOString().slice(0, 10);

/**
 * Whether the receipt's own time (`YYYY-MM-DDTHH:MM[:SS]`, or a date alone) and the QR's local time are one
 * moment seen through a time zone. Seconds are ignored: a QR `t` may carry none.
 */
export function sameMomentAsQr(own: string, qrDateTime: string): boolean {
  const qr = minuteOf(qrDateTime);
  if (isDateOnly(own)) {
    const earliest = dayOf(qr - ZONE_SHIFT_HOURS.max * HOUR_MINUTES);
    const latest = dayOf(qr - ZONE_SHIFT_HOURS.min * HOUR_MINUTES);
    return own >= earliest && own <= latest;
  }
  const diff = qr - minuteOf(own);
  if (!Number.isFinite(diff) || diff % HOUR_MINUTES !== 0) return false;
  const hours = diff / HOUR_MINUTES;
  return hours >= ZONE_SHIFT_HOURS.min && hours <= ZONE_SHIFT_HOURS.max;
}

/**
 * The QR `t` is the authority for a receipt's local date and time (DOMAIN §4): `dateTime` becomes the QR's
 * local time, the receipt's own reading is kept in `receiptDateTime` when it differs, and a difference no
 * time zone explains marks `timeConflict` for a person to look at (TIME_MISMATCH). Applying it again with
 * the same QR, or with the claim's QR after the receipt's own, compares with the receipt's own time again.
 */
export function withQrTime(receipt: FiscalReceipt, qrDateTime: string): FiscalReceipt {
  const { receiptDateTime, timeConflict: _, ...rest } = receipt;
  const own = receiptDateTime ?? receipt.dateTime;
  // A stored or typed QR time may come without seconds; receipt times always carry them.
  const qr = qrDateTime.length === 16 ? `${qrDateTime}:00` : qrDateTime;
  const next: FiscalReceipt = { ...rest, dateTime: qr };
  if (own !== qr) next.receiptDateTime = own;
  if (!sameMomentAsQr(own, qr)) next.timeConflict = true;
  return next;
}
