/**
 * Turns a free-text service name (a till's receipt line or a letter line) into a comparable identity:
 * the normalised text (for truncation), the "family" (content word stems, order-free) and the
 * qualifiers that make a different service (первичный/повторный, взрослый/детский, anaesthesia, side).
 */

export interface Qualifiers {
  visit?: 'first' | 'repeat';
  age?: 'adult' | 'child';
  anaesthesia?: 'with' | 'without';
  side?: 'left' | 'right' | 'both';
}
export type QualifierAxis = keyof Qualifiers;
export const QUALIFIER_AXES: readonly QualifierAxis[] = ['visit', 'age', 'anaesthesia', 'side'];

export interface ServiceName {
  /** Lower-case words, abbreviations expanded, codes and clinic prefixes removed. */
  text: string;
  /** Sorted unique stems of the content words (no filler, no qualifiers). */
  familyKey: string;
  family: readonly string[];
  /** Family of all words but the last, which a till may have cut in the middle. */
  headFamily: readonly string[];
  qualifiers: Qualifiers;
  /** 804н codes found in the name. */
  codes: readonly string[];
  /** A leading clinic price-list code such as `1.01`. */
  clinicCode: string | null;
  /** Names no identifiable service ("Медицинская услуга", "Оплата по счёту № 5"). */
  generic: boolean;
}

// Cyrillic А/В typed instead of Latin A/B are common in till names.
const CODE_RE = /(?<![\p{L}\d])([AaАаBbВв])\s?(\d{2}\.\d{2,3}\.\d{3}(?:\.\d{3})?)(?![\d.]*\d)/gu;
const CLINIC_CODE_RE = /^\s*[[(]?\s*((?:[A-Za-zА-Яа-я]{1,3}[-.]?)?\d+(?:[./-]\d+)*)\s*[\])]?\s*[-–—:.]?\s+/u;

const ABBREVIATIONS: Readonly<Record<string, string>> = {
  конс: 'консультация',
  консульт: 'консультация',
  перв: 'первичный',
  первич: 'первичный',
  повт: 'повторный',
  повтор: 'повторный',
  осм: 'осмотр',
  вр: 'врача',
  взр: 'взрослый',
  иссл: 'исследование',
  узи: 'ультразвуковое исследование',
  оак: 'общий клинический анализ крови',
  оам: 'общий анализ мочи',
  экг: 'электрокардиография',
  мрт: 'магнитно резонансная томография',
  кт: 'компьютерная томография',
};

// Words that name the form of a visit or join words, not the service itself.
const FILLER = new Set([
  'прием',
  'осмотр',
  'консультац',
  'врач',
  'и',
  'или',
  'в',
  'во',
  'на',
  'по',
  'для',
  'с',
  'со',
  'без',
  'от',
  'до',
  'под',
  // Also the stem of "прием" itself.
  'при',
  'к',
  'о',
  'об',
  'из',
  'за',
  'у',
]);

// Words that, with filler, make a name say nothing about which service was given.
const GENERIC = new Set([
  'медицинск',
  'услуг',
  'платн',
  'оплат',
  'предоплат',
  'доплат',
  'аванс',
  'счет',
  'договор',
  'номер',
  'пациент',
  'лечен',
  'товар',
]);

// Longest first, so that the longest ending is the one removed.
const ENDINGS = [
  'иями',
  'ями',
  'ами',
  'ого',
  'его',
  'ому',
  'ему',
  'ыми',
  'ими',
  'ием',
  'иям',
  'иях',
  'ия',
  'ие',
  'ии',
  'ию',
  'ой',
  'ей',
  'ый',
  'ий',
  'ая',
  'яя',
  'ое',
  'ее',
  'ые',
  'ых',
  'их',
  'ым',
  'им',
  'ую',
  'юю',
  'ом',
  'ем',
  'ам',
  'ям',
  'ах',
  'ях',
  'ов',
  'ев',
  'ью',
  'а',
  'я',
  'о',
  'е',
  'ы',
  'и',
  'у',
  'ю',
  'ь',
  'й',
];

// Endings grouped by their last letter, so a word is tried only against endings that can fit.
const ENDINGS_BY_LAST = new Map<string, string[]>();
for (const e of ENDINGS) {
  const last = e[e.length - 1]!;
  ENDINGS_BY_LAST.set(last, [...(ENDINGS_BY_LAST.get(last) ?? []), e]);
}

/** A light suffix stripper: enough to equate "терапевта"/"терапевт", "крови"/"кровь". */
export function stem(word: string): string {
  if (word.length < 4) return word;
  const candidates = ENDINGS_BY_LAST.get(word[word.length - 1]!);
  if (!candidates) return word;
  for (const e of candidates) {
    if (word.length - e.length >= 3 && word.endsWith(e)) return word.slice(0, -e.length);
  }
  return word;
}

