import { type ErasureResult, moscowDate, ruDate } from '@remed/core';
import { and, count, eq, isNotNull, isNull, max, notInArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  chatMessages,
  claims,
  clinicComplaints,
  consents,
  guaranteeLetters,
  helpRequests,
  insuredPersons,
  medicalCases,
  notifications,
  payouts,
  policies,
  sessions,
  users,
  visitRatings,
} from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { CLAIM_STATUS_TITLES } from '../claims/claim-state.ts';
import { loadLetters } from '../letters/letters.queries.ts';
import type { PersonRow } from './personal-data.queries.ts';
import { assertAdmin } from './personal-data-access.ts';

/** A claim in one of these states is settled: nothing is owed either way. */
const SETTLED = ['paid', 'rejected'] as const;
/** Bookkeeping records are kept five years after the year they belong to (ст. 29 402-ФЗ «О бухгалтерском учёте»). */
const RETENTION_YEARS = 5;
const REMOVED = '[удалено по запросу]';
const ERASED_NAME = 'Обезличено';

const maskPhone = (phone: string) =>
  `${phone.slice(0, 2)}${'*'.repeat(Math.max(0, phone.length - 4))}${phone.slice(-2)}`;

/**
 * Pseudonymises a person on their written request: identifying and free-text data go, the amounts, receipts'
 * fiscal requisites and payouts stay, tied to the same row, for their legal period. Refused while work is open.
 */
export async function erasePerson(
  deps: Pick<AppDeps, 'database' | 'clock' | 'storage'>,
  actor: Actor,
  personId: string,
  basis: string,
): Promise<ErasureResult> {
  assertAdmin(actor);
  const { database, clock, storage } = deps;
  const now = clock.now();
  const { result, photoKeys } = await database.db.transaction(async (tx) => {
    const person = await lockPerson(tx, personId);
    await refuseWhileOpen(tx, personId, now);
    const { keptUntil, financialRecordsKept } = await retention(tx, personId, now);
    const photos = await photoKeysOf(tx, personId);
    await pseudonymisePerson(tx, person, now);
    const policyCount = await pseudonymisePolicies(tx, personId, now);
    await removeFreeText(tx, personId);
    await maskPayoutPhones(tx, personId);
    await tx
      .update(consents)
      .set({ withdrawnAt: now, withdrawnMethod: 'erasure', withdrawnIp: actor.ip })
      .where(and(eq(consents.insuredPersonId, personId), isNull(consents.withdrawnAt)));
    if (person.userId) await eraseAccount(tx, person.userId, now);
    await writeAudit(tx, clock, actor, {
      action: 'insured_person.erased',
      entityType: 'insured_person',
      entityId: personId,
      after: { basis, keptUntil, financialRecordsKept, policies: policyCount, photos: photos.length },
    });
    return { result: { erasedAt: now.toISOString(), keptUntil, financialRecordsKept }, photoKeys: photos };
  });
  // Files are removed after the commit: a failed delete leaves an orphan file, never a row pointing nowhere.
  for (const key of photoKeys) await storage.delete(key).catch(() => undefined);
  return result;
}

async function lockPerson(tx: Tx, personId: string): Promise<PersonRow> {
  const [person] = await tx
    .select()
    .from(insuredPersons)
    .where(eq(insuredPersons.id, personId))
    .for('update');
  if (!person) throw new AppError('NOT_FOUND', 'Застрахованный не найден');
  if (person.erasedAt) throw new AppError('INVALID_STATE', 'Данные этого человека уже обезличены');
  return person;
}

/** Unsettled receipts, letters in force and requests in work each name a reason to wait. */
async function refuseWhileOpen(tx: Tx, personId: string, now: Date): Promise<void> {
  const open: string[] = [];
  const unsettled = await tx
    .select({ status: claims.status, dateTime: claims.qrDateTime })
    .from(claims)
    .where(and(eq(claims.insuredPersonId, personId), notInArray(claims.status, [...SETTLED])));
  for (const c of unsettled)
    open.push(`Чек от ${ruDate(c.dateTime.slice(0, 10))} ещё не закрыт: ${CLAIM_STATUS_TITLES[c.status]}`);
  const letters = await loadLetters(tx, eq(guaranteeLetters.insuredPersonId, personId), now, 100_000);
  for (const l of letters.filter((x) => x.status === 'issued'))
    open.push(`Гарантийное письмо № ${l.number} действует до ${ruDate(l.validUntil)}`);
  const [openRequest] = await tx
    .select({ id: helpRequests.id })
    .from(helpRequests)
    .where(and(eq(helpRequests.insuredPersonId, personId), notInArray(helpRequests.status, ['closed'])));
  if (openRequest) open.push('Обращение на медицинский пульт ещё в работе');
  if (open.length)
    throw new AppError(
      'ERASURE_BLOCKED',
      `Данные пока нельзя обезличить: ${open.join('; ')}. Дождитесь завершения или отмените письмо`,
      { reasons: open },
    );
}

