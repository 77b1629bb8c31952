import type { DocumentFilter, HistoryFilter } from '@remed/core';
import { asc } from 'drizzle-orm';
import { clinics } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { loadDocumentRow, loadDocuments } from './documents.queries.ts';
import { loadHistory } from './history.queries.ts';

export function listClinicDocuments(deps: AppDeps, actor: Actor, clinicId: string, filter: DocumentFilter) {
  assertClinicAccess(actor, clinicId);
  return loadDocuments(deps.database.db, actor, { ...filter, clinicId });
}

/** Every clinic's documents, for the service. */
export const listAllDocuments = (deps: AppDeps, actor: Actor, filter: DocumentFilter) =>
  loadDocuments(deps.database.db, actor, filter);

/** The signature sheet of a signed document. */
export async function documentSignatureSheet(deps: AppDeps, actor: Actor, clinicId: string, id: string) {
  assertClinicAccess(actor, clinicId);
  const d = await loadDocumentRow(deps.database.db, clinicId, id);
  if (!d.signedPdfKey) throw new AppError('NOT_FOUND', 'Документ ещё не подписан');
  return { fileName: `${d.number}-лист-подписания.pdf`, content: await deps.storage.get(d.signedPdfKey) };
}

/** What was done with the clinic's contracts and documents, by whom and when. */
export function clinicHistory(deps: AppDeps, actor: Actor, clinicId: string, filter: HistoryFilter) {
  assertClinicAccess(actor, clinicId);
  return loadHistory(deps.database.db, { ...filter, clinicId });
}

/** The same over every clinic, for the service. */
export const allHistory = (deps: AppDeps, filter: HistoryFilter) => loadHistory(deps.database.db, filter);

/** Every clinic, for the service's filter. */
export const edoClinics = (deps: AppDeps) =>
  deps.database.db
    .select({ id: clinics.id, name: clinics.shortName, inn: clinics.inn })
    .from(clinics)
    .orderBy(asc(clinics.shortName));
