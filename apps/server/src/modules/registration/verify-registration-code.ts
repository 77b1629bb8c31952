import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { otpService } from '../../platform/otp.ts';
import { REGISTRATION_CODE, REGISTRATION_TICKET, registrationCandidate } from './registration.queries.ts';

const TICKET_TTL_MS = 30 * 60_000;

/** Spends the SMS code for a ticket that lets the person set a password; greets them by the name on the list. */
export async function verifyRegistrationCode(
  deps: Pick<AppDeps, 'database' | 'clock' | 'ids'>,
  phone: string,
  code: string,
) {
  const db = deps.database.db;
  const otp = otpService(deps);
  const person = await registrationCandidate(db, phone, deps.clock.now());
  if (!person) throw new AppError('CODE_INVALID');
  if (person.userId) throw new AppError('ALREADY_REGISTERED');
  // Not in a transaction: a wrong code must keep its spent attempt.
  await otp.verify(db, REGISTRATION_CODE, phone, code);
  const ticket = deps.ids.secret(24);
  await otp.issue(db, REGISTRATION_TICKET, phone, { code: ticket, ttlMs: TICKET_TTL_MS });
  return { ticket, firstName: person.firstName, middleName: person.middleName, email: person.email };
}
