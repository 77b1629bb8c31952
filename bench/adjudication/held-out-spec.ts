/**
 * The form the held-out corpora are written in (holdout/cases-holdout.ts, holdout2/cases-holdout2.ts):
 * the cases of spec.ts against a corpus's own clinics, and the numbers that keep its letters and receipts
 * apart from the other corpora's. held-out-builder.ts expands it into corpus JSON. Only the types of spec.ts
 * are shared with the main corpus, so that a hand-written case means the same in every corpus.
 */
import type { CaseSpec, ItemSpec, ReceiptSpec } from './spec.ts';

export { cut } from './spec.ts';
export type { ItemSpec };

/**
 * A hand-written case against one of the folder's clinics. `priceRub` and `limitRub` are in the unit the
 * price list prints (rubles for most lists; a list in another currency is used unchanged).
 */
export interface HeldOutCase<K extends string> extends Omit<CaseSpec, 'clinic'> {
  clinic: K;
}

/** A fictional legal entity that sells under a real price list. */
export interface Clinic {
  inn: string;
  name: string;
  fn: string;
}

/** A case of one receipt. */
export function one<K extends string>(
  id: string,
  cls: CaseSpec['cls'],
  clinic: K,
  lines: CaseSpec['lines'],
  items: ItemSpec[],
  note: string,
  extra: Partial<Omit<CaseSpec, 'id' | 'cls' | 'clinic' | 'lines' | 'receipts'>> & Partial<ReceiptSpec> = {},
): HeldOutCase<K> {
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

/** One held-out corpus: its folder, cases and clinics, and how its documents are numbered. */
export interface HeldOutCorpus<K extends string> {
  /** The folder of names.json; the cases are written to its corpus/. */
  dir: string;
  cases: HeldOutCase<K>[];
  clinics: Record<K, Clinic>;
  /** Insured persons, one letter after another. */
  insured: string[];
  /** Letters are numbered ГП-2026-<letterPrefix><case number>. */
  letterPrefix: string;
  /** Policies are numbered ДМС-<policyBase + case number>. */
  policyBase: number;
  /** The fiscal document number before the first receipt. */
  firstDocNo: number;
  /** The build fails when fewer receipts carry hand-worked amounts. */
  minHandChecked?: number;
}
