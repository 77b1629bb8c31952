import type { EdoDocumentView } from '@remed/core';
import { clinicDocuments } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { loadClinic } from './clinics.queries.ts';
import { answeredStatus, tellSender } from './document-answers.ts';
import { documentTitle, documentView, loadDocumentRow } from './documents.queries.ts';
import { addEvent } from './history.queries.ts';
import { moveIfUnchanged } from './moves.queries.ts';

/** The counterpart refuses a document, saying why; the sender is told. */
export async function rejectDocument(
  deps: AppDeps,
  actor: Actor,
  clinicId: string,
  id: string,
  reason: string,
): Promise<EdoDocumentView> {
  const { database, clock, ids } = deps;
  const db = database.db;
  assertClinicAccess(actor, clinicId);
  const d = await loadDocumentRow(db, clinicId, id);
  const next = answeredStatus(actor, d, 'reject');
  const clinic = await loadClinic(db, clinicId);
  const now = clock.now();
  const messageIds = await db.transaction(async (tx) => {
    const set = { status: next, rejectedAt: now, rejectReason: reason, receivedAt: d.receivedAt ?? now };
    if (!(await moveIfUnchanged(tx, clinicDocuments, d, set)))
      throw new AppError('INVALID_STATE', 'Документ уже подписан или отклонён');
    await addEvent(tx, {
      id: ids.uuid(),
      clinicId,
      documentId: id,
      action: 'rejected',
      actor,
      details: reason,
      at: now,
    });
    await writeAudit(tx, clock, actor, {
      action: 'clinic_document.rejected',
      entityType: 'clinic_document',
      entityId: id,
      before: { status: d.status },
      after: { status: next, reason },
    });
    return tellSender(deps, tx, d, clinic, 'Отклонён', [
      `${documentTitle(d)} отклонён.`,
      `Причина: ${reason}`,
      `Отклонил(а): ${actor.user!.fullName}.`,
    ]);
  });
  await deps.outbox.dispatch(messageIds);
  return documentView(db, actor, clinicId, id);
}
