import { type ClinicRegistration, inactiveCompanyReason } from '@remed/core';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import type { OrganisationStatus } from '../../integrations/directory/company-directory.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { findClinicByInn } from './clinics.queries.ts';

/** What the company directory said about the ИНН when the clinic was created; kept in the audit record. */
export type DirectoryVerdict = OrganisationStatus | 'not_found' | 'unavailable';

export function clinicAlreadyRegistered(deps: Pick<AppDeps, 'config'>, ownNetwork = false): AppError {
  const message = ownNetwork
    ? 'Эта организация уже есть в вашей сети: выберите её в переключателе клиник'
    : `Клиника с этим ИНН уже зарегистрирована в remed. Если вы работаете в ней, попросите доступ у службы поддержки: ${deps.config.service.phone}`;
  return new AppError('CLINIC_ALREADY_REGISTERED', message, { fields: { inn: message } });
}

export function emailTaken(): AppError {
  const message =
    'Этот адрес уже занят. Если вы уже работаете в remed, войдите и добавьте организацию в разделе «Клиники сети»';
  return new AppError('EMAIL_TAKEN', message, { fields: { userEmail: message } });
}

export function phoneTaken(): AppError {
  const message = 'Этот номер уже привязан к другой учётной записи';
  return new AppError('PHONE_TAKEN', message, { fields: { userPhone: message } });
}

/**
 * Refuses a ИНН that is already a clinic here. A clinic the service added by itself (from a public price
 * list) is refused too: its cabinet would show letters with patients' data to whoever typed its ИНН first,
 * so access to it is given by the support team after a check, not by a form.
 */
export async function assertInnFree(
  deps: Pick<AppDeps, 'config'>,
  db: DbOrTx,
  inn: string,
  ownClinicIds: readonly string[] = [],
) {
  const existing = await findClinicByInn(db, inn);
  if (existing) throw clinicAlreadyRegistered(deps, ownClinicIds.includes(existing.id));
}

/**
 * Asks the directory again, whatever the browser was shown: a liquidated, liquidating or bankrupt company
 * is refused. A directory that is down or does not know the ИНН does not stop the registration (see
 * docs/decisions/006): the verdict is recorded, and the contract is signed only after the service checks it.
 */
export async function companyStatus(
  deps: Pick<AppDeps, 'companyDirectory'>,
  inn: string,
): Promise<DirectoryVerdict> {
  const r = await deps.companyDirectory.findParty(inn);
  if (r.kind !== 'found') return r.kind;
  const reason = inactiveCompanyReason(r.party.status);
  if (reason) throw new AppError('COMPANY_INACTIVE', reason, { fields: { inn: reason } });
  return r.party.status;
}

/** Everything that can refuse a self-registration before a code is sent or spent. */
export async function assertRegistrable(
  deps: Pick<AppDeps, 'database' | 'config' | 'companyDirectory'>,
  r: ClinicRegistration,
): Promise<DirectoryVerdict> {
  const db = deps.database.db;
  await assertInnFree(deps, db, r.inn);
  const [byEmail] = await db.select({ id: users.id }).from(users).where(eq(users.email, r.userEmail));
  if (byEmail) throw emailTaken();
  if (r.userPhone) {
    const [byPhone] = await db.select({ id: users.id }).from(users).where(eq(users.phone, r.userPhone));
    if (byPhone) throw phoneTaken();
  }
  return companyStatus(deps, r.inn);
}
