import type { AppDeps } from '../../platform/deps.ts';

/** Who the operator of personal data is, for the public page of the processing policy. */
export function privacyOperator(deps: Pick<AppDeps, 'config'>) {
  const { name, inn, ogrn, address, email, phone } = deps.config.serviceParty;
  return { name, inn, ogrn, address, email, phone };
}
