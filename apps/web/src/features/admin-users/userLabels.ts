import { ROLE_TITLES, type UserView } from '@remed/core';

export const organisationOf = (u: UserView) =>
  [...u.clinics.map((c) => c.name), u.insurer?.name, u.policyholder?.name].filter(Boolean).join('; ') || '—';

export const rolesOf = (u: UserView) =>
  u.roles
    .map((r) => (r === 'oms_rep' && u.omsLevel ? `${ROLE_TITLES[r]}, уровень ${u.omsLevel}` : ROLE_TITLES[r]))
    .join(', ');
