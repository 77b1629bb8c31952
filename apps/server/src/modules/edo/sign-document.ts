import type { DocumentStatus } from '@remed/core';
import { clinicDocuments } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { answeredStatus, tellSender } from './document-answers.ts';
import { documentTitle, documentView, loadDocumentRow, periodText } from './documents.queries.ts';
import { renderSignatureSheet } from './edo-pdf.ts';
import { moveIfUnchanged } from './moves.queries.ts';
import { type Signable, signingByCode } from './sign-with-code.ts';

async function signableDocument(
  deps: AppDeps,
  actor: Actor,
  clinicId: string,
  id: string,
): Promise<Signable<DocumentStatus>> {
  const serviceName = deps.config.serviceParty.shortName;
  const d = await loadDocumentRow(deps.database.db, clinicId, id);
  return {
    target: { entity: 'document', id, clinicId, title: documentTitle(d) },
    status: d.status,
    sha256: d.sha256,
    next: () => answeredStatus(actor, d, 'sign'),
    render: (signatures, clinic) =>
      renderSignatureSheet(
        {
          title: documentTitle(d),
          clinicName: clinic.shortName,
          senderName: d.senderSide === 'service' ? serviceName : clinic.shortName,
          fileName: d.fileName,
          size: d.size,
          sha256: d.sha256,
          period: periodText(d),
          comment: d.comment,
        },
        signatures,
        { service: serviceName, clinic: clinic.shortName },
      ),
    async record(tx, s) {
      const set = {
        status: s.next,
        signedPdfKey: s.signedPdfKey,
        receivedAt: d.receivedAt ?? s.now,
        receivedBy: d.receivedBy ?? s.user.id,
      };
      if (!(await moveIfUnchanged(tx, clinicDocuments, d, set)))
        throw new AppError('INVALID_STATE', 'Документ уже подписан или отклонён');
    },
    notify: (tx, s) =>
      tellSender(deps, tx, d, s.clinic, 'Подписан', [
        `${documentTitle(d)} подписан ${s.side === 'clinic' ? `клиникой ${s.clinic.shortName}` : 'сервисом'}.`,
        `Подписант: ${s.user.fullName}, ${s.signerPost}.`,
      ]),
  };
}

/**
 * The counterpart signs the file as it was uploaded: the file is never rewritten, a signature sheet bound to
 * it by its hash travels beside it. Signing also marks a document not yet opened as received.
 */
export const documentSigning = signingByCode(signableDocument, documentView);
