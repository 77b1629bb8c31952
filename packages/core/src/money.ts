/**
 * Money and quantities with exact integer arithmetic.
 *
 * Money is integer kopecks held in a plain `number`: every sum the platform handles is far below
 * 2^53 kopecks (≈ 90 трлн ₽), numbers serialise to JSON as they are and are much faster than bigint.
 * Intermediate products (sum × quantity) can exceed 2^53, so they switch to bigint when needed.
 *
 * Quantities are millionths of a unit (`MicroQty`, an integer `number`): the fiscal format (ФФД 1.2,
 * tag 1023) allows at most 6 decimal places, so 0.5, 1.25 or 0.308 kg are represented exactly,
 * and `min`, subtraction and comparison are plain integer operations.
 */

export type Kopecks = number;
/** A quantity in millionths of a unit: 1.25 → 1_250_000. */
export type MicroQty = number;

export const QTY_SCALE = 1_000_000;
const QTY_DECIMALS = 6;

/**
 * Integer division rounded half-up (half away from zero for negative numerators), exact for any integers.
 * Falls back to bigint only when the doubled numerator is no longer a safe integer.
 */
export function divRoundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    return Number(divRoundHalfUpBig(BigInt(numerator), BigInt(denominator)));
  }
  const negative = numerator < 0;
  const n = Math.abs(numerator);
  const twice = 2 * n + denominator;
  if (!Number.isSafeInteger(twice) || !Number.isSafeInteger(2 * denominator)) {
    return Number(divRoundHalfUpBig(BigInt(numerator), BigInt(denominator)));
  }
  const q = exactFloorDiv(twice, 2 * denominator);
  return negative ? -q : q;
}

/** floor(a / b) for safe non-negative integers; corrects the float quotient by its remainder. */
function exactFloorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  const r = a - q * b;
  if (r < 0) q -= 1;
  else if (r >= b) q += 1;
  return q;
}

export function divRoundHalfUpBig(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('Деление на ноль');
  const sign = numerator < 0n !== denominator < 0n ? -1n : 1n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  return (sign * (2n * n + d)) / (2n * d);
}

/** round(a × b / c) half-up, exact: the product goes through bigint when it would lose precision. */
export function mulDivRoundHalfUp(a: number, b: number, c: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) return divRoundHalfUp(product, c);
  return Number(divRoundHalfUpBig(BigInt(a) * BigInt(b), BigInt(c)));
}

/** `round(sum × q / quantity)`: the share of an item's sum for the part `q` of its `quantity`. */
export function prorate(sum: Kopecks, q: MicroQty, quantity: MicroQty): Kopecks {
  if (quantity <= 0) return 0;
  if (q === quantity) return sum;
  return mulDivRoundHalfUp(sum, q, quantity);
}

/** `round(price × q)` for a unit price in kopecks and a quantity in millionths. */
export function priceTimesQty(price: Kopecks, q: MicroQty): Kopecks {
  return mulDivRoundHalfUp(price, q, QTY_SCALE);
}

/** `round(amount × percent / 100)`; percent may have up to 6 decimals (7.5 % is exact). */
export function percentHalfUp(amount: Kopecks, percent: number): Kopecks {
  const micro = toMicro(percent);
  if (micro === null) throw new RangeError(`Неверный процент: ${percent}`);
  return mulDivRoundHalfUp(amount, micro, 100 * QTY_SCALE);
}

/**
 * Parses a decimal number or string into millionths exactly, through its shortest decimal text
 * (so the float 0.308 becomes 308_000, not 307_999). Returns null for non-finite values, negative
 * values, or more than 6 decimals that are not float noise.
 */
export function toMicro(value: number | string): MicroQty | null {
  const text = typeof value === 'number' ? decimalText(value) : value.trim().replace(',', '.');
  if (text === null) return null;
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const whole = m[1]!;
  const frac = m[2] ?? '';
  if (frac.length > QTY_DECIMALS) {
    return typeof value === 'number' ? fromRoundedFloat(value) : null;
  }
  const micro = Number(whole) * QTY_SCALE + Number(frac.padEnd(QTY_DECIMALS, '0'));
  return Number.isSafeInteger(micro) ? micro : null;
}

/** JSON numbers such as 0.30000000000000004 are float noise around a 6-decimal value. */
function fromRoundedFloat(value: number): MicroQty | null {
  const micro = Math.round(value * QTY_SCALE);
  return Math.abs(micro / QTY_SCALE - value) < 1e-9 * Math.max(1, value) ? micro : null;
}

function decimalText(value: number): string | null {
  if (!Number.isFinite(value) || value < 0) return null;
  const text = String(value);
  if (!text.includes('e')) return text;
  return value.toFixed(QTY_DECIMALS + 6);
}

/** 1_250_000 → "1.25" (for JSON and messages; no trailing zeros). */
export function microToString(q: MicroQty): string {
  const whole = Math.trunc(q / QTY_SCALE);
  const frac = String(Math.abs(q % QTY_SCALE))
    .padStart(QTY_DECIMALS, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/** 1_250_000 → "1,25" for Russian text. */
export function formatQty(q: MicroQty): string {
  return microToString(q).replace('.', ',');
}

const NBSP = '\u00a0';

/**
 * 310000 → "3 100,00 ₽". Groups and the sign are joined by a no-break space (U+00A0) so that a sum
 * never breaks across lines in the UI; `short` drops ",00" for whole rubles ("3 100 ₽").
 */
export function formatRub(kopecks: Kopecks, options: { short?: boolean } = {}): string {
  const negative = kopecks < 0;
  const abs = Math.abs(kopecks);
  const rubles = Math.trunc(abs / 100);
  const kop = abs % 100;
  const grouped = String(rubles).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const tail = options.short && kop === 0 ? '' : `,${String(kop).padStart(2, '0')}`;
  return `${negative ? '−' : ''}${grouped}${tail}${NBSP}₽`;
}

/** "1285.21" → 128521; null unless it is rubles with at most two decimals. */
export function parseRubles(text: string): Kopecks | null {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const k = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(k) ? k : null;
}

/** 128521 → "1285.21" (the QR and FNS notation). */
export function kopecksToRubles(kopecks: Kopecks): string {
  return `${Math.trunc(kopecks / 100)}.${String(kopecks % 100).padStart(2, '0')}`;
}
