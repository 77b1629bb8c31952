/**
 * `like` patterns over `service_names.words` (a name as lower-case words between single spaces, a space at
 * each end) that every name matched by the PostgreSQL regular expression `re` also matches: the runs of
 * plain characters `re` cannot match without, outside groups, bracket expressions and optional characters,
 * turned into words the same way, with a space where `re` puts \m or \M. Only patterns the trigram index can
 * use are kept.
 *
 * They let the index narrow the names the expression is then checked on. The expression alone often gives
 * pg_trgm nothing to look up («\mуз\M»: a word shorter than a trigram) or too little
 * («клиническ[а-я]* анализ[а-я]* кров»: thousands of candidates), and the catalogue is then read whole.
 * Anything not understood ends a run, so a pattern is never stricter than the expression.
 */
export function requiredWordPatterns(re: string): string[] {
  const runs = plainRuns(re);
  if (!runs) return [];
  return [...new Set(runs.flatMap((run) => likePattern(run) ?? []))];
}

interface Run {
  text: string;
  start: boolean;
  end: boolean;
}

/** Index just past the quantifier at `i` (`*`, `+`, `?`, `{m,n}`, each maybe lazy), or `i` if none. */
function quantifierEnd(re: string, i: number): number {
  let j = i;
  if (re[j] === '*' || re[j] === '+' || re[j] === '?') j++;
  else if (re[j] === '{') {
    const close = re.indexOf('}', j);
    j = close < 0 ? re.length : close + 1;
  }
  if (j > i && re[j] === '?') j++;
  return j;
}

/** Index of the `]` closing the bracket expression opened at `i`. */
function bracketEnd(re: string, i: number): number {
  let j = i + 1;
  if (re[j] === '^') j++;
  if (re[j] === ']') j++;
  while (j < re.length && re[j] !== ']') j += re[j] === '\\' ? 2 : 1;
  return j;
}

/** Index of the `)` closing the group opened at `i`, over nested groups and bracket expressions. */
function groupEnd(re: string, i: number): number {
  let depth = 0;
  let j = i;
  for (; j < re.length; j++) {
    if (re[j] === '\\') j++;
    else if (re[j] === '[') j = bracketEnd(re, j);
    else if (re[j] === '(') depth++;
    else if (re[j] === ')' && --depth === 0) break;
  }
  return j;
}

/** The runs of plain characters `re` cannot match without; null when `re` has alternatives. */
function plainRuns(re: string): Run[] | null {
  const runs: Run[] = [];
  let text = '';
  let start = false;
  let afterWordStart = false;
  const close = (end = false) => {
    if (text) runs.push({ text, start, end });
    text = '';
    start = false;
    afterWordStart = false;
  };
  for (let i = 0; i < re.length; ) {
    const c = re[i]!;
    if (c === '|') return null;
    if (c === '\\') {
      const e = re[i + 1];
      if (e === 'M') close(true);
      else {
        close();
        afterWordStart = e === 'm';
      }
      i = quantifierEnd(re, i + 2);
    } else if (c === '[' || c === '(') {
      const j = c === '[' ? bracketEnd(re, i) : groupEnd(re, i);
      close();
      i = quantifierEnd(re, j + 1);
    } else if (c === '*' || c === '?' || c === '{') {
      // The character before was optional.
      text = text.slice(0, -1);
      close();
      i = quantifierEnd(re, i);
    } else if (c === '+' || c === '.' || c === '^' || c === '$' || c === ')') {
      close();
      i = quantifierEnd(re, i + 1);
    } else {
      if (!text) start = afterWordStart;
      afterWordStart = false;
      text += c;
      i++;
    }
  }
  close();
  return runs;
}

/** The run as words between spaces, or nothing when the trigram index could not use it. */
function likePattern({ text, start, end }: Run): string | null {
  const words = `${start ? ' ' : ''}${text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^a-zа-я0-9]+/g, ' ')}${end ? ' ' : ''}`.replace(/\s+/g, ' ');
  // A word gives a trigram if it is 3 long, or starts after a space, or is 2 long before a space.
  const tokens = words.split(' ');
  const indexable = tokens.some(
    (t, k) => t.length >= 3 || (k > 0 && t.length >= 1) || (k < tokens.length - 1 && t.length >= 2),
  );
  return indexable ? `%${words}%` : null;
}