const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  k: 'к',
  m: 'м',
  t: 'т',
  h: 'н',
  b: 'в',
};

/** Latin look-alikes inside Cyrillic words ("Cергеевна") become Cyrillic. */
function fixMixedScript(word: string): string {
  if (!/[а-я]/.test(word) || !/[a-z]/.test(word)) return word;
  return word.replace(/[a-z]/g, (ch) => LATIN_TO_CYRILLIC[ch] ?? ch);
}

// One test that rules out most words before the specific patterns below.
const QUALIFIER_HINT = /^(перв|повт|взр|дет|реб|анес|обез|нарк|седа|лев|прав|двус|обе|обо)/;

function qualifierOf(word: string, previous: string | undefined): [QualifierAxis, string] | null {
  if (!QUALIFIER_HINT.test(word)) return null;
  if (/^первичн/.test(word)) return ['visit', 'first'];
  if (/^повторн/.test(word)) return ['visit', 'repeat'];
  if (/^взросл/.test(word)) return ['age', 'adult'];
  if (/^(детск|дет(и|ей|ям)?$|ребен)/.test(word)) return ['age', 'child'];
  if (/^(анестез|обезбол|наркоз|седаци)/.test(word)) {
    return ['anaesthesia', previous === 'без' ? 'without' : 'with'];
  }
  if (/^лев(ый|ая|ое|ого|ой|ую|ые|ых|ым|ом)?$/.test(word)) return ['side', 'left'];
  if (/^прав(ый|ая|ое|ого|ой|ую|ые|ых|ым|ом)?$/.test(word)) return ['side', 'right'];
  if (/^(двусторон|обеих|обоих)/.test(word)) return ['side', 'both'];
  return null;
}

function extractCodes(raw: string): { codes: string[]; rest: string } {
  const codes: string[] = [];
  const rest = raw.replace(CODE_RE, (_m, letter: string, digits: string) => {
    codes.push(`${/[AaАа]/.test(letter) ? 'A' : 'B'}${digits}`);
    return ' ';
  });
  return { codes, rest };
}

function words(text: string): string[] {
  const out: string[] = [];
  // Service names are Russian with some Latin: other scripts are dropped with the punctuation.
  for (const w of text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^a-zа-я0-9]+/)) {
    if (!w) continue;
    const fixed = fixMixedScript(w);
    const expansion = ABBREVIATIONS[fixed];
    if (expansion) out.push(...expansion.split(' '));
    else out.push(fixed);
  }
  return out;
}

/** Sorted unique content stems of all words, and of all words but the last. */
function familiesOf(tokens: readonly string[], qualifierAt: ReadonlySet<number>): [string[], string[]] {
  const all = new Set<string>();
  const head = new Set<string>();
  tokens.forEach((t, i) => {
    if (qualifierAt.has(i)) return;
    const s = stem(t);
    if (FILLER.has(s)) return;
    all.add(s);
    if (i < tokens.length - 1) head.add(s);
  });
  return [[...all].sort(), [...head].sort()];
}

function normalise(raw: string): ServiceName {
  const { codes, rest } = extractCodes(raw);
  // What is left of "[A04.16.001] 3.10 Name" starts with "[ ]": drop it so the clinic code is seen.
  const trimmed = rest.replace(/^[\s[\]().,:;-]+/, '');
  const prefix = CLINIC_CODE_RE.exec(trimmed);
  const body = prefix ? trimmed.slice(prefix[0].length) : trimmed;
  const tokens = words(body);
  const qualifiers: Qualifiers = {};
  const qualifierAt = new Set<number>();
  tokens.forEach((t, i) => {
    const q = qualifierOf(t, tokens[i - 1]);
    if (!q) return;
    (qualifiers as Record<string, string>)[q[0]] = q[1];
    qualifierAt.add(i);
  });
  const [family, headFamily] = familiesOf(tokens, qualifierAt);
  return {
    text: tokens.join(' '),
    familyKey: family.join(' '),
    family,
    headFamily,
    qualifiers,
    codes,
    clinicCode: prefix ? prefix[1]!.toLowerCase() : null,
    generic: family.every((s) => GENERIC.has(s) || /^\d+$/.test(s)),
  };
}

// Tills print the same few hundred names over and over; remembering them keeps adjudication cheap.
// Bounded so that a stream of unique names cannot grow memory without end.
const MEMO_LIMIT = 10_000;
const memo = new Map<string, ServiceName>();

/** Normalised identity of a service name; results are shared and must not be mutated. */
export function normaliseServiceName(raw: string): ServiceName {
  const hit = memo.get(raw);
  if (hit) return hit;
  const name = normalise(raw);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(raw, name);
  return name;
}

/** Forgets remembered names (for measuring the cold path). */
export function clearServiceNameMemo(): void {
  memo.clear();
}
