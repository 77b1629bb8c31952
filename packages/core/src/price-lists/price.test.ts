import { describe, expect, it } from 'vitest';
import { kopecksToPriceText, MAX_PRICE_KOPECKS, parsePriceRub } from './price.ts';

describe('price in rubles as accountants type it', () => {
  it.each([
    ['1 234,50', 123_450],
    ['1234.5', 123_450],
    ['2500', 250_000],
    ['2 500,00 ₽', 250_000],
    ['2500 руб.', 250_000],
    ['1\u00a0234,5', 123_450],
    ['1.234,50', 123_450],
    ['1,234.50', 123_450],
    ['12 345 678,9', 1_234_567_890],
    ['0,01', 1],
    ['3481.0000000000005', 348_100],
    ['699.99000000000001', 69_999],
  ])('reads «%s» as %i kopecks', (text, kopecks) => {
    expect(parsePriceRub(text)).toEqual({ ok: true, kopecks });
  });

  it.each([
    ['', 'не заполнено'],
    ['   ', 'не заполнено'],
    ['0', 'цена должна быть больше нуля'],
    ['0,00', 'цена должна быть больше нуля'],
    ['-100', 'цена должна быть больше нуля'],
    ['12,345', 'не больше двух знаков после запятой (копейки)'],
    ['1.234', 'не больше двух знаков после запятой (копейки)'],
    ['абв', '«абв» — не число; пример: 1 234,50'],
    ['1,2,3', '«1,2,3» — не число; пример: 1 234,50'],
    ['12,34.5', '«12,34.5» — не число; пример: 1 234,50'],
    ['1e3', '«1e3» — не число; пример: 1 234,50'],
    ['150000000', 'слишком большая цена: проверьте, что она указана в рублях'],
  ])('refuses «%s»: %s', (text, message) => {
    expect(parsePriceRub(text)).toEqual({ ok: false, message });
  });

  it('accepts the highest price and writes kopecks back as text the reader takes', () => {
    expect(parsePriceRub('100 000 000')).toEqual({ ok: true, kopecks: MAX_PRICE_KOPECKS });
    for (const k of [1, 99, 100, 123_450, 250_000]) {
      expect(parsePriceRub(kopecksToPriceText(k))).toEqual({ ok: true, kopecks: k });
    }
    expect(kopecksToPriceText(123_405)).toBe('1234,05');
  });
});
