import type { ServiceKind } from './lexicon.ts';
import { type Place, wordsOf } from './name-words.ts';
import { type Qualifiers, qualifiersOfCode, readQualifiers } from './qualifiers.ts';
import { stem } from './stem.ts';
import { stemmedLexicon } from './stemmed-lexicon.ts';
import { oneEditApart } from './typos.ts';

/**
 * What a service name says the service is: its kind and object (the family — «приём врача-терапевта»,
 * «УЗИ печени», «анализ: глюкоза»), the qualifiers that make a different service, and any 804н code.
 */
export interface ServiceIdentity {
  /** Lower-case words with abbreviations expanded, codes and the clinic's numbering removed. */
  text: string;
  /** `text` split into its words. */
  words: readonly string[];
  /** Characters of the name as printed: only a name as long as a till's line may have been cut by it. */
  rawLength: number;
  kind: ServiceKind | null;
  /**
   * Sorted unique stems and concepts that say which service of the kind it is; a word cut short with a
   * dot keeps the dot («лимф.»).
   */
  object: readonly string[];
  /** The part of `object` said outside parentheses. */
  hardObject: readonly string[];
  /** What only parentheses say: another name of the service («(ЛПНП)»), or a detail a till may drop. */
  softObject: readonly string[];
  /** The part of `softObject` said alone in a pair of parentheses. */
  aliasObject: readonly string[];
  /** Stems of words written in capitals («ЭЭГ»), and of the words such an abbreviation stands for. */
  acronyms: readonly string[];
  /** The stems of each pair of parentheses: a till drops a parenthesis whole or not at all. */
  groups: readonly (readonly string[])[];
  qualifiers: Qualifiers;
  /** 804н codes found in the name. */
  codes: readonly string[];
  /** A leading clinic price-list code such as `1.01` or `8.3.9`. */
  clinicCode: string | null;
  /** Names no identifiable service, or only a kind that needs an object («Консультация специалиста»). */
  generic: boolean;
}

