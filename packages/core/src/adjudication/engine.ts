import { type Kopecks, type MicroQty, toMicro } from '../money.ts';
import { type FiscalReceipt, receiptId } from '../receipts/fiscal-receipt.ts';
import { type Amounts, computeAmounts, type PricedLine } from './amounts.ts';
import { rejectingCheck, reviewChecks } from './checks.ts';
import { explain, type ItemView } from './explain.ts';
import type { GuaranteeLetter, GuaranteeLetterItem } from './letter.ts';
import { type MatchResult, matchItem, prepareLines } from './match.ts';
import {
  type AdjudicationResult,
  type AdjudicationState,
  type Decision,
  type DecisionLine,
  type DecisionStatus,
  type ReasonCode,
  sortReasons,
} from './types.ts';

/** The state before the first receipt: the letter's own quantities and limit. */
export function initialState(
  letter: GuaranteeLetter,
  claimedReceipts: ReadonlySet<string> = new Set(),
): AdjudicationState {
  const remainingQuantity = new Map<number, MicroQty>();
  for (const item of letter.items) remainingQuantity.set(item.line, toMicro(item.quantity) ?? 0);
  return { remainingQuantity, remainingLimit: letter.remainingLimit, claimedReceipts };
}

const MATCH_REASON: Record<Exclude<MatchResult['kind'], 'matched'>, ReasonCode> = {
  unidentified: 'UNIDENTIFIED_ITEM',
  ambiguous: 'AMBIGUOUS_MATCH',
  near_miss: 'NEAR_MISS',
  not_in_letter: 'NOT_IN_LETTER',
};

/** Reasons that send the whole receipt to a person when any item has them. */
const REVIEW_REASONS: ReadonlySet<ReasonCode> = new Set([
  'UNIDENTIFIED_ITEM',
  'AMBIGUOUS_MATCH',
  'NEAR_MISS',
]);

function unmatchedLine(index: number, paid: number, match: MatchResult): DecisionLine {
  if (match.kind === 'matched') return { item: index, letterLine: match.line, paid, approved: 0 };
  return { item: index, letterLine: null, paid, approved: 0, reason: MATCH_REASON[match.kind] };
}

function pricedLine(index: number, p: PricedLine): DecisionLine {
  const line: DecisionLine = { item: index, letterLine: p.line.line, paid: p.item.sum, approved: p.approved };
  const reason = sortReasons(p.reasons)[0];
  if (reason) line.reason = reason;
  return line;
}

interface Draft {
  status: DecisionStatus;
  reasons: ReasonCode[];
  lines: DecisionLine[];
  views: ItemView[];
  amounts: Amounts | null;
}

function rejectedBeforeMatching(receipt: FiscalReceipt, reason: ReasonCode): Draft {
  return {
    status: 'rejected',
    reasons: [reason],
    lines: receipt.items.map((item, i) => ({ item: i, letterLine: null, paid: item.sum, approved: 0 })),
    views: receipt.items.map(() => ({ kind: 'skipped' })),
    amounts: null,
  };
}

function review(matches: MatchResult[], receipt: FiscalReceipt, receiptReasons: ReasonCode[]): Draft {
  const lines = matches.map((m, i) => unmatchedLine(i, receipt.items[i]!.sum, m));
  return {
    status: 'manual_review',
    reasons: sortReasons([...receiptReasons, ...lines.flatMap((l) => (l.reason ? [l.reason] : []))]),
    lines,
    views: matches.map((match) => ({ kind: 'review', match })),
    amounts: null,
  };
}

function priced(
  letter: GuaranteeLetter,
  receipt: FiscalReceipt,
  matches: MatchResult[],
  state: AdjudicationState,
  ceilings: ReadonlyMap<number, Kopecks> = new Map(),
): Draft {
  const byLine = new Map<number, GuaranteeLetterItem>(letter.items.map((l) => [l.line, l]));
  const matched: {
    index: number;
    item: FiscalReceipt['items'][number];
    line: GuaranteeLetterItem;
    ceiling?: Kopecks;
  }[] = [];
  matches.forEach((m, index) => {
    if (m.kind !== 'matched') return;
    const ceiling = ceilings.get(index);
    matched.push({
      index,
      item: receipt.items[index]!,
      line: byLine.get(m.line)!,
      ...(ceiling === undefined ? {} : { ceiling }),
    });
  });
  const lines = matches.map((m, i) => unmatchedLine(i, receipt.items[i]!.sum, m));
  const views: ItemView[] = matches.map((match) => ({ kind: 'review', match }));
  if (matched.length === 0) {
    return { status: 'rejected', reasons: ['NOTHING_MATCHED'], lines, views, amounts: null };
  }
  const amounts = computeAmounts(letter, matched, state.remainingQuantity, state.remainingLimit);
  amounts.priced.forEach((p, k) => {
    const index = matched[k]!.index;
    lines[index] = pricedLine(index, p);
    views[index] = { kind: 'priced', priced: p };
  });
  const lineReasons = lines.flatMap((l) => (l.reason ? [l.reason] : []));
  const allReasons = amounts.priced.flatMap((p) => p.reasons);
  const reasons = sortReasons([
    ...lineReasons,
    ...allReasons,
    ...(amounts.limitCut ? ['LIMIT_REACHED' as const] : []),
  ]);
  let status: DecisionStatus = reasons.length === 0 ? 'approved' : 'partially_approved';
  if (amounts.priced.every((p) => p.q === 0) || amounts.base === 0) status = 'rejected';
  else if (amounts.limitCut && amounts.reimbursement === 0) status = 'rejected';
  return { status, reasons, lines, views, amounts };
}

