import { type ContractStatus, missingRequisites, REQUISITE_LABELS } from '@remed/core';
import { and, eq } from 'drizzle-orm';
import { clinicContracts } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { loadClinic, requisitesOf } from './clinics.queries.ts';
import { contractView, loadContractRow, loadContracts } from './contracts.queries.ts';

/** The clinic's contract and agreements, which requisites a contract still lacks, and whether one may be formed. */
export async function listClinicContracts(deps: AppDeps, actor: Actor, clinicId: string) {
  assertClinicAccess(actor, clinicId);
  const db = deps.database.db;
  const clinic = await loadClinic(db, clinicId);
  const contracts = await loadContracts(db, actor, eq(clinicContracts.clinicId, clinicId));
  return {
    contracts,
    missingRequisites: missingRequisites(requisitesOf(clinic)).map((field) => ({
      field,
      label: REQUISITE_LABELS[field],
    })),
    canCreateContract: !contracts.some((c) => c.kind === 'contract' && c.status !== 'cancelled'),
  };
}

/** Every clinic's contracts and agreements, for the service. */
export function listAllContracts(
  deps: AppDeps,
  actor: Actor,
  filter: { clinicId?: string | undefined; status?: ContractStatus | undefined },
) {
  return loadContracts(
    deps.database.db,
    actor,
    and(
      filter.clinicId ? eq(clinicContracts.clinicId, filter.clinicId) : undefined,
      filter.status ? eq(clinicContracts.status, filter.status) : undefined,
    ),
  );
}

export function getContract(deps: AppDeps, actor: Actor, clinicId: string, id: string) {
  assertClinicAccess(actor, clinicId);
  return contractView(deps.database.db, actor, clinicId, id);
}

/** The PDF exactly as it is signed, with its hash. */
export async function contractPdf(deps: AppDeps, actor: Actor, clinicId: string, id: string) {
  assertClinicAccess(actor, clinicId);
  const row = await loadContractRow(deps.database.db, clinicId, id);
  return {
    fileName: `${row.number}.pdf`,
    content: await deps.storage.get(row.pdfKey),
    sha256: row.pdfSha256,
  };
}

/** The copy with the stamps of the signatures so far. */
export async function signedContractPdf(deps: AppDeps, actor: Actor, clinicId: string, id: string) {
  assertClinicAccess(actor, clinicId);
  const row = await loadContractRow(deps.database.db, clinicId, id);
  if (!row.signedPdfKey) throw new AppError('NOT_FOUND', 'Документ ещё никто не подписал');
  return { fileName: `${row.number}-подписан.pdf`, content: await deps.storage.get(row.signedPdfKey) };
}
