import { type Kopecks, type MicroQty, percentHalfUp, priceTimesQty, prorate, toMicro } from '../money.ts';
import type { FiscalReceiptItem } from '../receipts/fiscal-receipt.ts';
import type { GuaranteeLetter, GuaranteeLetterItem } from './letter.ts';
import type { ReasonCode } from './types.ts';

/** A receipt item matched to a letter line, with the amounts of §5. */
export interface PricedLine {
  item: FiscalReceiptItem;
  line: GuaranteeLetterItem;
  /** Quantity taken from the line: `min(quantity_i, r_l)`. */
  q: MicroQty;
  quantity: MicroQty;
  /** What the line still had before this item. */
  remainingBefore: MicroQty;
  /** `round(sum_i × q / quantity_i)`. */
  paidShare: Kopecks;
  /** `round(price_l × q)`. */
  cap: Kopecks;
  approved: Kopecks;
  reasons: ReasonCode[];
}

export interface Amounts {
  priced: PricedLine[];
  base: Kopecks;
  franchise: Kopecks;
  /** Reimbursement before the limit. */
  due: Kopecks;
  reimbursement: Kopecks;
  limitCut: boolean;
  cashback: Kopecks;
  remainingQuantity: Map<number, MicroQty>;
  remainingLimit: Kopecks | null;
}

/** Items must already be validated: the normaliser rejects quantities with more than 6 decimals. */
export function microQuantity(item: FiscalReceiptItem): MicroQty {
  return toMicro(item.quantity) ?? 0;
}

function priceOne(
  item: FiscalReceiptItem,
  line: GuaranteeLetterItem,
  remaining: MicroQty,
  ceiling: Kopecks | undefined,
): PricedLine {
  const quantity = microQuantity(item);
  const q = Math.min(quantity, remaining);
  const paidShare = prorate(item.sum, q, quantity);
  const cap = priceTimesQty(line.price, q);
  const reasons: ReasonCode[] = [];
  if (paidShare > cap) reasons.push('PRICE_CAPPED');
  if (q < quantity) reasons.push('QUANTITY_EXCEEDED');
  const allowed = Math.min(paidShare, cap);
  if (ceiling !== undefined && ceiling < allowed) reasons.push('ADJUSTED_BY_REVIEWER');
  return {
    item,
    line,
    q,
    quantity,
    remainingBefore: remaining,
    paidShare,
    cap,
    approved: ceiling === undefined ? allowed : Math.max(0, Math.min(allowed, ceiling)),
    reasons,
  };
}

/**
 * Applies the amount formulas of §5 to the matched items, in receipt order. A reviewer may lower an item's
 * approved amount (`ceiling`), never raise it above what the letter allows.
 */
export function computeAmounts(
  letter: GuaranteeLetter,
  matched: readonly { item: FiscalReceiptItem; line: GuaranteeLetterItem; ceiling?: Kopecks }[],
  remainingQuantity: ReadonlyMap<number, MicroQty>,
  remainingLimit: Kopecks | null,
): Amounts {
  const remaining = new Map(remainingQuantity);
  const priced: PricedLine[] = [];
  let base = 0;
  let paidTotal = 0;
  for (const { item, line, ceiling } of matched) {
    const p = priceOne(item, line, remaining.get(line.line) ?? 0, ceiling);
    remaining.set(line.line, p.remainingBefore - p.q);
    priced.push(p);
    base += p.approved;
    paidTotal += p.paidShare;
  }
  const franchise = percentHalfUp(base, letter.franchisePercent);
  const due = base - franchise;
  const reimbursement = remainingLimit === null ? due : Math.min(due, remainingLimit);
  return {
    priced,
    base,
    franchise,
    due,
    reimbursement,
    limitCut: reimbursement < due,
    cashback: percentHalfUp(paidTotal, letter.cashbackPercent),
    remainingQuantity: remaining,
    remainingLimit: remainingLimit === null ? null : remainingLimit - reimbursement,
  };
}
