/**
 * Second blind adjudication corpus: expands the hand labels of cases-holdout2.json into
 * bench/adjudication/holdout2/corpus/<class>.json (the same case format as bench/adjudication/corpus).
 * Run: npx tsx bench/adjudication/holdout2/build-holdout2.ts
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHeldOutCorpus } from '../held-out.ts';

buildHeldOutCorpus(dirname(fileURLToPath(import.meta.url)), 'cases-holdout2.json');
