import { inactiveCompanyReason } from '@remed/core';
import type { DbOrTx } from '../../db/client.ts';
import type { OrganisationStatus } from '../../integrations/directory/company-directory.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { findClinicByInn } from './clinics.queries.ts';

/** What the company directory said about the ИНН when the clinic was created; kept in the audit record. */
export type DirectoryVerdict = OrganisationStatus | 'not_found' | 'unavailable';

/** Checks shared by self-registration and a network's next legal entity. */
export function clinicChecks(deps: Pick<AppDeps, 'companyDirectory' | 'config'>) {
  return {
    alreadyRegistered(ownNetwork = false): AppError {
      const message = ownNetwork
        ? 'Эта организация уже есть в вашей сети: выберите её в переключателе клиник'
        : `Клиника с этим ИНН уже зарегистрирована в remed. Если вы работаете в ней, попросите доступ у службы поддержки: ${deps.config.service.phone}`;
      return new AppError('CLINIC_ALREADY_REGISTERED', message, { fields: { inn: message } });
    },

    /**
     * Refuses a ИНН that is already a clinic here. A clinic the service added by itself (from a public price
     * list) is refused too: its cabinet would show letters with patients' data to whoever typed its ИНН first,
     * so access to it is given by the support team after a check, not by a form.
     */
    async assertInnFree(db: DbOrTx, inn: string, ownClinicIds: readonly string[] = []) {
      const existing = await findClinicByInn(db, inn);
      if (existing) throw this.alreadyRegistered(ownClinicIds.includes(existing.id));
    },

    /**
     * Asks the directory again, whatever the browser was shown: a liquidated, liquidating or bankrupt company
     * is refused. A directory that is down or does not know the ИНН does not stop the registration (see
     * docs/decisions/006): the verdict is recorded, and the contract is signed only after the service checks it.
     */
    async companyStatus(inn: string): Promise<DirectoryVerdict> {
      const r = await deps.companyDirectory.findParty(inn);
      if (r.kind !== 'found') return r.kind;
      const reason = inactiveCompanyReason(r.party.status);
      if (reason) throw new AppError('COMPANY_INACTIVE', reason, { fields: { inn: reason } });
      return r.party.status;
    },
  };
}
