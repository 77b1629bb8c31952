import type { FiscalReceiptItem } from '../receipts/fiscal-receipt.ts';
import { compareServices, kindsFit, objectsOverlap, saysNoMoreThan } from '../services/compare-services.ts';
import { type Qualifiers, qualifierFit, qualifiersOfCode, statedFit } from '../services/qualifiers.ts';
import { readServiceName, type ServiceIdentity } from '../services/read-service-name.ts';
import type { GuaranteeLetterItem } from './letter.ts';

/** How one receipt item relates to the letter. Price never produces a match, it only breaks ties. */
export type MatchResult =
  | { kind: 'matched'; line: number }
  | { kind: 'unidentified' }
  | { kind: 'ambiguous'; lines: number[] }
  | { kind: 'near_miss'; lines: number[] }
  | { kind: 'not_in_letter' };

export interface PreparedLine {
  item: GuaranteeLetterItem;
  name: ServiceIdentity;
  /** What the line's 804н code says of it beyond its name: B01.xxx.001 is a first visit. */
  implied: Qualifiers;
  code: string | null;
  clinicCode: string | null;
  /** Fits of item names already compared with this line: tills repeat the same names. */
  fits: WeakMap<ServiceIdentity, Fit>;
}

/** How well an item fits one line; higher is better. */
const FIT = { none: 0, weak: 1, near: 2, truncated: 3, exact: 4, code: 5 } as const;
type Fit = (typeof FIT)[keyof typeof FIT];

// A till keeps at least this much of a name when it truncates; shorter prefixes name too little.
const MIN_TRUNCATED_CHARS = 20;
// The shortest line width of tills seen in the wild, less a margin for the clinic's numbering.
const TILL_CUT_CHARS = 40;

const prepared = new WeakMap<readonly GuaranteeLetterItem[], PreparedLine[]>();

