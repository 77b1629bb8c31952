import crypto from 'node:crypto';
import {
  DOCUMENT_TYPE_LABELS,
  type DocumentFilter,
  type DocumentStatus,
  documentNext,
  type EdoDocumentView,
  type HistoryFilter,
  ruDate,
  type SignatureView,
  type SignRequest,
  type UploadDocument,
} from '@remed/core';
import { and, asc, eq } from 'drizzle-orm';
import { clinicDocuments, clinics, edoSignatures } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import {
  addEvent,
  type DocumentRow,
  loadClinic,
  loadDocumentRow,
  loadDocuments,
  loadHistory,
  sideOf,
  signaturesOf,
} from './edo.repository.ts';
import { edoNotifications } from './edo-notifications.ts';
import { renderSignatureSheet } from './edo-pdf.ts';
import { checkFile } from './file-kind.ts';
import { type SignTarget, signingService } from './signing.ts';

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

const violated = (e: unknown) =>
  ((e as { cause?: { constraint?: string } }).cause ?? (e as { constraint?: string })).constraint;

export const documentTitle = (d: Pick<DocumentRow, 'type' | 'number' | 'documentDate'>) =>
  `${DOCUMENT_TYPE_LABELS[d.type]} № ${d.number} от ${ruDate(d.documentDate)}`;