function decide(
  letter: GuaranteeLetter,
  receipt: FiscalReceipt,
  state: AdjudicationState,
  id: string,
): Draft {
  const rejection = rejectingCheck(letter, receipt, id, state.claimedReceipts);
  if (rejection) return rejectedBeforeMatching(receipt, rejection);
  const lines = prepareLines(letter.items);
  const matches = receipt.items.map((item) => matchItem(item, lines));
  const receiptReasons = reviewChecks(receipt);
  const needsPerson = matches.some((m) => m.kind !== 'matched' && REVIEW_REASONS.has(MATCH_REASON[m.kind]));
  if (receiptReasons.length > 0 || needsPerson) return review(matches, receipt, receiptReasons);
  return priced(letter, receipt, matches, state);
}

/**
 * Adjudicates one receipt against a guarantee letter (§5). Pure: the carried state comes in and the
 * new state goes out; only approved and partially approved receipts consume quantities and limit,
 * and every submitted receipt becomes claimed.
 */
export function adjudicateReceipt(
  letter: GuaranteeLetter,
  receipt: FiscalReceipt,
  state: AdjudicationState,
): AdjudicationResult {
  const id = receiptId(receipt);
  return result(letter, receipt, state, id, decide(letter, receipt, state, id));
}

function result(
  letter: GuaranteeLetter,
  receipt: FiscalReceipt,
  state: AdjudicationState,
  id: string,
  draft: Draft,
): AdjudicationResult {
  const pays = draft.status === 'approved' || draft.status === 'partially_approved';
  const amounts = pays ? draft.amounts : null;
  const decision: Decision = {
    receipt: id,
    status: draft.status,
    reasons: draft.reasons,
    paid: receipt.totalSum,
    reimbursement: amounts?.reimbursement ?? 0,
    cashback: amounts?.cashback ?? 0,
    lines: draft.lines,
  };
  const claimedReceipts = new Set(state.claimedReceipts).add(id);
  const next: AdjudicationState = amounts
    ? {
        remainingQuantity: amounts.remainingQuantity,
        remainingLimit: amounts.remainingLimit,
        claimedReceipts,
      }
    : { ...state, claimedReceipts };
  return { decision, explanation: explain(letter, receipt, decision, draft.views, amounts), state: next };
}

/** A reviewer's word on one receipt item: which letter line it is (null: none), and at most how much. */
export interface ReviewedLine {
  item: number;
  letterLine: number | null;
  approved?: Kopecks;
}

export type ReviewOutcome =
  | { ok: true; result: AdjudicationResult }
  | { ok: false; error: { item: number | null; message: string } };

/**
 * A person decides a receipt the engine sent to manual review: they name the letter line of each item (or
 * none) and may lower an item's amount. The amounts then follow §5 exactly as for the engine's own matches,
 * so a person can never pay more than the letter allows for a line, nor past its quantity or limit.
 */
export function adjudicateReviewed(
  letter: GuaranteeLetter,
  receipt: FiscalReceipt,
  state: AdjudicationState,
  lines: readonly ReviewedLine[],
): ReviewOutcome {
  const fail = (item: number | null, message: string): ReviewOutcome => ({
    ok: false,
    error: { item, message },
  });
  if (lines.length !== receipt.items.length)
    return fail(null, `Укажите решение по каждой позиции чека: их ${receipt.items.length}`);
  const known = new Set(letter.items.map((l) => l.line));
  const matches: MatchResult[] = [];
  const ceilings = new Map<number, Kopecks>();
  for (let index = 0; index < receipt.items.length; index++) {
    const line = lines.find((l) => l.item === index);
    if (!line) return fail(index, `Нет решения по позиции ${index + 1}`);
    if (line.letterLine !== null && !known.has(line.letterLine))
      return fail(index, `В письме нет строки ${line.letterLine}`);
    if (line.approved !== undefined && (!Number.isInteger(line.approved) || line.approved < 0))
      return fail(index, 'Сумма — целое число копеек, не меньше нуля');
    matches.push(
      line.letterLine === null ? { kind: 'not_in_letter' } : { kind: 'matched', line: line.letterLine },
    );
    if (line.approved !== undefined) ceilings.set(index, line.approved);
  }
  const id = receiptId(receipt);
  return {
    ok: true,
    result: result(letter, receipt, state, id, priced(letter, receipt, matches, state, ceilings)),
  };
}

/** Adjudicates receipts in the order given against one letter, carrying the state from one to the next. */
export function adjudicateSequence(
  letter: GuaranteeLetter,
  receipts: readonly FiscalReceipt[],
  state: AdjudicationState = initialState(letter),
): { results: AdjudicationResult[]; state: AdjudicationState } {
  const results: AdjudicationResult[] = [];
  let current = state;
  for (const receipt of receipts) {
    const result = adjudicateReceipt(letter, receipt, current);
    results.push(result);
    current = result.state;
  }
  return { results, state: current };
}
