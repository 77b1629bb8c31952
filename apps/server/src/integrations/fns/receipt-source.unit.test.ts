import { describe, expect, it } from 'vitest';
import { lookupWithin, type ReceiptLookup, type ReceiptSource } from './receipt-source.ts';

const query = { dateTime: '2026-11-20T14:30', sum: 100, fn: '9282000100254567', i: '1', fp: '2', n: 1 };
const answering = (ms: number, answer: ReceiptLookup): ReceiptSource => ({
  lookup: () => new Promise((r) => setTimeout(() => r(answer), ms)),
});

describe('lookupWithin: a person waits for the receipt source only so long', () => {
  it('passes a prompt answer through', async () => {
    const answer: ReceiptLookup = { kind: 'not_found', message: 'нет такого чека' };
    expect(await lookupWithin(answering(5, answer), query, 500)).toEqual(answer);
  });

  it('answers «ask again later» when the source is slower than the budget, never «not found»', async () => {
    const started = Date.now();
    const r = await lookupWithin(answering(2_000, { kind: 'not_found', message: 'x' }), query, 50);
    expect(r.kind).toBe('retry_later');
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
