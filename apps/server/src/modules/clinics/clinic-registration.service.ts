import { type ClinicRegistration, USER_AGREEMENT } from '@remed/core';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import { otpService } from '../../platform/otp.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { authService } from '../auth/auth.service.ts';
import { offerContractToNewClinic } from '../edo/draw-up-contract.ts';
import { clinicChecks } from './clinic-checks.ts';
import { createClinicFor, findClinicByInn, requisitesView, violatedConstraint } from './clinics.queries.ts';

const CODE = 'clinic_registration';
const RESEND_AFTER_SECONDS = 60;

const emailTaken = () => {
  const message =
    'Этот адрес уже занят. Если вы уже работаете в remed, войдите и добавьте организацию в разделе «Клиники сети»';
  return new AppError('EMAIL_TAKEN', message, { fields: { userEmail: message } });
};
const phoneTaken = () => {
  const message = 'Этот номер уже привязан к другой учётной записи';
  return new AppError('PHONE_TAKEN', message, { fields: { userPhone: message } });
};

/** The contact the code goes to; the key keeps an e-mail and a phone apart in the one-time code table. */
function contactOf(r: ClinicRegistration) {
  return r.confirmBy === 'phone' && r.userPhone
    ? { channel: 'phone' as const, to: r.userPhone, key: `phone:${r.userPhone}` }
    : { channel: 'email' as const, to: r.userEmail, key: `email:${r.userEmail}` };
}

/**
 * Self-registration of a clinic: the requisites (checked like everywhere else, and against the company
 * directory once more), the first employee's account, the user agreement, and a one-time code that proves the
 * employee owns the e-mail or phone they gave.
 */
export function clinicRegistrationService(deps: AppDeps) {
  const { database, clock, ids, config } = deps;
  const db = database.db;
  const otp = otpService(deps);
  const checks = clinicChecks(deps);

  /** Everything that can be refused before a code is sent or spent. */
  async function assertRegistrable(r: ClinicRegistration) {
    await checks.assertInnFree(db, r.inn);
    const [byEmail] = await db.select({ id: users.id }).from(users).where(eq(users.email, r.userEmail));
    if (byEmail) throw emailTaken();
    if (r.userPhone) {
      const [byPhone] = await db.select({ id: users.id }).from(users).where(eq(users.phone, r.userPhone));
      if (byPhone) throw phoneTaken();
    }
    return checks.companyStatus(r.inn);
  }

  return {
    async innAvailable(inn: string) {
      return { available: !(await findClinicByInn(db, inn)) };
    },

    async requestCode(r: ClinicRegistration) {
      await assertRegistrable(r);
      const contact = contactOf(r);
      const messageId = await db.transaction(async (tx) => {
        const { code } = await otp.issue(tx, CODE, contact.key);
        const text = `Код подтверждения регистрации клиники «${r.shortName}» в remed: ${code}. Код действует 10 минут. Никому его не сообщайте.`;
        return deps.outbox.add(
          tx,
          contact.channel === 'email'
            ? {
                channel: 'email',
                to: contact.to,
                subject: `Код подтверждения регистрации: ${code}`,
                body: `Здравствуйте, ${r.fullName}!\n\n${text}\n\nЕсли вы не регистрировали клинику, просто удалите это письмо.`,
              }
            : { channel: 'sms', to: contact.to, body: `remed: ${text}` },
        );
      });
      await deps.outbox.dispatch([messageId]);
      return { sentTo: contact.to, channel: contact.channel, resendAfterSeconds: RESEND_AFTER_SECONDS };
    },

    async register(
      actor: Actor,
      r: ClinicRegistration & { code: string },
      meta: { userAgent: string | null },
    ) {
      const directory = await assertRegistrable(r);
      const contact = contactOf(r);
      let otpCodeId: string;
      try {
        // Not in the transaction below: a wrong code must keep its spent attempt.
        otpCodeId = (await otp.verify(db, CODE, contact.key, r.code)).id;
      } catch (e) {
        if (!isAppError(e)) throw e;
        // The shared message speaks of SMS; this code may have come by e-mail.
        const message =
          e.code === 'CODE_INVALID'
            ? `Неверный код. Проверьте цифры из ${contact.channel === 'email' ? 'письма' : 'SMS'}`
            : e.message;
        throw new AppError(e.code, message, { fields: { code: message } });
      }
      const passwordHash = await hashPassword(r.password, config.bcryptCost);
      const userId = ids.uuid();
      const clinicId = ids.uuid();
      const now = clock.now();
      try {
        await db.transaction(async (tx) => {
          await tx.insert(users).values({
            id: userId,
            fullName: r.fullName,
            email: r.userEmail,
            phone: r.userPhone,
            passwordHash,
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
            userAgent: meta.userAgent,
            confirmedContact: contact.to,
            otpCodeId,
          });
          const self = { ...actor, user: null };
          await writeAudit(tx, clock, self, {
            onBehalfOf: userId,
            action: 'clinic.registered',
            entityType: 'clinic',
            entityId: clinicId,
            after: { ...requisitesView(clinic), directory, userAgreement: USER_AGREEMENT.version },
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
              confirmed: contact.channel,
            },
          });
        });
      } catch (e) {
        const constraint = violatedConstraint(e);
        if (constraint === 'clinics_inn_uq') throw checks.alreadyRegistered();
        if (constraint === 'users_email_uq') throw emailTaken();
        if (constraint === 'users_phone_uq') throw phoneTaken();
        throw e;
      }
      await offerContractToNewClinic(deps, clinicId);
      return authService(deps).loginNewUser({ login: r.userEmail, password: r.password }, actor, meta);
    },
  };
}

export type ClinicRegistrationService = ReturnType<typeof clinicRegistrationService>;
