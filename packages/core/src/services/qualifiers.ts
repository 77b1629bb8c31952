import { FRACTION_ANALYTES } from './lexicon.ts';

/**
 * Qualifiers: the words that make a different service of the same kind and object. Each axis has the
 * value a name means when it says nothing (`DEFAULTS`): a visit without «детский» is an adult's, a
 * service without «на дому» is given in the clinic. Axes without a default (visit, side, projections)
 * are unknown when absent.
 */
export interface Qualifiers {
  visit?: 'first' | 'repeat';
  age?: 'adult' | 'child';
  anaesthesia?: 'with' | 'without';
  side?: 'left' | 'right' | 'both' | 'one';
  place?: 'home' | 'clinic';
  urgency?: 'cito' | 'planned';
  contrast?: 'with' | 'without';
  /** Number of anatomical zones (MRI, CT, ultrasound). */
  zones?: string;
  projections?: string;
  /** An ECG's interpretation: «с расшифровкой» / «без расшифровки». */
  interpretation?: 'with' | 'without';
  /** The class of an immunoglobulin or antibody: IgG, IgM, IgA, IgE («Иммуноглобулин А»). */
  immunoglobulin?: string;
  /** Which fraction of an analyte (FRACTION_ANALYTES): «Т4 свободный», «Билирубин прямой». */
  fraction?: 'total' | 'free' | 'direct' | 'indirect' | 'bound' | 'ionized';
  /** A test after a load («Глюкоза с нагрузкой», «Инсулин после нагрузки»). */
  load?: 'with' | 'without';
}
export type QualifierAxis = keyof Qualifiers;
export const QUALIFIER_AXES: readonly QualifierAxis[] = [
  'visit',
  'age',
  'anaesthesia',
  'side',
  'place',
  'urgency',
  'contrast',
  'zones',
  'projections',
  'interpretation',
  'immunoglobulin',
  'fraction',
  'load',
];

export const DEFAULTS: Readonly<Qualifiers> = {
  age: 'adult',
  anaesthesia: 'without',
  place: 'clinic',
  urgency: 'planned',
  contrast: 'without',
  zones: '1',
  interpretation: 'with',
  load: 'without',
};

const NUMBER_WORDS: Readonly<Record<string, string>> = {
  одна: '1',
  одной: '1',
  одну: '1',
  один: '1',
  одного: '1',
  две: '2',
  два: '2',
  двух: '2',
  три: '3',
  трех: '3',
  четыре: '4',
  четырех: '4',
};

// One test that rules out most words before the specific patterns below.
const HINT =
  /^(перв|повт|взр|дет|реб|млад|новор|подрост|анес|обез|нарк|седа|сне|лев|прав|слев|справ|двус|обе|обо|оба|сторон|билат|дом|выезд|надом|клиник|поликлин|амбулат|cito|цито|срочн|экспресс|планов|контраст|зон|проекц|расшифр|описан|интерпрет|~|общ|свобод|прям|непрям|связан|ионизир|нагруз)/;

const FRACTIONS: readonly [RegExp, NonNullable<Qualifiers['fraction']>][] = [
  [/^общ/, 'total'],
  [/^свобод/, 'free'],
  [/^прям/, 'direct'],
  [/^непрям/, 'indirect'],
  [/^связан/, 'bound'],
  [/^ионизир/, 'ionized'],
];