/** Acts, registries, reports and letters exchanged between the service and a clinic. */
export function documentsService(deps: AppDeps) {
  const { database, clock, ids, storage, config } = deps;
  const db = database.db;
  const signing = signingService(deps);
  const notify = edoNotifications(deps);
  const serviceName = config.serviceParty.shortName;

  async function view(actor: Actor, clinicId: string, id: string): Promise<EdoDocumentView> {
    const [v] = await loadDocuments(db, actor, { clinicId, id });
    if (!v) throw new AppError('NOT_FOUND', 'Документ не найден');
    return v;
  }

  const roleOf = (actor: Actor, d: DocumentRow) => (d.senderSide === sideOf(actor) ? 'sender' : 'recipient');

  /** The counterpart opening a document for the first time marks it received. */
  async function markReceived(actor: Actor, d: DocumentRow) {
    if (documentNext(d.status as DocumentStatus, 'receive', roleOf(actor, d)) === null) return;
    const now = clock.now();
    await db.transaction(async (tx) => {
      const updated = await tx
        .update(clinicDocuments)
        .set({ status: 'received', receivedAt: now, receivedBy: actor.user!.id })
        .where(and(eq(clinicDocuments.id, d.id), eq(clinicDocuments.status, 'sent')))
        .returning({ id: clinicDocuments.id });
      if (!updated.length) return;
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

  const target = (d: DocumentRow): SignTarget => ({
    entity: 'document',
    id: d.id,
    clinicId: d.clinicId,
    title: documentTitle(d),
  });

  async function answer(actor: Actor, d: DocumentRow, action: 'sign' | 'reject') {
    const next = documentNext(d.status as DocumentStatus, action, roleOf(actor, d));
    if (!next)
      throw new AppError(
        'INVALID_STATE',
        roleOf(actor, d) === 'sender'
          ? 'Отвечает на документ другая сторона'
          : 'Документ уже подписан или отклонён',
      );
    return next;
  }

  return {
    list(actor: Actor, clinicId: string, filter: DocumentFilter) {
      assertClinicAccess(actor, clinicId);
      return loadDocuments(db, actor, { ...filter, clinicId });
    },

    listAll: (actor: Actor, filter: DocumentFilter) => loadDocuments(db, actor, filter),

    history(actor: Actor, clinicId: string, filter: HistoryFilter) {
      assertClinicAccess(actor, clinicId);
      return loadHistory(db, { ...filter, clinicId });
    },

    historyAll: (filter: HistoryFilter) => loadHistory(db, filter),

    /** Every clinic, for the service's filter. */
    clinics: () =>
      db
        .select({ id: clinics.id, name: clinics.shortName, inn: clinics.inn })
        .from(clinics)
        .orderBy(asc(clinics.shortName)),

    async upload(
      actor: Actor,
      clinicId: string,
      meta: UploadDocument,
      file: { fileName: string; content: Buffer },
    ) {
      assertClinicAccess(actor, clinicId);
      if (file.content.length > config.edoMaxFileBytes)
        throw new AppError('PAYLOAD_TOO_LARGE', `Файл больше ${config.edoMaxFileBytes / 1024 / 1024} МБ`, {
          fields: { file: `Не больше ${config.edoMaxFileBytes / 1024 / 1024} МБ` },
        });
      if (!file.content.length)
        throw new AppError('VALIDATION_FAILED', 'Файл пустой', { fields: { file: 'Файл пустой' } });
      const checked = checkFile(file.fileName, file.content);
      if (!checked.ok)
        throw new AppError('VALIDATION_FAILED', checked.reason, { fields: { file: checked.reason } });
      const clinic = await loadClinic(db, clinicId);
      const id = ids.uuid();
      const now = clock.now();
      const side = sideOf(actor);
      const storageKey = `edo/documents/${id}/original`;
      await storage.put(storageKey, file.content, checked.contentType);
      const hash = sha256(file.content);
      const title = documentTitle(meta);
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
          contentType: checked.contentType,
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
          after: {
            clinicId,
            side,
            type: meta.type,
            number: meta.number,
            fileName: file.fileName,
            sha256: hash,
          },
        });
        const lines = [
          `${side === 'service' ? serviceName : clinic.shortName} ${side === 'service' ? 'направил' : 'направила'} документ: ${title}.`,
          ...(meta.periodFrom || meta.periodTo
            ? [
                `Период: ${meta.periodFrom ? ruDate(meta.periodFrom) : '…'} — ${meta.periodTo ? ruDate(meta.periodTo) : '…'}.`,
              ]
            : []),
          ...(meta.comment ? [`Комментарий: ${meta.comment}`] : []),
          'Откройте документ в кабинете, чтобы подписать его или отклонить с указанием причины.',
        ];
        return side === 'service'
          ? notify.toClinic(tx, clinicId, 'documents', `Новый документ: ${title}`, lines)
          : notify.toService(tx, 'documents', `${clinic.shortName}: ${title}`, lines);
      });
      await deps.outbox.dispatch(messageIds);
      return view(actor, clinicId, id);
    },

    async get(actor: Actor, clinicId: string, id: string) {
      assertClinicAccess(actor, clinicId);
      await markReceived(actor, await loadDocumentRow(db, clinicId, id));
      return view(actor, clinicId, id);
    },

    async file(actor: Actor, clinicId: string, id: string) {
      assertClinicAccess(actor, clinicId);
      const d = await loadDocumentRow(db, clinicId, id);
      await markReceived(actor, d);
      return { fileName: d.fileName, contentType: d.contentType, content: await storage.get(d.storageKey) };
    },

    async signedPdf(actor: Actor, clinicId: string, id: string) {
      assertClinicAccess(actor, clinicId);
      const d = await loadDocumentRow(db, clinicId, id);
      if (!d.signedPdfKey) throw new AppError('NOT_FOUND', 'Документ ещё не подписан');
      return { fileName: `${d.number}-лист-подписания.pdf`, content: await storage.get(d.signedPdfKey) };
    },

    async requestCode(actor: Actor, clinicId: string, id: string, channel?: 'sms' | 'email') {
      assertClinicAccess(actor, clinicId);
      const d = await loadDocumentRow(db, clinicId, id);
      await answer(actor, d, 'sign');
      return signing.requestCode(actor, target(d), channel);
    },

    async sign(actor: Actor, clinicId: string, id: string, input: SignRequest) {
      assertClinicAccess(actor, clinicId);
      const d = await loadDocumentRow(db, clinicId, id);
      const side = sideOf(actor);
      const existing = (await signaturesOf(db, 'documentId', [id])).get(id) ?? [];
      if (existing.some((s) => s.side === side)) return view(actor, clinicId, id);
      await answer(actor, d, 'sign');
      await signing.assertSameDocument(actor, target(d), input.documentHash, d.sha256);
      const codeId = await signing.verifyCode(actor, target(d), input);
      const now = clock.now();
      const user = actor.user!;
      const clinic = await loadClinic(db, clinicId);
      const signature: SignatureView = {
        side,
        signerName: user.fullName,
        signerPost: input.signerPost,
        signedAt: now.toISOString(),
        documentSha256: d.sha256,
        codeId,
      };
      const sheet = await renderSignatureSheet(
        {
          title: documentTitle(d),
          clinicName: clinic.shortName,
          senderName: d.senderSide === 'service' ? serviceName : clinic.shortName,
          fileName: d.fileName,
          size: d.size,
          sha256: d.sha256,
          period:
            d.periodFrom || d.periodTo
              ? `${d.periodFrom ? ruDate(d.periodFrom) : '…'} — ${d.periodTo ? ruDate(d.periodTo) : '…'}`
              : null,
          comment: d.comment,
        },
        [signature],
        { service: serviceName, clinic: clinic.shortName },
      );
      const signedPdfKey = `edo/documents/${id}/signed-${codeId}.pdf`;
      await storage.put(signedPdfKey, sheet, 'application/pdf');
      try {
        const messageIds = await db.transaction(async (tx) => {
          await tx.insert(edoSignatures).values({
            id: ids.uuid(),
            documentId: id,
            side,
            signerUserId: user.id,
            signerName: user.fullName,
            signerPost: input.signerPost,
            documentSha256: d.sha256,
            otpCodeId: codeId,
            signedAt: now,
            ip: actor.ip,
          });
          const updated = await tx
            .update(clinicDocuments)
            .set({
              status: 'signed',
              signedPdfKey,
              receivedAt: d.receivedAt ?? now,
              receivedBy: d.receivedBy ?? user.id,
            })
            .where(and(eq(clinicDocuments.id, id), eq(clinicDocuments.status, d.status)))
            .returning({ id: clinicDocuments.id });
          if (!updated.length) throw new AppError('INVALID_STATE', 'Документ уже подписан или отклонён');
          await addEvent(tx, {
            id: ids.uuid(),
            clinicId,
            documentId: id,
            action: 'signed',
            actor,
            details: `${user.fullName}, ${input.signerPost}; SHA-256 ${d.sha256}`,
            at: now,
          });
          await writeAudit(tx, clock, actor, {
            action: 'clinic_document.signed',
            entityType: 'clinic_document',
            entityId: id,
            before: { status: d.status },
            after: { status: 'signed', side, sha256: d.sha256, codeId, signerPost: input.signerPost },
          });
          const lines = [
            `${documentTitle(d)} подписан ${side === 'clinic' ? `клиникой ${clinic.shortName}` : 'сервисом'}.`,
            `Подписант: ${user.fullName}, ${input.signerPost}.`,
          ];
          return d.senderSide === 'service'
            ? notify.toService(tx, 'documents', `Подписан: ${documentTitle(d)} (${clinic.shortName})`, lines)
            : notify.toClinic(tx, clinicId, 'documents', `Подписан: ${documentTitle(d)}`, lines);
        });
        await deps.outbox.dispatch(messageIds);
      } catch (e) {
        if (violated(e) !== 'edo_signatures_document_side_uq') throw e;
      }
      return view(actor, clinicId, id);
    },

    async reject(actor: Actor, clinicId: string, id: string, reason: string) {
      assertClinicAccess(actor, clinicId);
      const d = await loadDocumentRow(db, clinicId, id);
      await answer(actor, d, 'reject');
      const clinic = await loadClinic(db, clinicId);
      const now = clock.now();
      const messageIds = await db.transaction(async (tx) => {
        const updated = await tx
          .update(clinicDocuments)
          .set({ status: 'rejected', rejectedAt: now, rejectReason: reason, receivedAt: d.receivedAt ?? now })
          .where(and(eq(clinicDocuments.id, id), eq(clinicDocuments.status, d.status)))
          .returning({ id: clinicDocuments.id });
        if (!updated.length) throw new AppError('INVALID_STATE', 'Документ уже подписан или отклонён');
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
          after: { status: 'rejected', reason },
        });
        const lines = [
          `${documentTitle(d)} отклонён.`,
          `Причина: ${reason}`,
          `Отклонил(а): ${actor.user!.fullName}.`,
        ];
        return d.senderSide === 'service'
          ? notify.toService(tx, 'documents', `Отклонён: ${documentTitle(d)} (${clinic.shortName})`, lines)
          : notify.toClinic(tx, clinicId, 'documents', `Отклонён: ${documentTitle(d)}`, lines);
      });
      await deps.outbox.dispatch(messageIds);
      return view(actor, clinicId, id);
    },
  };
}

export type DocumentsService = ReturnType<typeof documentsService>;