/** Reads the letter's lines once per letter object: one letter serves many receipts. */
export function prepareLines(items: readonly GuaranteeLetterItem[]): PreparedLine[] {
  const cached = prepared.get(items);
  if (cached) return cached;
  const lines = items.map((item) => {
    const name = readServiceName(item.name);
    const code = item.code ?? name.codes[0] ?? null;
    const clinicCode = item.clinicCode?.trim().toLowerCase() || name.clinicCode;
    return { item, name, implied: qualifiersOfCode(code), code, clinicCode, fits: new WeakMap() };
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

/** The whole word of `text` in which position `at` falls (a cut between words gives the word before). */
function wordAt(text: string, at: number): string {
  const start = text.lastIndexOf(' ', at - 1) + 1;
  const end = text.indexOf(' ', at);
  return text.slice(start, end < 0 ? text.length : end);
}

/** The one word of `words` that `partial` begins, when exactly one does and `partial` is no word itself. */
function onlyCompletion(words: readonly string[], partial: string): string | null {
  let found: string | null = null;
  for (const w of words) {
    if (w === partial) return null;
    if (!w.startsWith(partial)) continue;
    if (found !== null) return null;
    found = w;
  }
  return found;
}

/**
 * A till name cut short (tills print 48–64 characters). A cut inside a word is plainly the till's doing:
 * the cut word is completed from the line when exactly one of its words begins so, and the qualifiers
 * the line states after the cut are not asked for. A cut between words that drops a qualifier the line
 * has cannot be told from a till name that simply omits it, so it is not trusted to pay.
 */
function truncationFit(item: ServiceIdentity, line: ServiceIdentity, implied: Qualifiers): Fit {
  if (item.text.length >= line.text.length) return FIT.none;
  const prefix = line.text.startsWith(item.text);
  if (item.rawLength < TILL_CUT_CHARS) return prefix ? FIT.weak : FIT.none;
  const cut = item.text.lastIndexOf(' ');
  const partial = item.text.slice(cut + 1);
  const completion = prefix ? wordAt(line.text, item.text.length) : onlyCompletion(line.words, partial);
  const midWord = completion !== null && completion !== partial;
  if (!prefix && !midWord) return FIT.none;
  if (item.text.length < MIN_TRUNCATED_CHARS) return FIT.weak;
  const head = midWord ? readServiceName(`${item.text.slice(0, cut + 1)}${completion}`) : item;
  if (head.generic) return FIT.weak;
  if (!kindsFit(head.kind ?? line.kind, line.kind)) return FIT.none;
  if (!head.object.every((s) => line.object.includes(s))) return prefix ? FIT.none : FIT.near;
  const q = midWord
    ? statedFit(head.qualifiers, line.qualifiers, implied)
    : qualifierFit(head.qualifiers, line.qualifiers, implied);
  return q === 'agree' ? FIT.truncated : FIT.near;
}

function nameFit(item: ServiceIdentity, line: PreparedLine): Fit {
  const fit = compareServices(item, line.name, line.implied);
  if (fit === 'same') return FIT.exact;
  const truncated = truncationFit(item, line.name, line.implied);
  if (truncated > FIT.weak) return truncated;
  return fit === 'near' ? FIT.near : truncated;
}

function fit(item: ServiceIdentity, line: PreparedLine): Fit {
  let f = line.fits.get(item);
  if (f === undefined) {
    f = computeFit(item, line);
    line.fits.set(item, f);
  }
  return f;
}

function computeFit(item: ServiceIdentity, line: PreparedLine): Fit {
  if (item.codes.length === 0 || line.code === null) return nameFit(item, line);
  const code = line.code;
  if (item.codes.includes(code)) {
    const conflict = qualifierFit(item.qualifiers, line.name.qualifiers, line.implied) === 'conflict';
    return conflict || !objectsOverlap(item, line.name) ? FIT.near : FIT.code;
  }
  if (item.codes.some((c) => sameCodeFamily(c, code))) return FIT.near;
  // The code names another service: a matching name alone is not enough to pay.
  return nameFit(item, line) >= FIT.truncated ? FIT.near : FIT.none;
}

/** The single candidate that the clinic code, then the price, singles out; otherwise null. */
function settle(
  item: FiscalReceiptItem,
  name: ServiceIdentity,
  candidates: PreparedLine[],
): PreparedLine | null {
  const byClinicCode = candidates.filter((c) => name.clinicCode !== null && c.clinicCode === name.clinicCode);
  if (byClinicCode.length === 1) return byClinicCode[0]!;
  const pool = byClinicCode.length > 1 ? byClinicCode : candidates;
  const byPrice = pool.filter((c) => c.item.price === item.price);
  return byPrice.length === 1 ? byPrice[0]! : null;
}

/**
 * A generic name («Консультация специалиста», «УЗИ (1 зона)») never says which line it is, so it is
 * never paid by the engine: ambiguous when it fits several lines of its kind that its price does not
 * tell apart, unidentified when it fits one (or names no kind at all), not in the letter when none.
 */
function matchGeneric(
  item: FiscalReceiptItem,
  name: ServiceIdentity,
  lines: readonly PreparedLine[],
): MatchResult {
  if (name.kind === null) return { kind: 'unidentified' };
  const fitting = lines.filter(
    (l) =>
      l.name.kind === name.kind && qualifierFit(name.qualifiers, l.name.qualifiers, l.implied) !== 'conflict',
  );
  if (fitting.length === 0) return { kind: 'not_in_letter' };
  if (fitting.length === 1) return { kind: 'unidentified' };
  const byPrice = fitting.filter((l) => l.item.price === item.price);
  if (byPrice.length === 1) return { kind: 'unidentified' };
  return { kind: 'ambiguous', lines: fitting.map((l) => l.item.line) };
}

/**
 * Whether the till may have cut a longer line's name down to this item: tills print 48–64 characters, so
 * a name that long which begins the line's name could be that line too («Прием врача-офтальмолога
 * первичный» and «… первичный с расширением зрачка»), whatever it matches in full.
 */
function mayBeCutFrom(name: ServiceIdentity, line: PreparedLine): boolean {
  return (
    name.rawLength >= TILL_CUT_CHARS &&
    name.text.length < line.name.text.length &&
    line.name.text.startsWith(name.text)
  );
}

export function matchItem(item: FiscalReceiptItem, lines: readonly PreparedLine[]): MatchResult {
  const name = readServiceName(item.name);
  if (name.generic && name.codes.length === 0) return matchGeneric(item, name, lines);
  let best: Fit = FIT.none;
  let candidates: PreparedLine[] = [];
  const near: PreparedLine[] = [];
  let weak = false;
  for (const line of lines) {
    const f = fit(name, line);
    if (f === FIT.near) near.push(line);
    if (f === FIT.weak) weak = true;
    if (f < FIT.truncated || f < best) continue;
    if (f > best) {
      best = f;
      candidates = [];
    }
    candidates.push(line);
  }
  if (candidates.length > 0 && name.codes.length === 0) {
    // A name the till may have cut from another line is a tie with it, for the price to settle.
    const cut = lines.filter((l) => !candidates.includes(l) && mayBeCutFrom(name, l));
    candidates = [...candidates, ...cut].sort((a, b) => a.item.line - b.item.line);
  }
  if (candidates.length === 1) return { kind: 'matched', line: candidates[0]!.item.line };
  if (candidates.length > 1) {
    const chosen = settle(item, name, candidates);
    if (chosen) return { kind: 'matched', line: chosen.item.line };
    return { kind: 'ambiguous', lines: candidates.map((c) => c.item.line) };
  }
  if (near.length > 1 && near.every((l) => saysNoMoreThan(name, l.name, l.implied))) {
    // Less than any of several lines says, and the price does not point to one: which is it?
    if (near.filter((l) => l.item.price === item.price).length !== 1) {
      return { kind: 'ambiguous', lines: near.map((l) => l.item.line) };
    }
  }
  if (near.length > 0) return { kind: 'near_miss', lines: near.map((l) => l.item.line) };
  if (weak) return { kind: 'unidentified' };
  return { kind: 'not_in_letter' };
}
