/**
 * Held-out adjudication corpus: expands the hand labels of cases-holdout.ts into
 * bench/adjudication/holdout/corpus/<class>.json (the same case format as bench/adjudication/corpus).
 * Run: npx tsx bench/adjudication/holdout/build-holdout.ts
 *
 * Blind to the engine: ../held-out-builder.ts reads only holdout/names.json and the hand labels and applies
 * DOMAIN.md §5 with its own integer arithmetic; the build fails where a hand-worked `want` disagrees.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHeldOutCorpus } from '../held-out-builder.ts';
import { CASES, CLINICS } from './cases-holdout.ts';

buildHeldOutCorpus({
  dir: dirname(fileURLToPath(import.meta.url)),
  cases: CASES,
  clinics: CLINICS,
  insured: ['Габдрахманова Алсу Ринатовна', 'Лебедев Павел Андреевич', 'Орлова Наталья Викторовна'],
  letterPrefix: 'H',
  policyBase: 7_300_000,
  firstDocNo: 30_000,
});
