import { CONSENT_TEXTS, type ConsentKind } from '@remed/core';
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { consents, insuredPersons, users } from '../../db/schema/index.ts';
import { uniqueViolation } from '../../db/unique-violation.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { otpService } from '../../platform/otp.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { logInNewUser } from '../auth/log-in.ts';
import type { InsuredPersonRow } from '../insured/insured-person.queries.ts';
import { REGISTRATION_TICKET, registrationCandidate } from './registration.queries.ts';

interface RegistrationInput {
  phone: string;
  ticket: string;
  password: string;
  email?: string | null | undefined;
  employerSharing: boolean;
}

/** The last step: the ticket, a password and the consents make the account, linked to the person, signed in. */
export async function completeRegistration(
  deps: AppDeps,
  actor: Actor,
  input: RegistrationInput,
  meta: { userAgent: string | null },
) {
  const db = deps.database.db;
  const person = await registrationCandidate(db, input.phone, deps.clock.now());
  if (!person) throw new AppError('CODE_INVALID', 'Регистрация не найдена. Начните заново');
  if (person.userId) throw new AppError('ALREADY_REGISTERED');
  const passwordHash = await hashPassword(input.password, deps.config.bcryptCost);
  try {
    await db.transaction(async (tx) => {
      // Inside the transaction, so that a failed registration leaves the ticket usable for another try.
      await otpService(deps).verify(tx, REGISTRATION_TICKET, input.phone, input.ticket);
      await createAccount(deps, tx, actor, { person, input, passwordHash, userAgent: meta.userAgent });
    });
  } catch (e) {
    throw registrationConflict(e);
  }
  return logInNewUser(deps, actor, { login: input.phone, password: input.password }, meta);
}

async function createAccount(
  deps: Pick<AppDeps, 'clock' | 'ids'>,
  tx: Tx,
  actor: Actor,
  o: { person: InsuredPersonRow; input: RegistrationInput; passwordHash: string; userAgent: string | null },
) {
  const { person, input } = o;
  const { clock, ids } = deps;
  const userId = ids.uuid();
  const now = clock.now();
  const email = input.email ?? person.email;
  await tx.insert(users).values({
    id: userId,
    fullName: [person.lastName, person.firstName, person.middleName].filter(Boolean).join(' '),
    email,
    phone: input.phone,
    passwordHash: o.passwordHash,
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
      userAgent: o.userAgent,
    });
  }
  await writeAudit(
    tx,
    clock,
    { ...actor, user: null },
    {
      onBehalfOf: userId,
      action: 'insured.registered',
      entityType: 'insured_person',
      entityId: person.id,
      after: { userId, consents: kinds },
    },
  );
}

/** A phone or e-mail another account took meanwhile, as the error the form shows; anything else as it was. */
function registrationConflict(e: unknown): unknown {
  const constraint = uniqueViolation(e);
  if (constraint === 'users_phone_uq') return new AppError('ALREADY_REGISTERED');
  if (constraint === 'users_email_uq')
    return new AppError('EMAIL_TAKEN', undefined, {
      fields: { email: 'Этот адрес уже занят другой учётной записью' },
    });
  return e;
}
