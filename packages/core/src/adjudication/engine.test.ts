import { describe, expect, it } from 'vitest';
import { initialState } from './engine.ts';
import { CLINIC_INN, CONSULT, item, letter, receipt, run } from './test-factories.ts';

describe('adjudication: the §5.1 example', () => {
  it('caps the price and pays cashback on what was paid', () => {
    const r = receipt([item('Прием врача-терапевта первичный', 310000)], { i: 11401 });
    const { decision, explanation } = run(r);
    expect(decision).toEqual({
      receipt: '9282000100254567:11401',
      status: 'partially_approved',
      reasons: ['PRICE_CAPPED'],
      paid: 310000,
      reimbursement: 250000,
      cashback: 15500,
      lines: [{ item: 0, letterLine: 1, paid: 310000, approved: 250000, reason: 'PRICE_CAPPED' }],
    });
    expect(explanation.lines[0]).toContain(
      'оплачено 3\u00a0100\u00a0₽, по гарантийному письму 2\u00a0500\u00a0₽',
    );
    expect(explanation.lines[0]).toContain('возмещено 2\u00a0500\u00a0₽');
  });
});

describe('adjudication: approved', () => {
  it('approves a receipt that matches the letter in full', () => {
    const r = receipt([
      item('1.01 Конс. терапевта перв.', 250000),
      item('УЗИ органов брюшной полости', 300000),
    ]);
    const l = letter({
      items: [
        { line: 1, code: 'B01.047.001', name: CONSULT, price: 250000, quantity: 1 },
        { line: 2, name: 'УЗИ органов брюшной полости', price: 300000, quantity: 1 },
      ],
    });
    const { decision, state, explanation } = run(r, l);
    expect(decision.status).toBe('approved');
    expect(decision.reasons).toEqual([]);
    expect(decision.reimbursement).toBe(550000);
    expect(decision.cashback).toBe(27500);
    expect(state.remainingLimit).toBe(5000000 - 550000);
    expect(state.remainingQuantity.get(1)).toBe(0);
    expect(explanation.summary).toMatch(/^Чек одобрен: возмещение 5\u00a0500\u00a0₽/);
  });

  it('keeps a franchise-only receipt approved', () => {
    const { decision } = run(receipt([item(CONSULT, 250000)]), letter({ franchisePercent: 10 }));
    expect(decision.status).toBe('approved');
    expect(decision.reasons).toEqual([]);
    expect(decision.reimbursement).toBe(225000);
    expect(decision.cashback).toBe(12500);
    expect(decision.lines[0]!.approved).toBe(250000);
  });

  it('treats a null limit as no limit', () => {
    const { decision, state } = run(receipt([item(CONSULT, 250000)]), letter({ remainingLimit: null }));
    expect(decision.status).toBe('approved');
    expect(state.remainingLimit).toBeNull();
  });
});

describe('adjudication: receipt-level checks, first failing decides', () => {
  it('rejects a refund as NOT_A_SALE before anything else', () => {
    const r = receipt([item(CONSULT, 250000)], { operationType: 2, userInn: '5003042456' });
    const { decision, state } = run(r);
    expect(decision).toMatchObject({
      status: 'rejected',
      reasons: ['NOT_A_SALE'],
      reimbursement: 0,
      cashback: 0,
    });
    expect(decision.lines).toEqual([{ item: 0, letterLine: null, paid: 250000, approved: 0 }]);
    expect(state.claimedReceipts.has(decision.receipt)).toBe(true);
  });

  it('rejects a receipt already claimed by anyone', () => {
    const r = receipt([item(CONSULT, 250000)]);
    const l = letter();
    const { decision } = run(r, l, initialState(l, new Set([`${r.fn}:${r.i}`])));
    expect(decision).toMatchObject({ status: 'rejected', reasons: ['DUPLICATE_RECEIPT'] });
  });

  it('rejects another seller as WRONG_CLINIC (space padding is ignored)', () => {
    expect(run(receipt([item(CONSULT, 250000)], { userInn: '7701234561' })).decision.reasons).toEqual([
      'WRONG_CLINIC',
    ]);
    expect(run(receipt([item(CONSULT, 250000)], { userInn: `${CLINIC_INN}  ` })).decision.status).toBe(
      'approved',
    );
  });

  it.each([
    ['2026-11-19T23:59:59', 'rejected'],
    ['2026-11-20T00:00:00', 'approved'],
    ['2026-12-20T23:59:00', 'approved'],
    ['2026-12-21T00:00:00', 'rejected'],
  ])('checks validity by the local date: %s → %s', (dateTime, status) => {
    const { decision } = run(receipt([item(CONSULT, 250000)], { dateTime }));
    expect(decision.status).toBe(status);
    if (status === 'rejected') expect(decision.reasons).toEqual(['OUTSIDE_VALIDITY']);
  });

  it('sends a receipt whose items do not add up to manual review (SUM_MISMATCH)', () => {
    const r = receipt([item(CONSULT, 250000)], { totalSum: 260000 });
    const { decision, state } = run(r);
    expect(decision).toMatchObject({
      status: 'manual_review',
      reasons: ['SUM_MISMATCH'],
      reimbursement: 0,
      cashback: 0,
    });
    expect(decision.lines).toEqual([{ item: 0, letterLine: 1, paid: 250000, approved: 0 }]);
    expect(state.remainingQuantity.get(1)).toBe(1_000_000);
    expect(state.remainingLimit).toBe(5000000);
  });

  it('sends an advance offset to manual review (ADVANCE_OFFSET)', () => {
    const r = receipt([item(CONSULT, 250000)], { prepaidSum: 100000, ecashTotalSum: 150000 });
    expect(run(r).decision).toMatchObject({ status: 'manual_review', reasons: ['ADVANCE_OFFSET'] });
  });

  it('lets a rejecting check win over a review check', () => {
    const r = receipt([item('Медицинская услуга', 250000)], { userInn: '7701234561', totalSum: 1 });
    expect(run(r).decision.reasons).toEqual(['WRONG_CLINIC']);
  });
});

