/**
 * The compact form the corpus is written in (cases-*.ts); build-corpus.ts expands it into corpus/*.json.
 * Every receipt item carries the human label of what it is against the letter:
 *   a line number (the item is that service), 'x' (a service or good the letter does not cover),
 *   'near' (same service family, different variant), 'amb' (fits several lines, price does not settle it),
 *   'unid' (names no identifiable service).
 */

export type CaseClass = 'clean' | 'variant' | 'generic' | 'other-service' | 'receipt-level';
export type Label = number | 'x' | 'near' | 'amb' | 'unid';
export type ClinicKey = 'alt' | 'alturo' | 'altc' | 'rk' | 'medk' | 'endo21' | 'endo17' | 'kz';

/** [till name, price in rubles, label, quantity = 1, sum in rubles = price × quantity] */
export type ItemSpec = [name: string, priceRub: number, label: Label, quantity?: number, sumRub?: number];

export interface ReceiptSpec {
  items: ItemSpec[];
  note: string;
  cls?: CaseClass;
  /** operationType other than 1 (2 = возврат прихода, 3 = расход). */
  op?: 2 | 3;
  /** The same fiscal identity (fn + i + fp) as the previous receipt of the case. */
  dup?: boolean;
  /** Seller ИНН of another clinic. */
  inn?: string;
  dateTime?: string;
  /** totalSum differs from Σ item sums by this many rubles. */
  sumDeltaRub?: number;
  prepaidRub?: number;
  /** Amounts computed by hand (kopecks): [reimbursement, cashback]; the build checks them against the rules. */
  want?: [number, number];
}

export interface CaseSpec {
  id: string;
  cls: CaseClass;
  clinic: ClinicKey;
  /** names.json ids; [id, quantity] for a quantity other than 1. */
  lines: (string | [string, number])[];
  franchisePercent?: number;
  cashbackPercent?: number;
  /** Rubles; null = no limit. Default 50 000. */
  limitRub?: number | null;
  receipts: ReceiptSpec[];
}

/** A case of one receipt. */
export function one(
  id: string,
  cls: CaseClass,
  clinic: ClinicKey,
  lines: CaseSpec['lines'],
  items: ItemSpec[],
  note: string,
  extra: Partial<Omit<CaseSpec, 'id' | 'cls' | 'clinic' | 'lines' | 'receipts'>> & Partial<ReceiptSpec> = {},
): CaseSpec {
  const { franchisePercent, cashbackPercent, limitRub, ...receipt } = extra;
  return {
    id,
    cls,
    clinic,
    lines,
    ...(franchisePercent === undefined ? {} : { franchisePercent }),
    ...(cashbackPercent === undefined ? {} : { cashbackPercent }),
    ...(limitRub === undefined ? {} : { limitRub }),
    receipts: [{ ...receipt, items, note }],
  };
}

/** The first `width` characters, as a till with a fixed line width prints a long name. */
export const cut = (name: string, width: number): string => name.slice(0, width);
