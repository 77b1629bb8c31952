/**
 * Second blind adjudication corpus: expands the hand labels of cases-holdout2.ts into
 * bench/adjudication/holdout2/corpus/<class>.json (the same case format as bench/adjudication/corpus).
 * Run: npx tsx bench/adjudication/holdout2/build-holdout2.ts
 *
 * Blind to the engine: ../held-out-builder.ts reads only holdout2/names.json and the hand labels and applies
 * DOMAIN.md §5 with its own integer arithmetic; the build fails where a hand-worked `want` disagrees, or
 * when fewer than 20 receipts carry one.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHeldOutCorpus } from '../held-out-builder.ts';
import { CASES, CLINICS } from './cases-holdout2.ts';

buildHeldOutCorpus({
  dir: dirname(fileURLToPath(import.meta.url)),
  cases: CASES,
  clinics: CLINICS,
  insured: ['Сафина Гульнара Ильдаровна', 'Никитин Олег Викторович', 'Белова Ирина Сергеевна'],
  letterPrefix: 'K',
  policyBase: 7_500_000,
  firstDocNo: 50_000,
  minHandChecked: 20,
});