describe('adjudication: item-level outcomes', () => {
  // A receipt line no letter line pays for.
  const unpaidLine = (index: number, paid: number, reason: string) => ({
    item: index,
    letterLine: null,
    paid,
    approved: 0,
    reason,
  });

  it('UNIDENTIFIED_ITEM: a generic item sends the receipt to review', () => {
    const { decision, explanation } = run(
      receipt([item(CONSULT, 250000), item('Медицинская услуга', 50000)]),
    );
    expect(decision).toMatchObject({
      status: 'manual_review',
      reasons: ['UNIDENTIFIED_ITEM'],
      reimbursement: 0,
    });
    expect(decision.lines[1]).toEqual(unpaidLine(1, 50000, 'UNIDENTIFIED_ITEM'));
    expect(explanation.lines[1]).toContain('нельзя понять');
  });

  it('AMBIGUOUS_MATCH: two lines fit equally and the price does not settle it', () => {
    const l = letter({
      items: [
        { line: 1, name: CONSULT, price: 250000, quantity: 1 },
        { line: 2, name: CONSULT.replace('первичный', 'повторный'), price: 200000, quantity: 1 },
      ],
    });
    const truncated = 'Прием (осмотр, консультация) врача-терапевта п';
    expect(run(receipt([item(truncated, 230000)]), l).decision).toMatchObject({
      status: 'manual_review',
      reasons: ['AMBIGUOUS_MATCH'],
    });
    expect(run(receipt([item(truncated, 200000)]), l).decision).toMatchObject({
      status: 'approved',
      lines: [{ letterLine: 2 }],
    });
  });

  it('NEAR_MISS: a repeat visit against a first-visit letter', () => {
    const { decision } = run(receipt([item('Прием врача-терапевта повторный', 200000)]));
    expect(decision).toMatchObject({ status: 'manual_review', reasons: ['NEAR_MISS'], cashback: 0 });
  });

  it('NOT_IN_LETTER: extras get nothing and make the receipt partial', () => {
    const r = receipt([item(CONSULT, 250000), item('Бахилы', 1500, 2), item('Медицинская карта', 20000)]);
    const { decision, explanation } = run(r);
    expect(decision).toMatchObject({
      status: 'partially_approved',
      reasons: ['NOT_IN_LETTER'],
      reimbursement: 250000,
    });
    expect(decision.paid).toBe(273000);
    expect(decision.cashback).toBe(12500);
    expect(decision.lines[1]).toEqual(unpaidLine(1, 3000, 'NOT_IN_LETTER'));
    expect(explanation.lines[1]).toContain('нет в гарантийном письме');
  });

  it('NOTHING_MATCHED: a receipt with nothing from the letter is rejected', () => {
    const { decision, state } = run(receipt([item('Бахилы', 1500), item('Справка для бассейна', 50000)]));
    expect(decision).toMatchObject({ status: 'rejected', reasons: ['NOTHING_MATCHED'], reimbursement: 0 });
    expect(state.remainingLimit).toBe(5000000);
  });

  it('QUANTITY_EXCEEDED: pays only the quantity left on the line', () => {
    const { decision, state } = run(receipt([item('ОАК', 60000, 3)]));
    expect(decision).toMatchObject({
      status: 'partially_approved',
      reasons: ['QUANTITY_EXCEEDED'],
      reimbursement: 120000,
    });
    expect(decision.lines[0]).toEqual({
      item: 0,
      letterLine: 3,
      paid: 180000,
      approved: 120000,
      reason: 'QUANTITY_EXCEEDED',
    });
    expect(decision.cashback).toBe(6000);
    expect(state.remainingQuantity.get(3)).toBe(0);
  });

  it('reports both PRICE_CAPPED and QUANTITY_EXCEEDED on the receipt', () => {
    const { decision } = run(receipt([item('ОАК', 70000, 3)]));
    expect(decision.reasons).toEqual(['PRICE_CAPPED', 'QUANTITY_EXCEEDED']);
    expect(decision.reimbursement).toBe(120000);
  });

  it('LIMIT_REACHED: cuts the reimbursement to the remaining limit', () => {
    const { decision, state } = run(receipt([item(CONSULT, 250000)]), letter({ remainingLimit: 100000 }));
    expect(decision).toMatchObject({
      status: 'partially_approved',
      reasons: ['LIMIT_REACHED'],
      reimbursement: 100000,
    });
    expect(state.remainingLimit).toBe(0);
  });

  it('LIMIT_REACHED: rejects when the limit leaves nothing and consumes nothing', () => {
    const { decision, state } = run(receipt([item(CONSULT, 250000)]), letter({ remainingLimit: 0 }));
    expect(decision).toMatchObject({
      status: 'rejected',
      reasons: ['LIMIT_REACHED'],
      reimbursement: 0,
      cashback: 0,
    });
    expect(state.remainingQuantity.get(1)).toBe(1_000_000);
  });
});
