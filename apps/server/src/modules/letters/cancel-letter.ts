import type { Actor } from '../../platform/actor.ts';
import { changeLetter, type LetterChangeDeps } from './change-letter.ts';
import { notifyLetterCancelled } from './letter-notifications.ts';

/** The console withdraws a letter in force, with the reason the patient is told. */
export function cancelLetter(deps: LetterChangeDeps, actor: Actor, id: string, reason: string) {
  return changeLetter(deps, actor, id, () => ({
    set: { status: 'cancelled', cancelledAt: deps.clock.now(), cancelReason: reason },
    action: 'guarantee_letter.cancelled',
    reason,
    notify: (tx, after, person) => notifyLetterCancelled(deps, tx, after, person, reason),
  }));
}
