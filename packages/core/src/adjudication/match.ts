import type { FiscalReceiptItem } from '../receipts/fiscal-receipt.ts';
import type { GuaranteeLetterItem } from './letter.ts';
import { normaliseServiceName, QUALIFIER_AXES, type Qualifiers, type ServiceName } from './normalise-name.ts';

/** How one receipt item relates to the letter. Price never produces a match, it only breaks ties. */
export type MatchResult =
  | { kind: 'matched'; line: number }
  | { kind: 'unidentified' }
  | { kind: 'ambiguous'; lines: number[] }
  | { kind: 'near_miss'; lines: number[] }
  | { kind: 'not_in_letter' };

export interface PreparedLine {
  item: GuaranteeLetterItem;
  name: ServiceName;
  code: string | null;
  clinicCode: string | null;
}

/** How well an item fits one line; higher is better. */
const FIT = { none: 0, weak: 1, near: 2, truncated: 3, exact: 4, code: 5 } as const;
type Fit = (typeof FIT)[keyof typeof FIT];

// A till keeps at least this much of a name when it truncates; shorter prefixes name too little.
const MIN_TRUNCATED_CHARS = 20;

const prepared = new WeakMap<readonly GuaranteeLetterItem[], PreparedLine[]>();

/** Normalises the letter's lines once per letter object: one letter serves many receipts. */
export function prepareLines(items: readonly GuaranteeLetterItem[]): PreparedLine[] {
  const cached = prepared.get(items);
  if (cached) return cached;
  const lines = items.map((item) => {
    const name = normaliseServiceName(item.name);
    return {
      item,
      name,
      code: item.code ?? name.codes[0] ?? null,
      clinicCode: item.clinicCode?.trim().toLowerCase() || name.clinicCode,
    };
  });
  prepared.set(items, lines);
  return lines;
}

/** 804н codes of one service family: a fourth-group variant, or a visit (B…) of the same specialty. */
export function sameCodeFamily(a: string, b: string): boolean {
  const x = a.split('.');
  const y = b.split('.');
  if (x.length === 4 && y.length === 4) return x[0] === y[0] && x[1] === y[1] && x[2] === y[2];
  return a.startsWith('B') && x[0] === y[0] && x[1] === y[1];
}

type QualifierFit = 'agree' | 'missing' | 'conflict';

/** An item may be more specific than its line; it may not contradict it or leave out what the line fixes. */
function qualifierFit(item: Qualifiers, line: Qualifiers): QualifierFit {
  let result: QualifierFit = 'agree';
  for (const axis of QUALIFIER_AXES) {
    const l = line[axis];
    const i = item[axis];
    if (l === undefined) continue;
    if (i === undefined) result = 'missing';
    else if (i !== l) return 'conflict';
  }
  return result;
}

/**
 * A till name cut short: a prefix of the letter name, long enough, and still naming the service with
 * its complete words (the last word counts only when the cut fell after it).
 */
function isTruncation(item: ServiceName, line: ServiceName): boolean {
  if (item.text.length >= line.text.length || !line.text.startsWith(item.text)) return false;
  if (item.text.length < MIN_TRUNCATED_CHARS || item.text.length * 2 < line.text.length) return false;
  return (cutMidWord(item, line) ? item.headFamily : item.family).length > 0;
}

/**
 * A cut inside a word is plainly the till's doing. A cut between words that drops a qualifier the line
 * has cannot be told from a till name that simply omits it, so it is not trusted to pay.
 */
function cutMidWord(item: ServiceName, line: ServiceName): boolean {
  return line.text[item.text.length] !== ' ';
}

function properSubset(a: readonly string[], b: readonly string[]): boolean {
  return a.length > 0 && a.length < b.length && a.every((s) => b.includes(s));
}

function nameFit(item: ServiceName, line: ServiceName): Fit {
  const q = qualifierFit(item.qualifiers, line.qualifiers);
  const truncated = isTruncation(item, line);
  if (item.familyKey && item.familyKey === line.familyKey) {
    if (q === 'agree') return FIT.exact;
    return q === 'missing' && truncated && cutMidWord(item, line) ? FIT.truncated : FIT.near;
  }
  if (item.text.length > 0 && line.text.startsWith(item.text)) {
    if (!truncated) return FIT.weak;
    return q === 'agree' || cutMidWord(item, line) ? FIT.truncated : FIT.near;
  }
  if (properSubset(item.family, line.family) || properSubset(line.family, item.family)) return FIT.near;
  return FIT.none;
}

function fit(item: ServiceName, line: PreparedLine): Fit {
  if (item.codes.length === 0 || line.code === null) return nameFit(item, line.name);
  const code = line.code;
  if (item.codes.includes(code)) {
    return qualifierFit(item.qualifiers, line.name.qualifiers) === 'conflict' ? FIT.near : FIT.code;
  }
  if (item.codes.some((c) => sameCodeFamily(c, code))) return FIT.near;
  // The code names another service: a matching name alone is not enough to pay.
  return nameFit(item, line.name) >= FIT.truncated ? FIT.near : FIT.none;
}

/** The single candidate that the clinic code, then the price, singles out; otherwise null. */
function settle(item: FiscalReceiptItem, name: ServiceName, candidates: PreparedLine[]): PreparedLine | null {
  const byClinicCode = candidates.filter((c) => name.clinicCode !== null && c.clinicCode === name.clinicCode);
  if (byClinicCode.length === 1) return byClinicCode[0]!;
  const pool = byClinicCode.length > 1 ? byClinicCode : candidates;
  const byPrice = pool.filter((c) => c.item.price === item.price);
  return byPrice.length === 1 ? byPrice[0]! : null;
}

export function matchItem(item: FiscalReceiptItem, lines: readonly PreparedLine[]): MatchResult {
  const name = normaliseServiceName(item.name);
  let best: Fit = FIT.none;
  let candidates: PreparedLine[] = [];
  const near: number[] = [];
  let weak = false;
  for (const line of lines) {
    const f = fit(name, line);
    if (f === FIT.near) near.push(line.item.line);
    if (f === FIT.weak) weak = true;
    if (f < FIT.truncated || f < best) continue;
    if (f > best) {
      best = f;
      candidates = [];
    }
    candidates.push(line);
  }
  if (candidates.length === 1) return { kind: 'matched', line: candidates[0]!.item.line };
  if (candidates.length > 1) {
    const chosen = settle(item, name, candidates);
    if (chosen) return { kind: 'matched', line: chosen.item.line };
    return { kind: 'ambiguous', lines: candidates.map((c) => c.item.line) };
  }
  if (name.generic) return { kind: 'unidentified' };
  if (near.length > 0) return { kind: 'near_miss', lines: near };
  if (weak) return { kind: 'unidentified' };
  return { kind: 'not_in_letter' };
}
