/**
 * The held-out corpora (holdout/, holdout2/): each folder's cases-*.json holds its clinics, how its letters
 * are numbered and its hand-labelled cases; corpus-builder.ts expands them into the folder's corpus/.
 */
import { join } from 'node:path';
import { buildCorpus } from './corpus-builder.ts';
import { type CorpusSpec, readJson, type TillNumbering } from './spec.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** The held-out tills number and print receipts apart from the main corpus's. */
const TILLS: TillNumbering = {
  fiscalSign: (docNo) => (docNo * 104_729 + 7_654_321) % 4_294_967_291,
  time: (docNo) => `${pad(8 + (docNo % 11))}:${pad((docNo * 7) % 60)}`,
  paddedInn: (docNo) => docNo % 3 === 1,
  paidInCash: (docNo) => docNo % 5 === 0,
};

/** Builds <dir>/corpus/ from <dir>/<casesFile>. */
export function buildHeldOutCorpus(dir: string, casesFile: string): void {
  buildCorpus({ ...readJson<Omit<CorpusSpec, 'dir' | 'tills'>>(join(dir, casesFile)), dir, tills: TILLS });
}
