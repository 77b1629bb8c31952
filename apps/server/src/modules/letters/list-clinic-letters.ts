import type { Actor } from '../../platform/actor.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { logHealthViews } from '../../platform/view-log.ts';
import {
  type ClinicLettersFilter,
  clinicLettersWhere,
  countLetters,
  loadLetters,
} from './letters.queries.ts';
import { viewedLetter } from './read-letter.ts';

/** The letters addressed to one clinic of the user's network, filtered, a page at a time. */
export async function listClinicLetters(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  actor: Actor,
  clinicId: string,
  q: ClinicLettersFilter & { limit: number; offset: number },
) {
  assertClinicAccess(actor, clinicId);
  const db = deps.database.db;
  const now = deps.clock.now();
  const where = clinicLettersWhere(clinicId, q, now);
  const [items, total] = await Promise.all([
    loadLetters(db, where, now, q.limit, q.offset),
    countLetters(db, where),
  ]);
  await logHealthViews(deps, actor, 'clinic.letters', items.map(viewedLetter), {
    clinicName: items[0]?.clinic.name,
  });
  return { items, total };
}
