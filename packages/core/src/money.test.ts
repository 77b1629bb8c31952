import { describe, expect, it } from 'vitest';
import {
  divRoundHalfUp,
  formatQty,
  formatRub,
  kopecksToRubles,
  mulDivRoundHalfUp,
  parseRubles,
  percentHalfUp,
  priceTimesQty,
  prorate,
  toMicro,
} from './money.ts';

describe('money', () => {
  it.each([
    [5, 2, 3],
    [3, 2, 2],
    [7, 2, 4],
    [-5, 2, -3],
    [1, 3, 0],
    [2, 3, 1],
  ])('divRoundHalfUp(%i, %i) = %i', (n, d, q) => {
    expect(divRoundHalfUp(n, d)).toBe(q);
  });

  it('stays exact past 2^53 through bigint', () => {
    expect(mulDivRoundHalfUp(9_000_000_000_000, 3_000_000, 6_000_000)).toBe(4_500_000_000_000);
    expect(mulDivRoundHalfUp(Number.MAX_SAFE_INTEGER, 1_000_000, 2_000_000)).toBe(4503599627370496);
  });

  it('reads quantities exactly, float noise included', () => {
    expect(toMicro(0.308)).toBe(308_000);
    expect(toMicro(1.25)).toBe(1_250_000);
    expect(toMicro('0,5')).toBe(500_000);
    expect(toMicro(0.1 + 0.2)).toBe(300_000);
    expect(toMicro(1e-7)).toBeNull();
    expect(toMicro('1.0000001')).toBeNull();
    expect(toMicro(-1)).toBeNull();
  });

  it('prorates, multiplies and takes percents half-up', () => {
    expect(prorate(100001, 1_000_000, 1_500_000)).toBe(66667);
    expect(prorate(3, 1_000_000, 2_000_000)).toBe(2);
    expect(prorate(2464, 308_000, 308_000)).toBe(2464);
    expect(priceTimesQty(7999, 308_000)).toBe(2464);
    expect(priceTimesQty(1, 500_000)).toBe(1);
    expect(percentHalfUp(250010, 5)).toBe(12501);
    expect(percentHalfUp(12345, 2.5)).toBe(309);
    expect(percentHalfUp(100, 0)).toBe(0);
  });

  it('formats rubles for the Russian UI', () => {
    expect(formatRub(310000)).toBe('3\u00a0100,00\u00a0₽');
    expect(formatRub(310000, { short: true })).toBe('3\u00a0100\u00a0₽');
    expect(formatRub(123456789)).toBe('1\u00a0234\u00a0567,89\u00a0₽');
    expect(formatRub(5)).toBe('0,05\u00a0₽');
    expect(formatQty(1_250_000)).toBe('1,25');
  });

  it('converts the QR rubles notation', () => {
    expect(parseRubles('1285.21')).toBe(128521);
    expect(parseRubles('1285.2')).toBe(128520);
    expect(parseRubles('1285')).toBe(128500);
    expect(parseRubles('1285.215')).toBeNull();
    expect(kopecksToRubles(128521)).toBe('1285.21');
    expect(kopecksToRubles(5)).toBe('0.05');
  });
});
