import { describe, expect, it } from 'vitest';
import { adjudicateSequence, initialState } from './engine.ts';
import { CONSULT, item, letter, receipt, run } from './test-factories.ts';

describe('adjudication: rounding', () => {
  it('rounds the franchise and the cashback half-up at half a kopeck', () => {
    const { decision } = run(
      receipt([item(CONSULT, 250010)]),
      letter({ franchisePercent: 5, items: [{ line: 1, name: CONSULT, price: 250010, quantity: 1 }] }),
    );
    expect(decision.reimbursement).toBe(250010 - 12501);
    expect(decision.cashback).toBe(12501);
  });

  it('prorates a fractional quantity exactly', () => {
    const l = letter({ items: [{ line: 1, name: 'Массаж спины', price: 100000, quantity: 1 }] });
    const { decision } = run(receipt([item('Массаж спины', 66667, 1.5, 100001)]), l);
    expect(decision.lines[0]).toMatchObject({ paid: 100001, approved: 66667, reason: 'QUANTITY_EXCEEDED' });
    const half = run(
      receipt([item('Массаж спины', 3, 2, 3)]),
      letter({ items: [{ line: 1, name: 'Массаж спины', price: 3, quantity: 1 }] }),
    );
    expect(half.decision.lines[0]!.approved).toBe(2);
  });

  it('caps by round(price × q) for a fractional quantity', () => {
    const l = letter({ items: [{ line: 1, name: 'Массаж спины', price: 10001, quantity: 0.5 }] });
    const { decision } = run(receipt([item('Массаж спины', 12000, 0.5, 6000)]), l);
    expect(decision.lines[0]!.approved).toBe(5001);
    expect(decision.reasons).toEqual(['PRICE_CAPPED']);
  });

  it('takes a fractional cashback percent exactly', () => {
    const l = letter({
      cashbackPercent: 2.5,
      items: [{ line: 1, name: 'Массаж спины', price: 12345, quantity: 1 }],
    });
    expect(run(receipt([item('Массаж спины', 12345)]), l).decision.cashback).toBe(309);
  });
});

describe('adjudication: a sequence of receipts against one letter', () => {
  it('carries quantities, limit and claimed receipts from one receipt to the next', () => {
    const l = letter({ remainingLimit: 200000 });
    const first = receipt([item('ОАК', 60000)]);
    const review = receipt([item('ОАК', 60000), item('Услуга', 100)]);
    const refund = receipt([item('ОАК', 60000)], { operationType: 2 });
    const second = receipt([item('Общий клинический анализ крови', 60000)]);
    const third = receipt([item('ОАК', 60000)]);
    const consult = receipt([item(CONSULT, 250000)]);
    const { results, state } = adjudicateSequence(l, [first, review, refund, first, second, third, consult]);
    const summary = results.map((r) => [r.decision.status, r.decision.reasons, r.decision.reimbursement]);
    expect(summary).toEqual([
      ['approved', [], 60000],
      ['manual_review', ['UNIDENTIFIED_ITEM'], 0],
      ['rejected', ['NOT_A_SALE'], 0],
      ['rejected', ['DUPLICATE_RECEIPT'], 0],
      ['approved', [], 60000],
      ['rejected', ['QUANTITY_EXCEEDED'], 0],
      ['partially_approved', ['LIMIT_REACHED'], 80000],
    ]);
    expect(state.remainingLimit).toBe(0);
    expect(state.remainingQuantity.get(3)).toBe(0);
    expect(state.claimedReceipts.size).toBe(6);
  });

  it('never changes the state it was given', () => {
    const l = letter();
    const before = initialState(l);
    run(receipt([item(CONSULT, 250000)]), l, before);
    expect(before.remainingQuantity.get(1)).toBe(1_000_000);
    expect(before.claimedReceipts.size).toBe(0);
  });
});
