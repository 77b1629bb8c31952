/**
 * A second measure on the same real names: each price-list name is printed the ways tills print names
 * (upper case, the clinic's numbering, doubled spaces, quotes, ё, abbreviations, cut at 48, 56 and 64
 * characters) and matched against a letter of it and its neighbours in the same price list, which are
 * often its own variants. The till charges the letter's price, as real tills do. A rendering matched to
 * another line would pay for the wrong service.
 */
import { readFileSync } from 'node:fs';
import { type MatchResult, matchItem, prepareLines, type QualifierAxis, readServiceName } from '@remed/core';

interface RealName {
  source: string;
  name: string;
  code?: string;
  clinicCode?: string;
  priceRub?: number;
}

const ABBREVIATIONS: readonly [RegExp, string][] = [
  [/(?<![а-яё])врача(?![а-яё])/giu, 'вр.'],
  [/консультация/giu, 'конс.'],
  [/первичный/giu, 'перв.'],
  [/повторный/giu, 'повт.'],
  [/ультразвуковое исследование/giu, 'УЗИ'],
  [/исследование/giu, 'иссл.'],
  [/определение/giu, 'опр.'],
];
const TILL_WIDTHS = [48, 56, 64];

function renderings(n: RealName): string[] {
  let abbreviated = n.name;
  for (const [re, short] of ABBREVIATIONS) abbreviated = abbreviated.replace(re, short);
  const out = [
    n.name.toUpperCase(),
    `${n.clinicCode ?? '1.01'} ${n.name}`,
    n.name.replace(/ /g, '  '),
    `«${n.name}»`,
    n.name.replace(/е/g, 'ё'),
    abbreviated,
  ];
  for (const width of TILL_WIDTHS) if (n.name.length > width + 4) out.push(n.name.slice(0, width));
  return out;
}

/** Another variant of the same service, made from the real name the way §5 says is a different service. */
const VARIANTS: readonly [RegExp, string][] = [
  [/первичн(ый|ая|ое)/iu, 'повторный'],
  [/повторн(ый|ая|ое)/iu, 'первичный'],
  [/врача-(?!детского)/iu, 'врача-детского '],
  [/(?<![а-яё])с анестезией/iu, 'без анестезии'],
  [/(?<![а-яё])лев(ого|ой|ый|ая)/iu, 'правого'],
  [/(?<![а-яё])прав(ого|ой|ый|ая)/iu, 'левого'],
  [/\(?1 зона\)?/iu, '(2 зоны)'],
  [/одной проекции/iu, 'двух проекциях'],
];
const ADDITIONS: readonly [QualifierAxis, string][] = [
  ['place', ' на дому'],
  ['urgency', ' (cito)'],
  ['contrast', ' с контрастированием'],
  ['side', ' (обе стороны)'],
];

function variantsOf(n: RealName): string[] {
  // An addition makes a variant only where the name says nothing of that axis («Экспресс-…» is cito).
  const said = readServiceName(n.name).qualifiers;
  const out = VARIANTS.filter(
    ([re, other]) => re.test(n.name) && !(said.age === 'child' && /детск/.test(other)),
  ).map(([re, other]) => n.name.replace(re, other));
  for (const [axis, addition] of ADDITIONS) if (said[axis] === undefined) out.push(`${n.name}${addition}`);
  return out;
}

/**
 * Variants of each real name (first ↔ repeat, adult → child, with → without anaesthesia, side, zones,
 * projections, at home, cito, contrast, both sides) against a letter of that name alone: none may be paid
 * as the letter's line.
 */
export function scoreVariants(namesFile: string) {
  const names = JSON.parse(readFileSync(namesFile, 'utf8')) as RealName[];
  const paid: { till: string; name: string }[] = [];
  let total = 0;
  for (const n of names) {
    const lines = prepareLines([
      { line: 1, name: n.name, code: n.code ?? null, price: 100_000, quantity: 1 },
    ]);
    for (const till of variantsOf(n)) {
      total++;
      if (matchItem({ name: till, price: 100_000, quantity: 1, sum: 100_000 }, lines).kind === 'matched') {
        paid.push({ till, name: n.name });
      }
    }
  }
  return { total, paid };
}

type RenderingOutcome = 'right' | 'wrong_line' | Exclude<MatchResult['kind'], 'matched'>;

export function scoreRenderings(namesFile: string) {
  const names = JSON.parse(readFileSync(namesFile, 'utf8')) as RealName[];
  const bySource = new Map<string, RealName[]>();
  for (const n of names) bySource.set(n.source, [...(bySource.get(n.source) ?? []), n]);
  const counts: Record<RenderingOutcome, number> = {
    right: 0,
    wrong_line: 0,
    near_miss: 0,
    ambiguous: 0,
    unidentified: 0,
    not_in_letter: 0,
  };
  const wrong: { till: string; name: string; got: string }[] = [];
  for (const list of bySource.values()) {
    list.forEach((n, k) => {
      const neighbours = list.slice(Math.max(0, k - 2), k + 3);
      const items = neighbours.map((m, i) => ({
        line: i + 1,
        name: m.name,
        code: m.code ?? null,
        price: (m.priceRub ?? 1000) * 100,
        quantity: 1,
      }));
      const lines = prepareLines(items);
      const own = neighbours.indexOf(n) + 1;
      const price = items[own - 1]!.price;
      for (const till of renderings(n)) {
        const m = matchItem({ name: till, price, quantity: 1, sum: price }, lines);
        const outcome: RenderingOutcome =
          m.kind !== 'matched' ? m.kind : m.line === own ? 'right' : 'wrong_line';
        counts[outcome]++;
        if (m.kind === 'matched' && outcome === 'wrong_line') {
          wrong.push({ till, name: n.name, got: neighbours[m.line - 1]!.name });
        }
      }
    });
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return { total, counts, wrong };
}
