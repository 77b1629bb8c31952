import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { changeLetter, type LetterChangeDeps } from './change-letter.ts';
import { notifyLetterExtended } from './letter-notifications.ts';

/** The console moves a letter's last day later, never earlier, with the reason. */
export function extendLetter(
  deps: LetterChangeDeps,
  actor: Actor,
  id: string,
  validUntil: string,
  reason: string,
) {
  return changeLetter(deps, actor, id, (l) => {
    if (validUntil <= l.validUntil) {
      throw new AppError('VALIDATION_FAILED', 'Новая дата должна быть позже текущей', {
        fields: { validUntil: `Позже ${l.validUntil}` },
      });
    }
    return {
      set: { validUntil },
      action: 'guarantee_letter.extended',
      reason,
      notify: (tx, after, person) => notifyLetterExtended(deps, tx, after, person),
    };
  });
}
