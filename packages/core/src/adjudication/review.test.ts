import { describe, expect, it } from 'vitest';
import { adjudicateReviewed, initialState } from './engine.ts';
import { item, letter, receipt, USG } from './test-factories.ts';

const reviewed = (...args: Parameters<typeof adjudicateReviewed>) => {
  const outcome = adjudicateReviewed(...args);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.result;
};

describe('a reviewer decides a receipt sent to manual review', () => {
  const l = letter();
  const r = receipt([item('Медицинская услуга', 250000), item('Бахилы', 1000)]);

  it('pays an unidentified item once the reviewer names its letter line, and nothing for the rest', () => {
    const { decision, state, explanation } = reviewed(l, r, initialState(l), [
      { item: 0, letterLine: 1 },
      { item: 1, letterLine: null },
    ]);
    expect(decision.status).toBe('partially_approved');
    expect(decision.reasons).toEqual(['NOT_IN_LETTER']);
    expect(decision.reimbursement).toBe(250000);
    expect(decision.cashback).toBe(12500);
    expect(decision.lines).toEqual([
      { item: 0, letterLine: 1, paid: 250000, approved: 250000 },
      { item: 1, letterLine: null, paid: 1000, approved: 0, reason: 'NOT_IN_LETTER' },
    ]);
    expect(state.remainingQuantity.get(1)).toBe(0);
    expect(state.remainingLimit).toBe(5000000 - 250000);
    expect(explanation.lines[0]).toContain('возмещено 2\u00a0500\u00a0₽');
  });

  it('lets the reviewer lower a line, never raise it above the letter price', () => {
    const over = receipt([item('Медицинская услуга', 310000)]);
    const lowered = reviewed(l, over, initialState(l), [{ item: 0, letterLine: 1, approved: 200000 }]);
    expect(lowered.decision.reimbursement).toBe(200000);
    expect(lowered.decision.reasons).toEqual(['PRICE_CAPPED', 'ADJUSTED_BY_REVIEWER']);
    const raised = reviewed(l, over, initialState(l), [{ item: 0, letterLine: 1, approved: 310000 }]);
    expect(raised.decision.reimbursement).toBe(250000);
    expect(raised.decision.reasons).toEqual(['PRICE_CAPPED']);
  });

  it('respects what earlier receipts used of the line and the limit', () => {
    const used = { ...initialState(l), remainingQuantity: new Map([[1, 0]]), remainingLimit: 100000 };
    const { decision } = reviewed(l, r, used, [
      { item: 0, letterLine: 1 },
      { item: 1, letterLine: null },
    ]);
    expect(decision.status).toBe('rejected');
    expect(decision.reimbursement).toBe(0);
    expect(decision.cashback).toBe(0);
  });

  it('rejects when the reviewer matches nothing or lowers everything to zero', () => {
    const none = reviewed(l, r, initialState(l), [
      { item: 0, letterLine: null },
      { item: 1, letterLine: null },
    ]);
    expect(none.decision).toMatchObject({
      status: 'rejected',
      reasons: ['NOTHING_MATCHED'],
      reimbursement: 0,
    });
    const zero = reviewed(l, receipt([item(USG, 300000)]), initialState(l), [
      { item: 0, letterLine: 2, approved: 0 },
    ]);
    expect(zero.decision).toMatchObject({ status: 'rejected', reimbursement: 0, cashback: 0 });
  });

  it('names what is wrong with the reviewer input', () => {
    const bad = (lines: Parameters<typeof adjudicateReviewed>[3]) =>
      adjudicateReviewed(l, r, initialState(l), lines);
    expect(bad([{ item: 0, letterLine: 1 }])).toMatchObject({ ok: false, error: { item: null } });
    expect(
      bad([
        { item: 0, letterLine: 1 },
        { item: 0, letterLine: 2 },
      ]),
    ).toMatchObject({ ok: false, error: { item: 1 } });
    expect(
      bad([
        { item: 0, letterLine: 9 },
        { item: 1, letterLine: null },
      ]),
    ).toMatchObject({
      ok: false,
      error: { item: 0, message: 'В письме нет строки 9' },
    });
    expect(
      bad([
        { item: 0, letterLine: 1, approved: -1 },
        { item: 1, letterLine: null },
      ]),
    ).toMatchObject({
      ok: false,
      error: { item: 0 },
    });
  });
});
