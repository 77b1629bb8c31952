import type { ClinicRegistration } from '@remed/core';

/** The one-time code purpose of a clinic's self-registration. */
export const CLINIC_REGISTRATION_CODE = 'clinic_registration';

/** The contact the code goes to; the key keeps an e-mail and a phone apart in the one-time code table. */
export function confirmationContact(r: ClinicRegistration) {
  return r.confirmBy === 'phone' && r.userPhone
    ? { channel: 'phone' as const, to: r.userPhone, key: `phone:${r.userPhone}` }
    : { channel: 'email' as const, to: r.userEmail, key: `email:${r.userEmail}` };
}
