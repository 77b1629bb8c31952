/**
 * Held-out adjudication corpus: expands the hand labels of cases-holdout.json into
 * bench/adjudication/holdout/corpus/<class>.json (the same case format as bench/adjudication/corpus).
 * Run: npx tsx bench/adjudication/holdout/build-holdout.ts
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHeldOutCorpus } from '../held-out.ts';

buildHeldOutCorpus(dirname(fileURLToPath(import.meta.url)), 'cases-holdout.json');
