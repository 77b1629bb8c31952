import type { EdoDocumentView, UploadDocument } from '@remed/core';
import { clinicDocuments } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { loadClinic } from './clinics.queries.ts';
import { documentTitle, documentView, periodText } from './documents.queries.ts';
import { sha256 } from './edo-files.ts';
import { edoNotifications } from './edo-notifications.ts';
import { checkFile } from './file-kind.ts';
import { addEvent } from './history.queries.ts';
import { sideOf } from './sides.ts';

type UploadedFile = { fileName: string; content: Buffer };

/** A file of an accepted kind, not empty and within the size limit; returns its content type. */
function acceptedFile(deps: Pick<AppDeps, 'config'>, file: UploadedFile): string {
  const mb = deps.config.edoMaxFileBytes / 1024 / 1024;
  if (file.content.length > deps.config.edoMaxFileBytes)
    throw new AppError('PAYLOAD_TOO_LARGE', `Файл больше ${mb} МБ`, {
      fields: { file: `Не больше ${mb} МБ` },
    });
  if (!file.content.length)
    throw new AppError('VALIDATION_FAILED', 'Файл пустой', { fields: { file: 'Файл пустой' } });
  const checked = checkFile(file.fileName, file.content);
  if (!checked.ok)
    throw new AppError('VALIDATION_FAILED', checked.reason, { fields: { file: checked.reason } });
  return checked.contentType;
}

/**
 * One side sends the other an act, a registry, a report or a letter to sign or reject; the file is kept as
 * it came and the counterpart is told by e-mail.
 */
export async function sendDocument(
  deps: AppDeps,
  actor: Actor,
  clinicId: string,
  meta: UploadDocument,
  file: UploadedFile,
): Promise<EdoDocumentView> {
  const { database, clock, ids, storage, config } = deps;
  const db = database.db;
  assertClinicAccess(actor, clinicId);
  const contentType = acceptedFile(deps, file);
  const clinic = await loadClinic(db, clinicId);
  const id = ids.uuid();
  const now = clock.now();
  const side = sideOf(actor);
  const storageKey = `edo/documents/${id}/original`;
  await storage.put(storageKey, file.content, contentType);
  const hash = sha256(file.content);
  const title = documentTitle(meta);
  const notify = edoNotifications(deps);
  const messageIds = await db.transaction(async (tx) => {
    await tx.insert(clinicDocuments).values({
      id,
      clinicId,
      senderSide: side,
      type: meta.type,
      number: meta.number,
      documentDate: meta.documentDate,
      periodFrom: meta.periodFrom ?? null,
      periodTo: meta.periodTo ?? null,
      comment: meta.comment || null,
      fileName: file.fileName,
      contentType,
      size: file.content.length,
      storageKey,
      sha256: hash,
      status: 'sent',
      createdBy: actor.user!.id,
      createdByName: actor.user!.fullName,
      createdAt: now,
    });
    await addEvent(tx, {
      id: ids.uuid(),
      clinicId,
      documentId: id,
      action: 'sent',
      actor,
      details: file.fileName,
      at: now,
    });
    await writeAudit(tx, clock, actor, {
      action: 'clinic_document.sent',
      entityType: 'clinic_document',
      entityId: id,
      after: { clinicId, side, type: meta.type, number: meta.number, fileName: file.fileName, sha256: hash },
    });
    const period = periodText(meta);
    const lines = [
      `${side === 'service' ? config.serviceParty.shortName : clinic.shortName} ${side === 'service' ? 'направил' : 'направила'} документ: ${title}.`,
      ...(period ? [`Период: ${period}.`] : []),
      ...(meta.comment ? [`Комментарий: ${meta.comment}`] : []),
      'Откройте документ в кабинете, чтобы подписать его или отклонить с указанием причины.',
    ];
    return side === 'service'
      ? notify.toClinic(tx, clinicId, 'documents', `Новый документ: ${title}`, lines)
      : notify.toService(tx, 'documents', `${clinic.shortName}: ${title}`, lines);
  });
  await deps.outbox.dispatch(messageIds);
  return documentView(db, actor, clinicId, id);
}
