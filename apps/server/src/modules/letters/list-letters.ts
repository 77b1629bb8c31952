import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { logHealthViews } from '../../platform/view-log.ts';
import { letterScope, loadLetters } from './letters.queries.ts';
import { viewedLetter } from './read-letter.ts';

/** Every letter the user may see (the first page of them), each reading logged for its patient. */
export async function listLetters(deps: Pick<AppDeps, 'database' | 'clock'>, actor: Actor) {
  const letters = await loadLetters(deps.database.db, letterScope(actor), deps.clock.now());
  await logHealthViews(deps, actor, 'letter.list', letters.map(viewedLetter));
  return letters;
}
