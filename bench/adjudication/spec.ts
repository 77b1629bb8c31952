/**
 * The compact form every adjudication corpus is written in: the hand-labelled cases (cases-*.json here,
 * holdout/cases-holdout.json, holdout2/cases-holdout2.json), which corpus-builder.ts expands into
 * <folder>/corpus/<class>.json. Every receipt item carries the human label of what it is against the letter:
 *   a line number (the item is that service), 'x' (a service or good the letter does not cover),
 *   'near' (same service family, different variant), 'amb' (fits several lines, price does not settle it),
 *   'unid' (names no identifiable service, or a generic name that fits one line only).
 */
import { readFileSync } from 'node:fs';

export type CaseClass = 'clean' | 'variant' | 'generic' | 'other-service' | 'receipt-level';
export type Label = number | 'x' | 'near' | 'amb' | 'unid';

/**
 * [till name, price, label, quantity = 1, sum = price × quantity]. Prices are in the unit the price list
 * prints: rubles for most lists; a list in another currency is used unchanged.
 */
type ItemSpec = [name: string, priceRub: number, label: Label, quantity?: number, sumRub?: number];

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
  /** A key of the corpus's clinics. */
  clinic: string;
  /** names.json ids; [id, quantity] for a quantity other than 1. */
  lines: (string | [string, number])[];
  franchisePercent?: number;
  cashbackPercent?: number;
  /** Rubles; null = no limit. Default 50 000. */
  limitRub?: number | null;
  receipts: ReceiptSpec[];
}

/** A fictional legal entity that sells under a real price list. */
export interface Clinic {
  inn: string;
  name: string;
  fn: string;
}

/** What keeps one corpus's letters and receipts apart from the other corpora's. */
interface LetterNumbering {
  /** Insured persons, one letter after another. */
  insured: string[];
  /** Letters are numbered ГП-2026-<letterPrefix><case number in letterDigits digits>. */
  letterPrefix: string;
  letterDigits: number;
  /** Policies are numbered ДМС-<policyBase + case number>. */
  policyBase: number;
  /** The fiscal document number before the first receipt. */
  firstDocNo: number;
}

/** How one corpus's tills number and print their receipts, from the fiscal document number. */
export interface TillNumbering {
  fiscalSign: (docNo: number) => number;
  /** HH:MM of a receipt that names no dateTime of its own. */
  time: (docNo: number) => string;
  /** The till prints the seller's ИНН with trailing spaces. */
  paddedInn: (docNo: number) => boolean;
  paidInCash: (docNo: number) => boolean;
}

/** One corpus: its folder, cases and clinics, and how its documents are numbered. */
export interface CorpusSpec extends LetterNumbering {
  /** The folder of names.json; the cases are written to its corpus/. */
  dir: string;
  cases: CaseSpec[];
  clinics: Record<string, Clinic>;
  tills: TillNumbering;
  /** The build fails when fewer receipts carry hand-worked amounts. */
  minHandChecked?: number;
}

/** A JSON file of hand-written data, typed as the reader expects it. */
export const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
