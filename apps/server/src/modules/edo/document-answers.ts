import { type DocumentStatus, documentNext } from '@remed/core';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { ClinicRow } from './clinics.queries.ts';
import { type DocumentRow, documentTitle } from './documents.queries.ts';
import { edoNotifications } from './edo-notifications.ts';
import { roleOf } from './sides.ts';

/** The status signing or rejecting leads to; only the counterpart answers, and only once. */
export function answeredStatus(actor: Actor, d: DocumentRow, action: 'sign' | 'reject'): DocumentStatus {
  const role = roleOf(actor, d.senderSide);
  const next = documentNext(d.status as DocumentStatus, action, role);
  if (!next)
    throw new AppError(
      'INVALID_STATE',
      role === 'sender' ? 'Отвечает на документ другая сторона' : 'Документ уже подписан или отклонён',
    );
  return next;
}

/** The side that sent the document hears the answer («Подписан», «Отклонён»); returns the message ids. */
export function tellSender(
  deps: AppDeps,
  tx: DbOrTx,
  d: DocumentRow,
  clinic: ClinicRow,
  answer: string,
  lines: string[],
) {
  const notify = edoNotifications(deps);
  return d.senderSide === 'service'
    ? notify.toService(tx, 'documents', `${answer}: ${documentTitle(d)} (${clinic.shortName})`, lines)
    : notify.toClinic(tx, d.clinicId, 'documents', `${answer}: ${documentTitle(d)}`, lines);
}
