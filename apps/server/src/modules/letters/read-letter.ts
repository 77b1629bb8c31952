import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { logHealthViews } from '../../platform/view-log.ts';
import { loadLetterFor } from './letters.queries.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/** A letter as an entry of the health data views log. */
export const viewedLetter = (l: { id: string; number: string; insuredPersonId: string }) => ({
  insuredPersonId: l.insuredPersonId,
  recordType: 'letter' as const,
  recordId: l.id,
  recordLabel: l.number,
});

/** One letter the user may see, its reading logged for the patient with what it was read for. */
export async function readLetter(
  deps: Deps,
  actor: Actor,
  id: string,
  purpose: 'letter.view' | 'letter.print',
) {
  const l = await loadLetterFor(deps.database.db, actor, id, deps.clock.now());
  await logHealthViews(deps, actor, purpose, [viewedLetter(l)]);
  return l;
}

/** A letter opened to be read on screen. */
export const getLetter = (deps: Deps, actor: Actor, id: string) => readLetter(deps, actor, id, 'letter.view');
