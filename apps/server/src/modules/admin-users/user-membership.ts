import type { ROLE_ORGANISATION, Role } from '@remed/core';
import { uniqueViolation } from '../../db/unique-violation.ts';
import { AppError } from '../../platform/errors.ts';

/** The roles of a user and the organisations those roles need. */
export type Membership = {
  roles: Role[];
  clinicIds: string[];
  insurerId: string | null;
  policyholderId: string | null;
};

/** Clinic staff, insurer staff and policyholder representatives each belong to an organisation of theirs. */
export function assertMembership(m: Membership) {
  const need = (role: keyof typeof ROLE_ORGANISATION, ok: boolean, field: string, text: string) => {
    if (m.roles.includes(role) && !ok)
      throw new AppError('ORGANISATION_REQUIRED', text, { fields: { [field]: text } });
  };
  need('clinic_user', m.clinicIds.length > 0, 'clinicIds', 'Сотруднику клиники укажите хотя бы одну клинику');
  need('insurer_user', !!m.insurerId, 'insurerId', 'Сотруднику страховой компании укажите компанию');
  need(
    'policyholder_user',
    !!m.policyholderId,
    'policyholderId',
    'Представителю страхователя укажите организацию',
  );
}

/**
 * Runs a write of a user's contacts, mapping a unique-constraint violation on e-mail or phone to the error
 * the form can show next to its field.
 */
export async function withUniqueContacts<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    const constraint = uniqueViolation(e);
    if (constraint === 'users_email_uq')
      throw new AppError('EMAIL_TAKEN', undefined, { fields: { email: 'Этот адрес уже занят' } });
    if (constraint === 'users_phone_uq')
      throw new AppError('PHONE_TAKEN', undefined, { fields: { phone: 'Этот номер уже занят' } });
    throw e;
  }
}
