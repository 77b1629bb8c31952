import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { renderLetterPdf } from './letter-pdf.ts';
import { readLetter } from './read-letter.ts';

/** The letter as a PDF to print or hand to the clinic. */
export async function printLetter(
  deps: Pick<AppDeps, 'database' | 'clock' | 'config'>,
  actor: Actor,
  id: string,
) {
  const l = await readLetter(deps, actor, id, 'letter.print');
  return { number: l.number, content: await renderLetterPdf(l, deps.config.service) };
}
