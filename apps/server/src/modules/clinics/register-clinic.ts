import { type ClinicRegistration, USER_AGREEMENT } from '@remed/core';
import type { Tx } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import { uniqueViolation } from '../../db/unique-violation.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import { otpService } from '../../platform/otp.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { logInNewUser } from '../auth/log-in.ts';
import { offerContractToNewClinic } from '../edo/draw-up-contract.ts';
import {
  assertRegistrable,
  clinicAlreadyRegistered,
  type DirectoryVerdict,
  emailTaken,
  phoneTaken,
} from './clinic-checks.ts';
import { createClinicFor, requisitesView } from './clinics.queries.ts';
import { CLINIC_REGISTRATION_CODE, confirmationContact } from './confirmation-contact.ts';

type Registration = ClinicRegistration & { code: string };
type Contact = ReturnType<typeof confirmationContact>;

/**
 * Self-registration of a clinic: the requisites (checked like everywhere else, and against the company
 * directory once more), the first employee's account, the user agreement, and a one-time code that proves the
 * employee owns the e-mail or phone they gave. The new employee is signed in.
 */
export async function registerClinic(
  deps: AppDeps,
  actor: Actor,
  r: Registration,
  meta: { userAgent: string | null },
) {
  const directory = await assertRegistrable(deps, r);
  const contact = confirmationContact(r);
  const otpCodeId = await spendCode(deps, r, contact);
  const passwordHash = await hashPassword(r.password, deps.config.bcryptCost);
  const userId = deps.ids.uuid();
  const clinicId = deps.ids.uuid();
  try {
    await deps.database.db.transaction((tx) =>
      createClinicAndEmployee(deps, tx, actor, {
        r,
        contact,
        directory,
        otpCodeId,
        passwordHash,
        userId,
        clinicId,
        meta,
      }),
    );
  } catch (e) {
    const constraint = uniqueViolation(e);
    if (constraint === 'clinics_inn_uq') throw clinicAlreadyRegistered(deps);
    if (constraint === 'users_email_uq') throw emailTaken();
    if (constraint === 'users_phone_uq') throw phoneTaken();
    throw e;
  }
  await offerContractToNewClinic(deps, clinicId);
  return logInNewUser(deps, actor, { login: r.userEmail, password: r.password }, meta);
}

/** Not in the registration's transaction: a wrong code must keep its spent attempt. */
async function spendCode(deps: AppDeps, r: Registration, contact: Contact): Promise<string> {
  try {
    return (await otpService(deps).verify(deps.database.db, CLINIC_REGISTRATION_CODE, contact.key, r.code))
      .id;
  } catch (e) {
    if (!isAppError(e)) throw e;
    // The shared message speaks of SMS; this code may have come by e-mail.
    const message =
      e.code === 'CODE_INVALID'
        ? `Неверный код. Проверьте цифры из ${contact.channel === 'email' ? 'письма' : 'SMS'}`
        : e.message;
    throw new AppError(e.code, message, { fields: { code: message } });
  }
}

async function createClinicAndEmployee(
  deps: Pick<AppDeps, 'clock' | 'ids'>,
  tx: Tx,
  actor: Actor,
  o: {
    r: Registration;
    contact: Contact;
    directory: DirectoryVerdict;
    otpCodeId: string;
    passwordHash: string;
    userId: string;
    clinicId: string;
    meta: { userAgent: string | null };
  },
) {
  const { r, userId, clinicId } = o;
  const { clock, ids } = deps;
  const now = clock.now();
  await tx.insert(users).values({
    id: userId,
    fullName: r.fullName,
    email: r.userEmail,
    phone: r.userPhone,
    passwordHash: o.passwordHash,
    roles: ['clinic_user'],
    createdAt: now,
    updatedAt: now,
  });
  const clinic = await createClinicFor(tx, {
    id: clinicId,
    requisites: r,
    userId,
    agreementId: ids.uuid(),
    at: now,
    ip: actor.ip,
    userAgent: o.meta.userAgent,
    confirmedContact: o.contact.to,
    otpCodeId: o.otpCodeId,
  });
  const self = { ...actor, user: null };
  await writeAudit(tx, clock, self, {
    onBehalfOf: userId,
    action: 'clinic.registered',
    entityType: 'clinic',
    entityId: clinicId,
    after: { ...requisitesView(clinic), directory: o.directory, userAgreement: USER_AGREEMENT.version },
  });
  await writeAudit(tx, clock, self, {
    onBehalfOf: userId,
    action: 'user.registered',
    entityType: 'user',
    entityId: userId,
    after: {
      fullName: r.fullName,
      email: r.userEmail,
      phone: r.userPhone,
      roles: ['clinic_user'],
      clinicIds: [clinicId],
      confirmed: o.contact.channel,
    },
  });
}
