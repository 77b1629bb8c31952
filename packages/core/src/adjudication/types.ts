import type { Kopecks, MicroQty } from '../money.ts';

/** Reason codes in the one stable order used for `reasons`: the table of §5 first, then line reasons. */
export const REASON_CODES = [
  'NOT_A_SALE',
  'DUPLICATE_RECEIPT',
  'WRONG_CLINIC',
  'OUTSIDE_VALIDITY',
  'SUM_MISMATCH',
  'ADVANCE_OFFSET',
  'TIME_MISMATCH',
  'UNIDENTIFIED_ITEM',
  'AMBIGUOUS_MATCH',
  'NEAR_MISS',
  'NOTHING_MATCHED',
  'LIMIT_REACHED',
  'NOT_IN_LETTER',
  'PRICE_CAPPED',
  'QUANTITY_EXCEEDED',
  'ADJUSTED_BY_REVIEWER',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export type DecisionStatus = 'approved' | 'partially_approved' | 'manual_review' | 'rejected';

export interface DecisionLine {
  /** Index of the receipt item. */
  item: number;
  letterLine: number | null;
  /** What the insured paid for this receipt item. */
  paid: Kopecks;
  approved: Kopecks;
  reason?: ReasonCode;
}

/** One decision per receipt, the `§5.1` exchange format. */
export interface Decision {
  /** `fn:i`. */
  receipt: string;
  status: DecisionStatus;
  reasons: ReasonCode[];
  /** The receipt total the insured paid. */
  paid: Kopecks;
  reimbursement: Kopecks;
  cashback: Kopecks;
  lines: DecisionLine[];
}

/** What carries over from one receipt to the next against the same letter. */
export interface AdjudicationState {
  /** Remaining quantity per letter line number. */
  readonly remainingQuantity: ReadonlyMap<number, MicroQty>;
  /** Remaining money limit of the letter; `null` means no limit. */
  readonly remainingLimit: Kopecks | null;
  /** Receipt ids `fn:i` already submitted, whatever their outcome. */
  readonly claimedReceipts: ReadonlySet<string>;
}

export interface Explanation {
  /** One sentence about the whole receipt. */
  summary: string;
  /** One sentence per receipt item, in item order. */
  lines: string[];
}

export interface AdjudicationResult {
  decision: Decision;
  explanation: Explanation;
  state: AdjudicationState;
}

export function sortReasons(reasons: Iterable<ReasonCode>): ReasonCode[] {
  const set = new Set(reasons);
  return REASON_CODES.filter((r) => set.has(r));
}
