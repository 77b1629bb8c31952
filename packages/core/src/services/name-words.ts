import { ABBREVIATIONS } from './lexicon.ts';

/**
 * The words of a service name as printed: lower case, ё as е, Latin look-alikes made Cyrillic, till
 * abbreviations expanded, each with where it stands (outside parentheses, alone in them, in a longer
 * parenthesis or a section heading) and whether it was cut short with a dot or written in capitals.
 */

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

// Cyrillic letters that designate as their Latin look-alikes or transliterations do: «Иммуноглобулин А» is IgA.
const DESIGNATOR_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  в: 'b',
  с: 'c',
  д: 'd',
  е: 'e',
  м: 'm',
  к: 'k',
};

/** A designating letter as a word of its own kind (`~a`), which no stem or preposition can equal. */
function designator(letter: string): string {
  return `~${DESIGNATOR_LATIN[letter] ?? letter}`;
}

/** Latin look-alikes inside Cyrillic words («Cергеевна») become Cyrillic. */
function fixMixedScript(word: string): string {
  // A lone Latin «c» or «a» in a Russian name is the Cyrillic preposition or conjunction.
  if (word === 'c' || word === 'a') return LATIN_TO_CYRILLIC[word]!;
  if (!/[а-я]/.test(word) || !/[a-z]/.test(word)) return word;
  return word.replace(/[a-z]/g, (ch) => LATIN_TO_CYRILLIC[ch] ?? ch);
}

/**
 * Where a word stands: outside parentheses, alone in a pair of them (an alias or a detail a till may add
 * or drop: «(комплексное)», «(копрограмма)», «(АТ-ТПО)»), or in a longer parenthesis («(повторная
 * консультация с назначением лечения)»), which a till may drop but not add.
 */
export type Place = 'hard' | 'alias' | 'detail';

interface Word {
  text: string;
  place: Place;
  /** Which pair of parentheses it stands in (0: none). */
  group: number;
  /** Written in capitals («ЭЭГ», «АЛТ»): another name of what the words around it say. */
  acronym: boolean;
  /** Cut short with a dot («лимф.», «нижн.»): stands for any word it begins. */
  cut: boolean;
}

/** Words of a name, in order, with till abbreviations expanded. */
export function wordsOf(body: string): Word[] {
  const tokens: { text: string; group: number; acronym: boolean; designator: boolean }[] = [];
  const sizes = new Map<number, number>();
  let depth = 0;
  let group = 0;
  // Tokens keep inner hyphens, slashes and dots so that «в-ча», «б/х» and «конс.» can be looked up.
  for (const m of body.replace(/ё/g, 'е').matchAll(/[(]|[)]|[a-zа-яё0-9]+(?:[-/.][a-zа-яё0-9]+)*\.?/giu)) {
    const t = m[0];
    if (t === '(') {
      if (depth++ === 0) group++;
    } else if (t === ')') depth = Math.max(0, depth - 1);
    else {
      const g = depth > 0 ? group : 0;
      tokens.push({
        text: t.toLowerCase().replace(/ё/g, 'е'),
        group: g,
        acronym: /^[А-ЯЁ]{2,6}(-[А-ЯЁ]{2,6})?$/u.test(t),
        designator: /^[A-ZА-ЯЁ]$/u.test(t),
      });
      sizes.set(g, (sizes.get(g) ?? 0) + 1);
    }
  }
  // «УЗИ поверхностных структур: Щитовидная железа»: a price list's section heading before a colon is
  // detail of the service after it, which a till leaves out.
  const colon = headingEnd(body, tokens.length);
  if (colon > 1) {
    const heading = ++group;
    for (const t of tokens.slice(0, colon)) if (t.group === 0) t.group = heading;
    sizes.set(heading, colon);
  }
  // In a name not set in capitals, a capital letter standing alone designates («Иммуноглобулин А»,
  // «Гепатит В», «Витамин D»); in lower case, or on a till that prints capitals, it is a preposition.
  const designates = /[a-zа-я]/u.test(body);
  const out: Word[] = [];
  for (const [k, t] of tokens.entries()) {
    const place: Place = t.group === 0 ? 'hard' : sizes.get(t.group) === 1 ? 'alias' : 'detail';
    // The first word in capitals is the start of a sentence («С контрастом …»). On a till that prints
    // capitals a letter designates after the words that take one, or when it is no preposition.
    const after = tokens[k - 1]?.text ?? '';
    const designating =
      t.designator &&
      k > 0 &&
      (designates || /^(иммуноглобулин|класс|гепатит|витамин)/.test(after) || !/^[авскоуи]$/.test(t.text));
    if (designating) {
      out.push({ text: designator(t.text), place, group: t.group, acronym: false, cut: false });
    } else pushToken(out, t.text, place, t.acronym, t.group);
  }
  return out;
}

/** How many tokens stand before the name's last colon outside parentheses, when words follow it. */
function headingEnd(body: string, tokenCount: number): number {
  let depth = 0;
  let at = -1;
  for (let k = 0; k < body.length; k++) {
    const ch = body[k];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ':' && depth === 0) at = k;
  }
  if (at < 0) return 0;
  const before = body.slice(0, at).match(/[a-zа-яё0-9]+(?:[-/.][a-zа-яё0-9]+)*\.?/giu)?.length ?? 0;
  return before < tokenCount ? before : 0;
}

function pushToken(out: Word[], token: string, place: Place, acronym: boolean, group: number): void {
  const expansion = ABBREVIATIONS[fixMixedScript(token.replace(/[-/.]/g, ''))];
  if (expansion !== undefined) {
    for (const w of expansion.split(' ')) if (w) out.push({ text: w, place, group, acronym, cut: false });
    return;
  }
  for (const m of token.matchAll(/([a-zа-я0-9]+)(\.?)/g)) {
    const part = fixMixedScript(m[1]!);
    const partExpansion = ABBREVIATIONS[part];
    const last = out[out.length - 1];
    if (partExpansion !== undefined) {
      for (const w of partExpansion.split(' '))
        if (w) out.push({ text: w, place, group, acronym, cut: false });
    } else if (/^мин/.test(part) && last && /^\d+$/.test(last.text)) {
      // «30 мин» and «/30мин/» are one duration.
      last.text += 'мин';
    } else {
      // A dot after a vowel, «й» or «ь» ends a whole word («категории. Главный врач»); a cut ends in a consonant.
      const cut = m[2] === '.' && /[а-я]{2,}/.test(part) && !/[аеиоуыэюяйь]$/.test(part);
      out.push({ text: part, place, group, acronym, cut });
    }
  }
}
