import type { FiscalReceipt } from '../receipts/fiscal-receipt.ts';
import type { GuaranteeLetter } from './letter.ts';
import type { ReasonCode } from './types.ts';

/**
 * The receipt-level checks of §5 that reject, in the table's order; the first failing one decides.
 * Returns null when the receipt may be looked at line by line.
 */
export function rejectingCheck(
  letter: GuaranteeLetter,
  receipt: FiscalReceipt,
  id: string,
  claimed: ReadonlySet<string>,
): ReasonCode | null {
  if (receipt.operationType !== 1) return 'NOT_A_SALE';
  if (claimed.has(id)) return 'DUPLICATE_RECEIPT';
  if (receipt.userInn.trim() !== letter.clinic.inn.trim()) return 'WRONG_CLINIC';
  // `dateTime` is the local time, the QR's wherever a QR was compared: a receipt at 00:30 in Moscow
  // belongs to that day even when a source reports it in UTC on the day before.
  const day = receipt.dateTime.slice(0, 10);
  if (day < letter.validFrom || day > letter.validUntil) return 'OUTSIDE_VALIDITY';
  return null;
}

/** The receipt-level checks that send a receipt to a person, in the table's order. */
export function reviewChecks(receipt: FiscalReceipt): ReasonCode[] {
  const reasons: ReasonCode[] = [];
  let itemsTotal = 0;
  for (const item of receipt.items) itemsTotal += item.sum;
  if (itemsTotal !== receipt.totalSum) reasons.push('SUM_MISMATCH');
  if (receipt.prepaidSum > 0) reasons.push('ADVANCE_OFFSET');
  // The QR's local date already decided validity; a clock off by minutes still needs a person's eye.
  if (receipt.timeConflict) reasons.push('TIME_MISMATCH');
  return reasons;
}
