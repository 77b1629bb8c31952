/**
 * Expands the hand-written cases (cases-<class>.json, clinics and numbering in corpus-spec.json) into
 * bench/adjudication/corpus/<class>.json by the rules of DOMAIN.md §5 (corpus-builder.ts).
 * Run: npx tsx bench/adjudication/build-corpus.ts
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus } from './corpus-builder.ts';
import { type CaseClass, type CaseSpec, type CorpusSpec, readJson } from './spec.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The order the cases are numbered in. */
const CLASSES: CaseClass[] = ['clean', 'variant', 'generic', 'other-service', 'receipt-level'];
const pad = (n: number) => String(n).padStart(2, '0');

buildCorpus({
  ...readJson<Omit<CorpusSpec, 'dir' | 'cases' | 'tills'>>(join(HERE, 'corpus-spec.json')),
  dir: HERE,
  cases: CLASSES.flatMap((cls) => readJson<CaseSpec[]>(join(HERE, `cases-${cls}.json`))),
  tills: {
    fiscalSign: (docNo) => (docNo * 7919 + 1_234_567) % 4_294_967_291,
    time: (docNo) => `${pad(9 + (docNo % 9))}:${pad(docNo % 60)}`,
    paddedInn: (docNo) => docNo % 3 === 0,
    paidInCash: (docNo) => docNo % 4 === 0,
  },
});
