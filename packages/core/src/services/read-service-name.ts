import { ABBREVIATIONS, CONCEPTS, FILLER, GENERIC, KINDS, type ServiceKind } from './lexicon.ts';
import { type Qualifiers, qualifiersOfCode, readQualifiers } from './qualifiers.ts';
import { stem } from './stem.ts';

/**
 * What a service name says the service is: its kind and object (the family — «приём врача-терапевта»,
 * «УЗИ печени», «анализ: глюкоза»), the qualifiers that make a different service, and any 804н code.
 */
export interface ServiceIdentity {
  /** Lower-case words with abbreviations expanded, codes and the clinic's numbering removed. */
  text: string;
  kind: ServiceKind | null;
  /** Sorted unique stems and concepts that say which service of the kind it is. */
  object: readonly string[];
  /** The part of `object` said outside parentheses. */
  hardObject: readonly string[];
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
  /^\s*[[(№#]?\s*((?:[A-Za-zА-Яа-я]{1,3}[-.]?)?\d+(?:[./-]\d+)*)\.?\s*[\])]?\s*[-–—:.]?\s+/u;

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

/** Latin look-alikes inside Cyrillic words («Cергеевна») become Cyrillic. */
function fixMixedScript(word: string): string {
  if (!/[а-я]/.test(word) || !/[a-z]/.test(word)) return word;
  return word.replace(/[a-z]/g, (ch) => LATIN_TO_CYRILLIC[ch] ?? ch);
}

interface Word {
  text: string;
  /** Said inside parentheses: «(комплексное)» may be dropped by a till without changing the service. */
  soft: boolean;
}

/** Words of a name, in order, with till abbreviations expanded. */
function wordsOf(body: string): Word[] {
  const out: Word[] = [];
  let depth = 0;
  // Tokens keep inner hyphens, slashes and dots so that «в-ча», «б/х» and «конс.» can be looked up.
  for (const m of body
    .toLowerCase()
    .replace(/ё/g, 'е')
    .matchAll(/[(]|[)]|[a-zа-я0-9]+(?:[-/.][a-zа-я0-9]+)*\.?/g)) {
    const t = m[0];
    if (t === '(') depth++;
    else if (t === ')') depth = Math.max(0, depth - 1);
    else pushToken(out, t, depth > 0);
  }
  return out;
}

function pushToken(out: Word[], token: string, soft: boolean): void {
  const key = fixMixedScript(token.replace(/[-/.]/g, ''));
  const expansion = ABBREVIATIONS[key];
  if (expansion) {
    for (const w of expansion.split(' ')) out.push({ text: w, soft });
    return;
  }
  for (const part of token.split(/[-/.]+/)) if (part) out.push({ text: fixMixedScript(part), soft });
}

const stemAll = (phrase: string) => phrase.split(' ').map(stem);
const FILLER_STEMS = new Set(FILLER.map(stem));
const GENERIC_STEMS = new Set(GENERIC.map(stem));
const CONCEPT_RULES = CONCEPTS.flatMap((c) =>
  c.phrases.map((p) => ({ stems: stemAll(p), concept: c.concept, kind: c.kind ?? null })),
).sort((a, b) => b.stems.length - a.stems.length);
const KIND_RULES = KINDS.map((k) => ({
  kind: k.kind,
  phrases: k.phrases.map(stemAll).sort((a, b) => b.length - a.length),
  // A name may say its kind twice («Электрокардиография (ЭКГ)»): the kind's own words add nothing.
  filler: new Set([...(k.filler ?? []), ...k.phrases.flatMap((p) => p.split(' '))].map(stem)),
  needsObject: k.needsObject,
}));

interface Stemmed {
  stem: string;
  soft: boolean;
}

/** Removes the stems of one phrase (each once) when all are present; true when it did. */
function take(stems: Stemmed[], phrase: readonly string[]): boolean {
  const at: number[] = [];
  for (const s of phrase) {
    const k = stems.findIndex((x, i) => x.stem === s && !at.includes(i));
    if (k < 0) return false;
    at.push(k);
  }
  for (const k of at.sort((a, b) => b - a)) stems.splice(k, 1);
  return true;
}

function read(raw: string): ServiceIdentity {
  const codes: string[] = [];
  const rest = raw.replace(CODE_RE, (_m, letter: string, digits: string) => {
    codes.push(`${/[AaАа]/.test(letter) ? 'A' : 'B'}${digits}`);
    return ' ';
  });
  // What is left of "[A04.16.001] 3.10 Name" starts with "[ ]": drop it so the clinic code is seen.
  const trimmed = rest.replace(/^[\s[\]().,:;-]+/, '');
  const prefix = CLINIC_CODE_RE.exec(trimmed);
  const words = wordsOf(prefix ? trimmed.slice(prefix[0].length) : trimmed);
  const texts = words.map((w) => w.text);
  const { qualifiers, used } = readQualifiers(texts);
  const fromCode = qualifiersOfCode(codes[0] ?? null);
  const stems: Stemmed[] = [];
  words.forEach((w, k) => {
    if (!used.has(k) && !/^\d+$/.test(w.text)) stems.push({ stem: stem(w.text), soft: w.soft });
  });

  let kind: ServiceKind | null = null;
  const concepts: Stemmed[] = [];
  for (const rule of CONCEPT_RULES) {
    if (!take(stems, rule.stems)) continue;
    concepts.push({ stem: rule.concept, soft: false });
    kind ??= rule.kind;
  }
  let kindRule = KIND_RULES.find((r) => r.kind === kind);
  if (!kind) {
    kindRule = KIND_RULES.find((r) => r.phrases.some((p) => take(stems, p)));
    kind = kindRule?.kind ?? null;
  }
  const object = [...concepts];
  for (const s of stems) {
    if (FILLER_STEMS.has(s.stem) || kindRule?.filler.has(s.stem)) continue;
    if (!GENERIC_STEMS.has(s.stem)) object.push(s);
  }
  const all = [...new Set(object.map((o) => o.stem))].sort();
  const hard = [...new Set(object.filter((o) => !o.soft).map((o) => o.stem))].sort();
  const generic = all.length === 0 && (kind === null || !!kindRule?.needsObject);
  return {
    text: texts.join(' '),
    kind,
    object: all,
    hardObject: hard,
    qualifiers: { ...fromCode, ...qualifiers },
    codes,
    clinicCode: prefix ? prefix[1]!.toLowerCase() : null,
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
