import { CONCEPTS, FILLER, GENERIC, KINDS } from './lexicon.ts';
import { stem } from './stem.ts';

const stemAll = (phrase: string) => phrase.split(' ').map(stem);

function build() {
  const concepts = CONCEPTS.flatMap((c) =>
    c.phrases.map((p) => ({ stems: stemAll(p), concept: c.concept, kind: c.kind ?? null })),
  ).sort((a, b) => b.stems.length - a.stems.length);
  return {
    // One-word concepts long enough for a one-letter typo to leave no doubt which word was meant.
    longConcepts: concepts
      .filter((c) => c.stems.length === 1 && c.stems[0]!.length >= 9)
      .map((c) => ({ stem: c.stems[0]!, concept: c.concept, kind: c.kind })),
    filler: new Set(FILLER.map(stem)),
    generic: new Set(GENERIC.map(stem)),
    concepts,
    kinds: KINDS.map((k) => ({
      kind: k.kind,
      phrases: k.phrases.map(stemAll).sort((a, b) => b.length - a.length),
      // A name may say its kind twice («Электрокардиография (ЭКГ)»): the kind's own words add nothing.
      filler: new Set([...(k.filler ?? []), ...k.phrases.flatMap((p) => p.split(' '))].map(stem)),
      needsObject: k.needsObject,
    })),
    // Where blood is the sample, saying so adds nothing: «Глюкоза крови» is «Глюкоза».
    sample: new Set(['крови', 'сыворотки', 'сыворотке', 'плазмы', 'плазме'].map(stem)),
  };
}

let built: ReturnType<typeof build> | null = null;

/**
 * The lexicon in stems, as names are read. Built on the first name read, not when core is imported: a page
 * that never reads a service name never pays for stemming the lexicon.
 */
export function stemmedLexicon(): ReturnType<typeof build> {
  built ??= build();
  return built;
}