/** How many financial records stay and until when: the end of the retention period of the latest one. */
async function retention(tx: Tx, personId: string, now: Date) {
  const [financial] = await tx
    .select({ last: max(claims.createdAt), n: count() })
    .from(claims)
    .where(eq(claims.insuredPersonId, personId));
  const financialYear = Number(moscowDate(financial?.last ?? now).slice(0, 4));
  return { keptUntil: `${financialYear + RETENTION_YEARS}-12-31`, financialRecordsKept: financial?.n ?? 0 };
}

async function photoKeysOf(tx: Tx, personId: string): Promise<string[]> {
  const requests = await tx
    .select({ photoKey: helpRequests.photoKey })
    .from(helpRequests)
    .where(and(eq(helpRequests.insuredPersonId, personId), isNotNull(helpRequests.photoKey)));
  return requests.map((r) => r.photoKey!);
}

/** The row stays for the money tied to it; only the year of birth is kept. */
async function pseudonymisePerson(tx: Tx, person: PersonRow, now: Date): Promise<void> {
  await tx
    .update(insuredPersons)
    .set({
      lastName: ERASED_NAME,
      firstName: person.id.slice(0, 8),
      middleName: null,
      birthDate: `${person.birthDate.slice(0, 4)}-01-01`,
      phone: null,
      email: null,
      payoutPhone: null,
      payoutBankId: null,
      payoutBankName: null,
      erasedAt: now,
      updatedAt: now,
    })
    .where(eq(insuredPersons.id, person.id));
}

async function pseudonymisePolicies(tx: Tx, personId: string, now: Date): Promise<number> {
  const pols = await tx.select().from(policies).where(eq(policies.insuredPersonId, personId));
  for (const p of pols)
    await tx
      .update(policies)
      .set({ number: `ОБЕЗЛ-${p.id}`, updatedAt: now })
      .where(eq(policies.id, p.id));
  return pols.length;
}

/** Complaints, answers, comments: what the person wrote in their own words. */
async function removeFreeText(tx: Tx, personId: string): Promise<void> {
  await tx
    .update(helpRequests)
    .set({ complaint: REMOVED, answers: {}, photoKey: null })
    .where(eq(helpRequests.insuredPersonId, personId));
  await tx
    .update(medicalCases)
    .set({ complaints: REMOVED })
    .where(eq(medicalCases.insuredPersonId, personId));
  await tx.update(visitRatings).set({ comment: null }).where(eq(visitRatings.insuredPersonId, personId));
  await tx
    .update(clinicComplaints)
    .set({ text: REMOVED })
    .where(eq(clinicComplaints.insuredPersonId, personId));
}

async function maskPayoutPhones(tx: Tx, personId: string): Promise<void> {
  const pays = await tx.select().from(payouts).where(eq(payouts.insuredPersonId, personId));
  for (const p of pays)
    await tx
      .update(payouts)
      .set({ phone: maskPhone(p.phone) })
      .where(eq(payouts.id, p.id));
}

/** The account can no longer sign in: its sessions and notices go, its messages lose their text. */
async function eraseAccount(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx.update(chatMessages).set({ body: REMOVED }).where(eq(chatMessages.authorId, userId));
  await tx.delete(notifications).where(eq(notifications.userId, userId));
  await tx.delete(sessions).where(eq(sessions.userId, userId));
  await tx
    .update(users)
    .set({
      fullName: ERASED_NAME,
      email: `erased-${userId}@erased.invalid`,
      phone: null,
      blockedAt: now,
      updatedAt: now,
    })
    .where(eq(users.id, userId));
}
