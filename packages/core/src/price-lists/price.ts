import type { Kopecks } from '../money.ts';

/** The highest price a row may carry: 100 million rubles. Anything above is a typo (kopecks typed as rubles). */
export const MAX_PRICE_KOPECKS = 100_000_000_00;

export type PriceParse = { ok: true; kopecks: Kopecks } | { ok: false; message: string };

const CURRENCY = /\s*(₽|руб\.?|р\.?|rub)$/i;
const GROUP_SPACES = /[\s\u00a0\u202f']/g;

/**
 * Reads a price in rubles as accountants type it: «1 234,50», «1234.5», «2500», «1 234,50 ₽», «1.234,50».
 * The separator that comes last is the decimal one; any other must group thousands. A spreadsheet number
 * saved with float noise (3481.0000000000005) is its two-decimal value.
 */
export function parsePriceRub(input: string): PriceParse {
  const raw = input.trim();
  if (!raw) return { ok: false, message: 'не заполнено' };
  const text = raw.replace(CURRENCY, '').replace(GROUP_SPACES, '');
  if (/^-\d/.test(text) || /^−/.test(text)) return { ok: false, message: 'цена должна быть больше нуля' };
  const notNumber = { ok: false as const, message: `«${raw}» — не число; пример: 1 234,50` };
  if (!/^\d[\d.,]*$/.test(text)) return notNumber;
  const lastSep = Math.max(text.lastIndexOf(','), text.lastIndexOf('.'));
  let whole = text;
  let frac = '';
  if (lastSep >= 0) {
    const decimal = text[lastSep]!;
    const grouping = decimal === ',' ? '.' : ',';
    whole = text.slice(0, lastSep);
    frac = text.slice(lastSep + 1);
    if (whole.includes(decimal) || !/^\d+$/.test(frac)) return notNumber;
    if (whole.includes(grouping)) {
      if (!new RegExp(`^\\d{1,3}(\\${grouping}\\d{3})+$`).test(whole)) return notNumber;
      whole = whole.split(grouping).join('');
    }
  }
  if (frac.length > 2) {
    const value = Number(`${whole}.${frac}`);
    const cents = Math.round(value * 100);
    // Only machine noise is forgiven: a person who types 12,345 meant something and is asked.
    if (frac.length < 9 || Math.abs(value * 100 - cents) > 1e-6)
      return { ok: false, message: 'не больше двух знаков после запятой (копейки)' };
    return bounded(cents);
  }
  return bounded(Number(whole) * 100 + Number(frac.padEnd(2, '0')));
}

function bounded(kopecks: number): PriceParse {
  if (!Number.isSafeInteger(kopecks) || kopecks > MAX_PRICE_KOPECKS)
    return { ok: false, message: 'слишком большая цена: проверьте, что она указана в рублях' };
  if (kopecks <= 0) return { ok: false, message: 'цена должна быть больше нуля' };
  return { ok: true, kopecks };
}

/** 123450 → "1234,50": how a price goes back into the editor and the downloaded file. */
export function kopecksToPriceText(kopecks: Kopecks): string {
  return `${Math.trunc(kopecks / 100)},${String(kopecks % 100).padStart(2, '0')}`;
}
