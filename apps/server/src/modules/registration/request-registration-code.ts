import type { AppDeps } from '../../platform/deps.ts';
import { otpService } from '../../platform/otp.ts';
import { REGISTRATION_CODE, registrationCandidate } from './registration.queries.ts';

/** Answers the same whether or not the number is on a list, so it cannot be used to probe who is insured. */
export async function requestRegistrationCode(
  deps: Pick<AppDeps, 'database' | 'clock' | 'ids' | 'outbox'>,
  phone: string,
): Promise<void> {
  const db = deps.database.db;
  const person = await registrationCandidate(db, phone, deps.clock.now());
  if (!person || person.userId) return;
  const messageId = await db.transaction(async (tx) => {
    const { code } = await otpService(deps).issue(tx, REGISTRATION_CODE, phone);
    return deps.outbox.add(tx, {
      channel: 'sms',
      to: phone,
      body: `remed: код для регистрации ${code}. Никому его не сообщайте.`,
    });
  });
  await deps.outbox.dispatch([messageId]);
}
