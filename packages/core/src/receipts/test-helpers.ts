import { type FiscalReceipt, normaliseFiscalReceipt } from './fiscal-receipt.ts';

/** The normalised receipt, or a thrown error naming the refusal: for tests that expect acceptance. */
export function ok(input: unknown): FiscalReceipt {
  const r = normaliseFiscalReceipt(input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
