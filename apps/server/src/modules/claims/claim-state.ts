import { type AdjudicationState, type ClaimStatus, type GuaranteeLetter, initialState } from '@remed/core';

/** Claims whose receipt was paid (or is being paid) consume the letter's quantities and limit. */
export const PAYING: readonly ClaimStatus[] = [
  'approved',
  'partially_approved',
  'payout_pending',
  'paid',
  'payout_failed',
];

/** Allowed moves of a claim; anything else is a bug or a race, and is refused. */
const CLAIM_TRANSITIONS: Record<ClaimStatus, readonly ClaimStatus[]> = {
  waiting_receipt: ['manual_review', 'approved', 'partially_approved', 'rejected', 'clawback'],
  manual_review: ['approved', 'partially_approved', 'rejected'],
  approved: ['payout_pending', 'paid'],
  partially_approved: ['payout_pending', 'paid'],
  rejected: [],
  payout_pending: ['paid', 'payout_failed'],
  payout_failed: ['payout_pending', 'paid'],
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

/** The statuses a claim may move to `to` from, for conditional updates that check the move in SQL. */
export function movableTo(to: ClaimStatus): ClaimStatus[] {
  return (Object.keys(CLAIM_TRANSITIONS) as ClaimStatus[]).filter((from) => canMove(from, to));
}

export type SavedLetterState = { quantities: Record<string, number>; remainingLimit: number | null };

/**
 * The letter's state before a new receipt: what earlier receipts left, kept on the letter row and changed
 * only under the letter's lock. Duplicates are stopped by the database before the engine runs.
 */
export function letterState(letter: GuaranteeLetter, saved: SavedLetterState | null): AdjudicationState {
  if (!saved) return initialState(letter);
  const remainingQuantity = new Map(
    Object.entries(saved.quantities).map(([line, q]) => [Number(line), q] as const),
  );
  return { remainingQuantity, remainingLimit: saved.remainingLimit, claimedReceipts: new Set() };
}

export function savedState(state: AdjudicationState): SavedLetterState {
  return {
    quantities: Object.fromEntries([...state.remainingQuantity].map(([line, q]) => [String(line), q])),
    remainingLimit: state.remainingLimit,
  };
}
