import {
  type AdjudicationState,
  adjudicateReceipt,
  type FiscalReceipt,
  type GuaranteeLetter,
  initialState,
} from '@remed/core';
import type { ClaimStatus } from '../../db/schema/index.ts';

/** Claims whose receipt was paid (or is being paid) consume the letter's quantities and limit. */
export const PAYING: readonly ClaimStatus[] = [
  'approved',
  'partially_approved',
  'payout_pending',
  'paid',
  'payout_failed',
];

/** Allowed moves of a claim; anything else is a bug or a race, and is refused. */
export const CLAIM_TRANSITIONS: Record<ClaimStatus, readonly ClaimStatus[]> = {
  waiting_receipt: ['manual_review', 'approved', 'partially_approved', 'rejected', 'clawback'],
  manual_review: ['approved', 'partially_approved', 'rejected'],
  approved: ['payout_pending', 'paid'],
  partially_approved: ['payout_pending', 'paid'],
  rejected: [],
  payout_pending: ['paid', 'payout_failed'],
  payout_failed: ['payout_pending'],
  paid: [],
  clawback: [],
};

export const CLAIM_STATUS_TITLES: Record<ClaimStatus, string> = {
  waiting_receipt: 'Ждём данные чека из ФНС',
  manual_review: 'Проверяет врач-эксперт',
  approved: 'Одобрено',
  partially_approved: 'Одобрено частично',
  rejected: 'Отказано',
  payout_pending: 'Отправляем деньги',
  paid: 'Деньги отправлены',
  payout_failed: 'Не удалось перевести деньги',
  clawback: 'Возврат в клинике: сумма к удержанию',
};

export function canMove(from: ClaimStatus, to: ClaimStatus): boolean {
  return CLAIM_TRANSITIONS[from].includes(to);
}

/**
 * The letter's state before a new receipt: the engine replays, in order, the receipts it paid against the
 * letter, so quantities and limit carry over exactly as if they had come in one batch. Amounts a person
 * approved after manual review come off the limit (the decision names no lines, so no quantities).
 */
export function replayState(
  letter: GuaranteeLetter,
  autoPaid: readonly FiscalReceipt[],
  manuallyApproved: number,
  claimed: ReadonlySet<string>,
): AdjudicationState {
  let state = initialState(letter);
  for (const r of autoPaid) state = adjudicateReceipt(letter, r, state).state;
  const remainingLimit =
    state.remainingLimit === null ? null : Math.max(0, state.remainingLimit - manuallyApproved);
  return { ...state, remainingLimit, claimedReceipts: claimed };
}