/** Readers of one word in its context; each returns the axis and value it sets, or null. */
function readWord(words: readonly string[], k: number): [QualifierAxis, string, number[]] | null {
  const w = words[k]!;
  const prev = words[k - 1];
  const prev2 = words[k - 2];
  if (!HINT.test(w)) return null;
  if (/^~[agmed]$/.test(w) && prev !== undefined && /^(иммуноглобулин|класс)/.test(prev)) {
    return ['immunoglobulin', w.slice(1), [k]];
  }
  const fraction = FRACTIONS.find(([re]) => re.test(w));
  // Said next to its analyte: «Общий анализ мочи (… белок …)» is no fraction of protein.
  const analyte = (x: string | undefined) =>
    x !== undefined && FRACTION_ANALYTES.some((a) => x.startsWith(a));
  if (fraction && (analyte(prev) || analyte(words[k + 1]))) {
    return ['fraction', fraction[1], [k]];
  }
  if (/^нагрузк/.test(w) && (prev === 'с' || prev === 'без' || prev === 'после')) {
    return ['load', prev === 'без' ? 'without' : 'with', [k - 1, k]];
  }
  if (/^первичн/.test(w)) return ['visit', 'first', [k]];
  if (/^повторн/.test(w)) return ['visit', 'repeat', [k]];
  if (/^взросл/.test(w)) return ['age', 'adult', [k]];
  if (/^(детск|дет(и|ей|ям|ях)?$|ребен|младен|новорожд|подрост)/.test(w)) return ['age', 'child', [k]];
  if (/^(анестез|обезбол|наркоз|седаци)/.test(w) && !/^анестезиолог/.test(w)) {
    return ['anaesthesia', prev === 'без' || prev2 === 'без' ? 'without' : 'with', [k]];
  }
  if (w === 'сне' && prev === 'во') return ['anaesthesia', 'with', [k - 1, k]];
  if (/^лев(ый|ая|ое|ого|ой|ую|ые|ых|ым|ом|ого)?$/.test(w)) return ['side', 'left', [k]];
  if (/^прав(ый|ая|ое|ого|ой|ую|ые|ых|ым|ом)?$/.test(w)) return ['side', 'right', [k]];
  if (w === 'слева') return ['side', 'left', [k]];
  if (w === 'справа') return ['side', 'right', [k]];
  if (/^(двусторон|билатерал)/.test(w) || /^(обеих|обоих|обе|оба)$/.test(w)) return ['side', 'both', [k]];
  if (/^сторон/.test(w)) {
    // «с двух сторон», «с одной стороны», «2 стороны»
    const n = prev === undefined ? undefined : /^\d+$/.test(prev) ? prev : NUMBER_WORDS[prev];
    if (n === '1') return ['side', 'one', [k - 1, k]];
    if (n === '2') return ['side', 'both', [k - 1, k]];
    return null;
  }
  if (/^(дому|дом)$/.test(w) && (prev === 'на' || prev === 'с')) return ['place', 'home', [k]];
  if (/^(выезд|надомн)/.test(w)) return ['place', 'home', [k]];
  if (/^(клиник|поликлиник|амбулатор)/.test(w)) return ['place', 'clinic', [k]];
  // «цитология» is not «цито»: the Latin and Russian words only whole.
  if (/^(cito|цито)$/.test(w) || /^(срочн|экспресс)/.test(w)) return ['urgency', 'cito', [k]];
  if (/^планов/.test(w)) return ['urgency', 'planned', [k]];
  if (/^контраст/.test(w)) return ['contrast', prev === 'без' || prev2 === 'без' ? 'without' : 'with', [k]];
  if (/^(расшифр|описан|интерпрет)/.test(w)) {
    return ['interpretation', prev === 'без' || prev2 === 'без' ? 'without' : 'with', [k]];
  }
  if (/^(зон|проекц)/.test(w)) {
    const axis: QualifierAxis = w.startsWith('зон') ? 'zones' : 'projections';
    // «1 зона», «одна анатомическая зона»: the number stands at most two words before.
    for (const at of [k - 1, k - 2]) {
      const before = words[at];
      const n = before === undefined ? undefined : /^\d+$/.test(before) ? before : NUMBER_WORDS[before];
      if (n !== undefined) return [axis, String(Number(n)), at === k - 1 ? [at, k] : [at, at + 1, k]];
    }
    const next = words[k + 1];
    if (next !== undefined && /^\d+$/.test(next)) return [axis, String(Number(next)), [k, k + 1]];
    return null;
  }
  return null;
}

/** The qualifiers a name states, and the positions of the words that state them. */
export function readQualifiers(words: readonly string[]): { qualifiers: Qualifiers; used: Set<number> } {
  const qualifiers: Qualifiers = {};
  const used = new Set<number>();
  for (let k = 0; k < words.length; k++) {
    const q = readWord(words, k);
    if (!q) continue;
    (qualifiers as Record<string, string>)[q[0]] = q[1];
    for (const at of q[2]) used.add(at);
  }
  return { qualifiers, used };
}

/** What a 804н code says of the visit: B01.xxx.001 is a first visit, .002 a repeat one. */
export function qualifiersOfCode(code: string | null): Qualifiers {
  const m = code ? /^B01\.\d{2,3}\.(\d{3})$/.exec(code) : null;
  if (m?.[1] === '001') return { visit: 'first' };
  if (m?.[1] === '002') return { visit: 'repeat' };
  return {};
}

export type QualifierFit = 'agree' | 'missing' | 'conflict';

/**
 * For a name the till cut short: only what it still states is compared (with the line's value, its
 * code's or the default); what the line states after the cut is not asked for.
 */
export function statedFit(item: Qualifiers, line: Qualifiers, implied: Qualifiers = {}): QualifierFit {
  for (const axis of QUALIFIER_AXES) {
    const i = item[axis];
    if (i === undefined) continue;
    const l = line[axis] ?? implied[axis] ?? DEFAULTS[axis];
    if (l !== undefined && l !== i) return 'conflict';
    if (l === undefined) return 'missing';
  }
  return 'agree';
}

/**
 * Whether an item's qualifiers fit a letter line's. Defaults fill silent axes; on the others a qualifier
 * said on one side only is 'missing' — even a side the letter left open: when unsure, a person decides.
 * First or repeat must be stated alike on both sides, or by the line's code (`implied`).
 */
export function qualifierFit(item: Qualifiers, line: Qualifiers, implied: Qualifiers = {}): QualifierFit {
  let result: QualifierFit = 'agree';
  for (const axis of QUALIFIER_AXES) {
    // What only the line's code says (B01.xxx.001: first visit) binds an item that says otherwise,
    // but an item as silent as the line's name is the same service.
    if (item[axis] === undefined && line[axis] === undefined) continue;
    const i = item[axis] ?? DEFAULTS[axis];
    const l = line[axis] ?? implied[axis] ?? DEFAULTS[axis];
    if (i === l) continue;
    if (i !== undefined && l !== undefined) return 'conflict';
    result = 'missing';
  }
  return result;
}
