import type { Kopecks } from '../money.ts';
import { openEnvelope } from './envelopes.ts';
import { ReceiptFieldError, readReceipt } from './read-receipt.ts';

export { sameMomentAsQr, withQrTime, ZONE_SHIFT_HOURS } from './receipt-time.ts';

export type OperationType = 1 | 2 | 3 | 4;

export interface FiscalReceiptItem {
  name: string;
  price: Kopecks;
  /** As the FNS sends it (may be fractional, at most 6 decimals). */
  quantity: number;
  sum: Kopecks;
  /** VAT rate code (1 = 20 %, 2 = 10 %, 3 = 20/120, 4 = 10/110, 5 = 0 %, 6 = без НДС). */
  nds?: number;
  /** 1–3 prepayment/advance, 4 full payment, 5–7 credit. */
  paymentType?: number;
  /** 4 = service. */
  productType?: number;
}

export interface FiscalReceipt {
  fn: string;
  /** fiscalDocumentNumber (ФД). */
  i: number;
  /** fiscalSign (ФП). */
  fp: number;
  operationType: OperationType;
  /**
   * Local wall-clock time, `YYYY-MM-DDTHH:MM:SS`: the QR's whenever a QR was compared with the receipt
   * (the QR `t` is the authority), otherwise the receipt's own reading.
   */
  dateTime: string;
  /**
   * The receipt's own time as its JSON gave it, when that is not `dateTime`: another clock (UTC), a time
   * that disagrees with the QR, or a date alone (`YYYY-MM-DD`).
   */
  receiptDateTime?: string;
  /** The receipt's own time and the QR's differ by more than a time zone: a person decides (TIME_MISMATCH). */
  timeConflict?: true;
  userInn: string;
  /** Seller name. */
  user: string;
  kktRegId?: string;
  /** ФПС (64 bits), kept as text and only when it arrived exactly. */
  messageFiscalSign?: string;
  totalSum: Kopecks;
  cashTotalSum: Kopecks;
  ecashTotalSum: Kopecks;
  prepaidSum: Kopecks;
  creditSum: Kopecks;
  provisionSum: Kopecks;
  items: FiscalReceiptItem[];
}

export type ReceiptErrorCode =
  | 'NOT_A_RECEIPT'
  /** A file of several receipts (the FNS app exports a whole list): one receipt per claim. */
  | 'SEVERAL_RECEIPTS'
  /** An FNS ticket envelope whose receipt the FNS has not delivered yet. */
  | 'RECEIPT_NOT_LOADED'
  | 'RECEIPT_FIELD_MISSING'
  | 'RECEIPT_FIELD_INVALID';

export interface ReceiptError {
  code: ReceiptErrorCode;
  field: string | null;
  message: string;
}

export type ReceiptResult =
  | { ok: true; value: FiscalReceipt; warnings: string[] }
  | { ok: false; error: ReceiptError };

/**
 * Normalises any known shape of a fetched fiscal receipt (see `openEnvelope` for the carriers, and
 * `reference/receipts` for a real sample of each). When the carrier keeps the receipt's QR, the QR's local
 * time is applied (`withQrTime`).
 */
export function normaliseFiscalReceipt(input: unknown): ReceiptResult {
  const opened = openEnvelope(input);
  if (!opened.ok) return opened;
  const warnings: string[] = [];
  try {
    return { ok: true, value: readReceipt(opened.receipt, opened.qr, warnings), warnings };
  } catch (e) {
    if (e instanceof ReceiptFieldError) {
      return { ok: false, error: { code: e.code, field: e.field, message: e.message } };
    }
    throw e;
  }
}

/** Receipt identity for duplicates: fiscal drive plus document number. */
export function receiptId(r: { fn: string; i: number }): string {
  return `${r.fn}:${r.i}`;
}
