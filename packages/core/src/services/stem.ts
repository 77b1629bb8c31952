/// <reference path="./stemmer-ru.d.ts" />
import StemmerRu from '@nlpjs/lang-ru/src/stemmer-ru.js';
import { STEM_ALIASES, STEM_EXCEPTIONS } from './lexicon.ts';

// Made on first use: a module that only imports core's schemas (the web app) never builds it.
let stemmer: StemmerRu | null = null;
const snowball = (word: string): string => {
  stemmer ??= new StemmerRu();
  return stemmer.stemWord(word);
};

// Names repeat the same few thousand words; a bounded memo keeps stemming off the hot path.
const MEMO_LIMIT = 50_000;
const memo = new Map<string, string>();

/**
 * The Snowball stem of a lower-case Russian word («детского» and «детский» → «детск»), with the few
 * exceptions and aliases the algorithm gets wrong; Latin words and numbers stay as they are.
 */
export function stem(word: string): string {
  const hit = memo.get(word);
  if (hit !== undefined) return hit;
  const raw = STEM_EXCEPTIONS[word] ?? (/[а-я]/.test(word) ? snowball(word) : word);
  const s = STEM_ALIASES[raw] ?? raw;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, s);
  return s;
}
