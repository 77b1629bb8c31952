import { CONSENT_TEXTS, type ConsentKind } from '@remed/core';
import { and, eq, gte, isNull } from 'drizzle-orm';
import { consents, insuredPersons, policies, users } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { otpService } from '../../platform/otp.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { authService } from '../auth/auth.service.ts';

const CODE = 'registration';
const TICKET = 'registration_ticket';

/** Registration of an insured person from the invitation: phone, one-time code, password, consents. */
export function onboardingService(deps: AppDeps) {
  const { database, clock, ids, config } = deps;
  const db = database.db;
  const otp = otpService(deps);

  /** The unregistered insured person with this phone and a policy in force today, if any. */
  async function candidate(phone: string) {
    const today = clock.now().toISOString().slice(0, 10);
    const rows = await db
      .select({ person: insuredPersons })
      .from(insuredPersons)
      .innerJoin(policies, eq(policies.insuredPersonId, insuredPersons.id))
      .where(and(eq(insuredPersons.phone, phone), isNull(policies.detachedOn), gte(policies.validTo, today)))
      .limit(2);
    return rows[0]?.person ?? null;
  }

  return {
    /** Answers the same whether or not the number is on a list, so it cannot be used to probe who is insured. */
    async requestCode(phone: string) {
      const person = await candidate(phone);
      if (!person || person.userId) return;
      const messageId = await db.transaction(async (tx) => {
        const { code } = await otp.issue(tx, CODE, phone);
        return deps.outbox.add(tx, {
          channel: 'sms',
          to: phone,
          body: `remed: код для регистрации ${code}. Никому его не сообщайте.`,
        });
      });
      await deps.outbox.dispatch([messageId]);
    },

    async verifyCode(phone: string, code: string) {
      const person = await candidate(phone);
      if (!person) throw new AppError('CODE_INVALID');
      if (person.userId) throw new AppError('ALREADY_REGISTERED');
      // Not in a transaction: a wrong code must keep its spent attempt.
      await otp.verify(db, CODE, phone, code);
      const ticket = ids.secret(24);
      await otp.issue(db, TICKET, phone, { code: ticket, ttlMs: 30 * 60_000 });
      return { ticket, firstName: person.firstName, middleName: person.middleName, email: person.email };
    },

    async complete(
      actor: Actor,
      input: {
        phone: string;
        ticket: string;
        password: string;
        email?: string | null | undefined;
        employerSharing: boolean;
      },
      meta: { userAgent: string | null },
    ) {
      const person = await candidate(input.phone);
      if (!person) throw new AppError('CODE_INVALID', 'Регистрация не найдена. Начните заново');
      if (person.userId) throw new AppError('ALREADY_REGISTERED');
      const passwordHash = await hashPassword(input.password, config.bcryptCost);
      const userId = ids.uuid();
      const now = clock.now();
      const email = input.email ?? person.email;
      try {
        await db.transaction(async (tx) => {
          // Inside the transaction, so that a failed registration leaves the ticket usable for another try.
          await otp.verify(tx, TICKET, input.phone, input.ticket);
          await tx.insert(users).values({
            id: userId,
            fullName: [person.lastName, person.firstName, person.middleName].filter(Boolean).join(' '),
            email,
            phone: input.phone,
            passwordHash,
            roles: ['insured'],
            createdAt: now,
            updatedAt: now,
          });
          const linked = await tx
            .update(insuredPersons)
            .set({ userId, email, updatedAt: now })
            .where(and(eq(insuredPersons.id, person.id), isNull(insuredPersons.userId)))
            .returning({ id: insuredPersons.id });
          if (!linked.length) throw new AppError('ALREADY_REGISTERED');
          const kinds: ConsentKind[] = input.employerSharing
            ? ['data_processing', 'employer_sharing']
            : ['data_processing'];
          for (const kind of kinds) {
            await tx.insert(consents).values({
              id: ids.uuid(),
              insuredPersonId: person.id,
              kind,
              textVersion: CONSENT_TEXTS[kind].version,
              acceptedAt: now,
              method: 'registration',
              ip: actor.ip,
              userAgent: meta.userAgent,
            });
          }
          const self = { ...actor, user: null };
          await writeAudit(tx, clock, self, {
            onBehalfOf: userId,
            action: 'insured.registered',
            entityType: 'insured_person',
            entityId: person.id,
            after: { userId, consents: kinds },
          });
        });
      } catch (e) {
        const c =
          (e as { cause?: { constraint?: string }; constraint?: string }).cause ??
          (e as { constraint?: string });
        if (c.constraint === 'users_phone_uq') throw new AppError('ALREADY_REGISTERED');
        if (c.constraint === 'users_email_uq') {
          throw new AppError('EMAIL_TAKEN', undefined, {
            fields: { email: 'Этот адрес уже занят другой учётной записью' },
          });
        }
        throw e;
      }
      return authService(deps).loginNewUser({ login: input.phone, password: input.password }, actor, meta);
    },
  };
}

export type OnboardingService = ReturnType<typeof onboardingService>;
