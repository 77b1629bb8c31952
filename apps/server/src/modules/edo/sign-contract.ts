import type { ContractStatus } from '@remed/core';
import { eq } from 'drizzle-orm';
import { clinicCashback, clinicContracts } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { renderAgreement } from './agreement-text.ts';
import { contractNotices } from './contract-notices.ts';
import { nextContractStatus } from './contract-steps.ts';
import { contractTitle, contractView, loadContractRow } from './contracts.queries.ts';
import { moveIfUnchanged } from './moves.queries.ts';
import { type Signable, signingByCode } from './sign-with-code.ts';

async function signableContract(
  deps: AppDeps,
  _actor: Actor,
  clinicId: string,
  id: string,
): Promise<Signable<ContractStatus>> {
  const row = await loadContractRow(deps.database.db, clinicId, id);
  const notices = contractNotices(deps);
  return {
    target: { entity: 'contract', id, clinicId, title: contractTitle(row) },
    status: row.status,
    sha256: row.pdfSha256,
    next: (side) => nextContractStatus(row, 'sign', side),
    render: (signatures, clinic) =>
      renderAgreement(deps, row.content, row.number, clinic.shortName, signatures),
    async record(tx, s) {
      const signedAt = s.next === 'signed' ? s.now : null;
      const set = { status: s.next, signedPdfKey: s.signedPdfKey, updatedAt: s.now, signedAt };
      // The bytes signed must still be the current original, not only the status.
      const same = eq(clinicContracts.pdfSha256, row.pdfSha256);
      if (!(await moveIfUnchanged(tx, clinicContracts, row, set, same)))
        throw new AppError('DOCUMENT_CHANGED');
      if (s.next === 'signed' && row.supplementType === 'cashback')
        await tx
          .insert(clinicCashback)
          .values({ clinicId, validFrom: row.effectiveFrom!, percent: row.cashbackPercent! })
          .onConflictDoUpdate({
            target: [clinicCashback.clinicId, clinicCashback.validFrom],
            set: { percent: row.cashbackPercent! },
          });
    },
    notify: (tx, s) =>
      s.next === 'signed_by_clinic'
        ? notices.signedByClinic(tx, row, s.clinic, `${s.user.fullName}, ${s.signerPost}`)
        : notices.signedByBoth(tx, row, s.stamped),
  };
}

/**
 * The clinic signs first, the service countersigns; each signature stamps the text again. A cashback
 * agreement signed by both sets the clinic's cashback from its date.
 */
export const contractSigning = signingByCode(signableContract, contractView);