// Cyrillic А/В typed instead of Latin A/B are common in till names.
const CODE_RE = /(?<![\p{L}\d])([AaАаBbВв])\s?(\d{2}\.\d{2,3}\.\d{3}(?:\.\d{3})?)(?![\d.]*\d)/gu;
const CLINIC_CODE_RE =
  /^\s*[[(№#]?\s*((?:[A-Za-zА-Яа-я]{1,3}[-.]?\d+(?:[./-][A-Za-z]{0,2}\d+)+|[A-Za-zА-Яа-я]{1,3}(?:[-.]\d+|\d{3,})|\d+(?:[./-][A-Za-z]{0,2}\d+)*))\.?\s*[\])]?\s*[-–—:.]?\s+/u;

interface Stemmed {
  stem: string;
  place: Place;
  group?: number;
  acronym?: boolean;
}

/** Removes the stems of one phrase (each once) when all are present; true when it did. */
function take(stems: Stemmed[], phrase: readonly string[]): boolean {
  // Most phrases miss their first word: one scan rules them out before the full search.
  if (!stems.some((x) => x.stem === phrase[0])) return false;
  const at: number[] = [];
  for (const s of phrase) {
    const k = stems.findIndex((x, i) => x.stem === s && !at.includes(i));
    if (k < 0) return false;
    at.push(k);
  }
  for (const k of at.sort((a, b) => b - a)) stems.splice(k, 1);
  return true;
}

function takeMistyped(stems: Stemmed[], word: string): boolean {
  if (word.length < 9) return false;
  const k = stems.findIndex((x) => x.stem.length >= 9 && oneEditApart(x.stem, word));
  if (k < 0) return false;
  stems.splice(k, 1);
  return true;
}

function groupsOf(object: readonly Stemmed[]): string[][] {
  const groups = new Map<number, Set<string>>();
  for (const o of object) {
    if (!o.group) continue;
    const g = groups.get(o.group) ?? new Set<string>();
    groups.set(o.group, g.add(o.stem));
  }
  return [...groups.values()].map((g) => [...g]);
}

/** Takes the 804н codes and the clinic's own leading code out of the name; the words are what is left. */
function splitCodes(raw: string) {
  const codes: string[] = [];
  const rest = raw.replace(CODE_RE, (_m, letter: string, digits: string) => {
    codes.push(`${/[AaАа]/.test(letter) ? 'A' : 'B'}${digits}`);
    return ' ';
  });
  // What is left of "[A04.16.001] 3.10 Name" starts with "[ ]": drop it so the clinic code is seen.
  const trimmed = rest.replace(/^[\s[\]().,:;-]+/, '');
  const prefix = CLINIC_CODE_RE.exec(trimmed);
  const words = wordsOf(prefix ? trimmed.slice(prefix[0].length) : trimmed);
  return { codes, clinicCode: prefix ? prefix[1]!.toLowerCase() : null, words };
}

/** The stems of the words the qualifiers did not take. */
function stemsOf(words: ReturnType<typeof wordsOf>, used: ReadonlySet<number>): Stemmed[] {
  const stems: Stemmed[] = [];
  words.forEach((w, k) => {
    if (used.has(k)) return;
    // Numbers left after the qualifiers took theirs tell variants apart: «до 1 часа», «1-3 часа», «2 челюсти».
    const number = /^\d+$/.test(w.text);
    const s = number
      ? `#${Number(w.text)}`
      : w.cut
        ? `${w.text}.`
        : w.text.startsWith('~')
          ? w.text
          : stem(w.text);
    // «без лейкоцитарной формулы» names the absence of what «с лейкоформулой» has.
    stems.push({
      stem: words[k - 1]?.text === 'без' ? `без:${s}` : s,
      place: w.place,
      group: w.group,
      acronym: w.acronym,
    });
  });
  return stems;
}

/**
 * Finds the concepts and the kind the stems name (taking their words out of `stems`) and keeps as the
 * object the concepts and whatever else is not filler.
 */
function classify(stems: Stemmed[]) {
  let kind: ServiceKind | null = null;
  const concepts: Stemmed[] = [];
  const {
    longConcepts,
    concepts: conceptRules,
    kinds: kindRules,
    filler,
    generic: genericStems,
    sample,
  } = stemmedLexicon();
  const found = (rule: { concept: string; kind: ServiceKind | null }) => {
    if (!concepts.some((c) => c.stem === rule.concept)) concepts.push({ stem: rule.concept, place: 'hard' });
    kind ??= rule.kind;
  };
  for (const rule of conceptRules) {
    // A name may say a concept twice («ФГДС (эзофагогастродуоденоскопия)», «С-реактивный белок (СРБ)»).
    while (take(stems, rule.stems)) found(rule);
  }
  // A long one-word concept with one letter mistyped («аланинаминотрансфереза») is still that concept.
  for (let k = stems.length - 1; k >= 0; k--) {
    const s = stems[k]!.stem;
    if (s.length < 9) continue;
    const rule = longConcepts.find(
      (r) => Math.abs(r.stem.length - s.length) <= 1 && r.stem[0] === s[0] && oneEditApart(r.stem, s),
    );
    if (!rule) continue;
    stems.splice(k, 1);
    found(rule);
  }
  let kindRule = kindRules.find((r) => r.kind === kind);
  if (!kind) {
    kindRule = kindRules.find((r) => r.phrases.some((p) => take(stems, p)));
    // A long kind word with one letter mistyped («Рентгеногафия») still names the kind.
    kindRule ??= kindRules.find((r) => r.phrases.some((p) => p.length === 1 && takeMistyped(stems, p[0]!)));
    kind = kindRule?.kind ?? null;
  }
  const object = [...concepts];
  for (const s of stems) {
    if (filler.has(s.stem) || kindRule?.filler.has(s.stem)) continue;
    if ((kind === null || kind === 'lab') && sample.has(s.stem)) continue;
    if (!genericStems.has(s.stem)) object.push(s);
  }
  return { kind, needsObject: !!kindRule?.needsObject, object };
}

function read(raw: string): ServiceIdentity {
  const { codes, clinicCode, words } = splitCodes(raw);
  const texts = words.map((w) => w.text);
  const { qualifiers, used } = readQualifiers(texts);
  const fromCode = qualifiersOfCode(codes[0] ?? null);
  const { kind, needsObject, object } = classify(stemsOf(words, used));
  const all = [...new Set(object.map((o) => o.stem))].sort();
  const stemsAt = (place: Place) => [...new Set(object.filter((o) => o.place === place).map((o) => o.stem))];
  const hard = stemsAt('hard').sort();
  // A name of nothing but a qualifier («Анестезия», «Наркоз») is that service itself.
  if (all.length === 0 && kind === null && used.size > 0) {
    for (const k of used) if (!/^\d+$/.test(texts[k]!)) all.push(stem(texts[k]!));
    all.sort();
    hard.push(...all);
  }
  const named = all.filter((x) => !x.startsWith('#'));
  const generic = named.length === 0 && (kind === null || needsObject);
  return {
    text: texts.join(' '),
    words: texts,
    rawLength: raw.trim().length,
    kind,
    object: all,
    hardObject: hard,
    softObject: all.filter((x) => !hard.includes(x)),
    aliasObject: stemsAt('alias')
      .filter((x) => !hard.includes(x))
      .sort(),
    acronyms: [...new Set(object.filter((o) => o.acronym).map((o) => o.stem))],
    groups: groupsOf(object),
    qualifiers: { ...fromCode, ...qualifiers },
    codes,
    clinicCode,
    generic,
  };
}

// Tills print the same few hundred names over and over; remembering them keeps adjudication cheap.
// Bounded so that a stream of unique names cannot grow memory without end.
const MEMO_LIMIT = 10_000;
const memo = new Map<string, ServiceIdentity>();

/** The identity of a service name; results are shared and must not be mutated. */
export function readServiceName(raw: string): ServiceIdentity {
  const hit = memo.get(raw);
  if (hit) return hit;
  const name = read(raw);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(raw, name);
  return name;
}

/** Forgets remembered names (for measuring the cold path). */
export function clearServiceNameMemo(): void {
  memo.clear();
}
