import {
  type FilledAgreement,
  fillContract,
  fillSupplement,
  missingRequisites,
  missingRequisitesMessage,
  REQUISITE_LABELS,
  type SignatureView,
  type SupplementTerms,
} from '@remed/core';
import { and, desc, eq, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { clinicCashback } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { loadClinic, requisitesOf } from './clinics.queries.ts';
import { type ContractRow, loadContractRow } from './contracts.queries.ts';
import { renderAgreementPdf } from './edo-pdf.ts';

/** What the text of a contract or an agreement is made from. */
export type AgreementShape = Pick<
  ContractRow,
  | 'kind'
  | 'number'
  | 'documentDate'
  | 'validUntil'
  | 'clinicId'
  | 'parentId'
  | 'supplementType'
  | 'effectiveFrom'
  | 'cashbackPercent'
>;

async function completeRequisites(db: DbOrTx, clinicId: string) {
  const clinic = await loadClinic(db, clinicId);
  const requisites = requisitesOf(clinic);
  const missing = missingRequisites(requisites);
  if (missing.length)
    throw new AppError('REQUISITES_INCOMPLETE', missingRequisitesMessage(missing), {
      fields: Object.fromEntries(missing.map((k) => [k, `Заполните: ${REQUISITE_LABELS[k]}`])),
      missing,
    });
  return { clinic, requisites };
}

async function cashbackOn(db: DbOrTx, clinicId: string, day: string) {
  const [row] = await db
    .select({ percent: clinicCashback.percent })
    .from(clinicCashback)
    .where(and(eq(clinicCashback.clinicId, clinicId), lte(clinicCashback.validFrom, day)))
    .orderBy(desc(clinicCashback.validFrom))
    .limit(1);
  return row?.percent ?? null;
}

const termsOf = (row: AgreementShape): SupplementTerms =>
  row.supplementType === 'prolongation'
    ? { type: 'prolongation', validUntil: row.validUntil! }
    : row.supplementType === 'cashback'
      ? { type: 'cashback', effectiveFrom: row.effectiveFrom!, cashbackPercent: row.cashbackPercent! }
      : { type: 'requisites', effectiveFrom: row.effectiveFrom! };

/** The text of a contract or agreement with the clinic's requisites as they are now. */
export async function fillAgreement(deps: Pick<AppDeps, 'config'>, tx: DbOrTx, row: AgreementShape) {
  const { config } = deps;
  const { clinic, requisites } = await completeRequisites(tx, row.clinicId);
  const base = {
    number: row.number,
    date: row.documentDate,
    city: config.serviceCity,
    service: config.serviceParty,
    clinic: requisites,
  };
  if (row.kind === 'contract')
    return {
      clinic,
      content: fillContract({
        ...base,
        validUntil: row.validUntil!,
        cashbackPercent: await cashbackOn(tx, row.clinicId, row.documentDate),
      }),
    };
  const parent = await loadContractRow(tx, row.clinicId, row.parentId!);
  return {
    clinic,
    content: fillSupplement({
      ...base,
      contractNumber: parent.number,
      contractDate: parent.documentDate,
      terms: termsOf(row),
    }),
  };
}

/** The PDF of the text, with a stamp for each signature it has. */
export function renderAgreement(
  deps: Pick<AppDeps, 'config'>,
  content: FilledAgreement,
  number: string,
  clinicName: string,
  signatures: SignatureView[] = [],
) {
  const author = deps.config.serviceParty.shortName;
  return renderAgreementPdf(
    content,
    { number, author, parties: { service: author, clinic: clinicName } },
    signatures,
  );
}

/** Keeps one version of the agreement's PDF; returns its storage key. */
export async function storeAgreementPdf(
  deps: Pick<AppDeps, 'storage'>,
  id: string,
  name: string,
  pdf: Buffer,
) {
  const key = `edo/contracts/${id}/${name}.pdf`;
  await deps.storage.put(key, pdf, 'application/pdf');
  return key;
}
