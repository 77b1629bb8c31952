import type { ClinicRegistration, RegistrationCodeSent } from '@remed/core';
import type { AppDeps } from '../../platform/deps.ts';
import { otpService } from '../../platform/otp.ts';
import type { PlainMessage } from '../../platform/outbox.ts';
import { assertRegistrable } from './clinic-checks.ts';
import { CLINIC_REGISTRATION_CODE, confirmationContact } from './confirmation-contact.ts';

const RESEND_AFTER_SECONDS = 60;

/** Checks the application as registration will, then sends the code to the e-mail or phone chosen. */
export async function requestRegistrationCode(
  deps: Pick<AppDeps, 'database' | 'config' | 'companyDirectory' | 'clock' | 'ids' | 'outbox'>,
  r: ClinicRegistration,
): Promise<RegistrationCodeSent> {
  await assertRegistrable(deps, r);
  const contact = confirmationContact(r);
  const messageId = await deps.database.db.transaction(async (tx) => {
    const { code } = await otpService(deps).issue(tx, CLINIC_REGISTRATION_CODE, contact.key);
    return deps.outbox.add(tx, codeMessage(r, contact, code));
  });
  await deps.outbox.dispatch([messageId]);
  return { sentTo: contact.to, channel: contact.channel, resendAfterSeconds: RESEND_AFTER_SECONDS };
}

function codeMessage(
  r: ClinicRegistration,
  contact: ReturnType<typeof confirmationContact>,
  code: string,
): PlainMessage {
  const text = `Код подтверждения регистрации клиники «${r.shortName}» в remed: ${code}. Код действует 10 минут. Никому его не сообщайте.`;
  return contact.channel === 'email'
    ? {
        channel: 'email',
        to: contact.to,
        subject: `Код подтверждения регистрации: ${code}`,
        body: `Здравствуйте, ${r.fullName}!\n\n${text}\n\nЕсли вы не регистрировали клинику, просто удалите это письмо.`,
      }
    : { channel: 'sms', to: contact.to, body: `remed: ${text}` };
}
