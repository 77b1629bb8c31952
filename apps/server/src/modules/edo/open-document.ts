import { type DocumentStatus, documentNext, type EdoDocumentView } from '@remed/core';
import { clinicDocuments } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { type DocumentRow, documentView, loadDocumentRow } from './documents.queries.ts';
import { addEvent } from './history.queries.ts';
import { moveIfUnchanged } from './moves.queries.ts';
import { roleOf } from './sides.ts';

/** The counterpart opening a document for the first time marks it received. */
async function markReceived(deps: AppDeps, actor: Actor, d: DocumentRow) {
  const { database, clock, ids } = deps;
  if (documentNext(d.status as DocumentStatus, 'receive', roleOf(actor, d.senderSide)) === null) return;
  const now = clock.now();
  await database.db.transaction(async (tx) => {
    const set = { status: 'received' as const, receivedAt: now, receivedBy: actor.user!.id };
    if (!(await moveIfUnchanged(tx, clinicDocuments, d, set))) return;
    await addEvent(tx, {
      id: ids.uuid(),
      clinicId: d.clinicId,
      documentId: d.id,
      action: 'received',
      actor,
      at: now,
    });
    await writeAudit(tx, clock, actor, {
      action: 'clinic_document.received',
      entityType: 'clinic_document',
      entityId: d.id,
      before: { status: 'sent' },
      after: { status: 'received' },
    });
  });
}

/** The document's card. */
export async function openDocument(
  deps: AppDeps,
  actor: Actor,
  clinicId: string,
  id: string,
): Promise<EdoDocumentView> {
  assertClinicAccess(actor, clinicId);
  const db = deps.database.db;
  await markReceived(deps, actor, await loadDocumentRow(db, clinicId, id));
  return documentView(db, actor, clinicId, id);
}

/** The file as it was uploaded; downloading it is an opening too. */
export async function downloadDocument(deps: AppDeps, actor: Actor, clinicId: string, id: string) {
  assertClinicAccess(actor, clinicId);
  const d = await loadDocumentRow(deps.database.db, clinicId, id);
  await markReceived(deps, actor, d);
  return { fileName: d.fileName, contentType: d.contentType, content: await deps.storage.get(d.storageKey) };
}
