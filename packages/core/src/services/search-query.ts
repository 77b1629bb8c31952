import { SEARCH_SYNONYMS } from './lexicon.ts';
import { stem } from './stem.ts';

/**
 * What a doctor typed into the service search, as database terms: an 804н code (or its beginning), or
 * an AND-list of OR-groups of PostgreSQL regular expressions, to be matched with `~` against the name
 * lower-cased with ё as е. Words may come in any order and in any form («терапевт повторный»);
 * abbreviations find the names they stand for («ЭКГ» → «Регистрация электрокардиограммы»).
 */
export interface ServiceSearchQuery {
  code: string | null;
  terms: string[][];
}

const CODE_QUERY_RE = /^\s*([AaАаBbВв])(\d{2}(?:\.\d{0,3}){0,3})\s*$/u;
const MAX_WORDS = 6;

/** A typed word as a regular expression: its stem, or the whole short word, never regex syntax. */
function wordTerm(word: string): string[] {
  const synonyms = SEARCH_SYNONYMS[word];
  if (synonyms) return [...synonyms];
  if (word.length <= 3) return [`\\m${word}`];
  const s = stem(word);
  return [s.length >= 3 ? s : word];
}

export function serviceSearchQuery(typed: string): ServiceSearchQuery {
  const code = CODE_QUERY_RE.exec(typed);
  if (code) return { code: `${/[AaАа]/.test(code[1]!) ? 'A' : 'B'}${code[2]}`, terms: [] };
  const words = typed
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^a-zа-я0-9]+/)
    .filter((w) => w.length > 1 || /\d/.test(w))
    .slice(0, MAX_WORDS);
  return { code: null, terms: words.map(wordTerm) };
}
