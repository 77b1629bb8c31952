import type { LetterView } from '@remed/core';
import { addDays, moscowDate } from '@remed/core';
import { and, asc, desc, eq, gte, inArray, lt, not, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  clinicBranches,
  clinics,
  contracts,
  guaranteeLetterItems,
  guaranteeLetters,
  insuredPersons,
  policies,
  programs,
} from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { fullNameOf } from '../insurance/person-name.ts';
import { personNameForSearch, wordsSearch } from '../insurance/person-search.ts';

/**
 * Which letters a user may see: console and admins all; an insured person their own; a clinic the letters
 * addressed to its clinics; an insurer the letters under its contracts. Everyone else none.
 */
export function letterScope(actor: Actor): SQL | undefined {
  const u = actor.user!;
  if (u.roles.includes('admin') || u.roles.includes('console_doctor')) return undefined;
  const parts: SQL[] = [];
  if (u.roles.includes('insured')) parts.push(eq(insuredPersons.userId, u.id));
  if (u.roles.includes('clinic_user') && u.clinics.length)
    parts.push(
      inArray(
        guaranteeLetters.clinicId,
        u.clinics.map((c) => c.id),
      ),
    );
  if (u.roles.includes('insurer_user') && u.insurer) parts.push(eq(contracts.insurerId, u.insurer.id));
  if (!parts.length) return sql`false`;
  return parts.length === 1 ? parts[0] : sql`(${sql.join(parts, sql` or `)})`;
}

/**
 * A letter whose every line receipts have used up. What is left of each line lives in one place: the letter's
 * `adjudication_state.quantities` (millionths of a unit), which claims write under the letter's lock in the
 * transaction that records a paying decision; a line not there yet is untouched. The status is read from it,
 * never stored beside it.
 */
const usedUpSql = sql<boolean>`(${guaranteeLetters.adjudicationState} is not null and not exists (
  select 1 from guarantee_letter_items i
  where i.letter_id = ${guaranteeLetters.id}
    and coalesce((${guaranteeLetters.adjudicationState} -> 'quantities' ->> (i.line::text))::numeric, 1) > 0))`;

/** Cancelled and expired say so whatever is left; a letter in force is used up once nothing is left. */
function statusOf(
  l: typeof guaranteeLetters.$inferSelect,
  usedUp: boolean,
  day: string,
): LetterView['status'] {
  if (l.status === 'cancelled') return 'cancelled';
  if (l.validUntil < day) return 'expired';
  return usedUp ? 'used_up' : 'issued';
}

export async function loadLetters(
  db: DbOrTx,
  where: SQL | undefined,
  today: Date,
  limit = 200,
  offset = 0,
): Promise<(LetterView & { insuredPersonId: string })[]> {
  const rows = await db
    .select({
      letter: guaranteeLetters,
      person: insuredPersons,
      policy: policies,
      clinic: clinics,
      branch: clinicBranches,
      usedUp: usedUpSql,
    })
    .from(guaranteeLetters)
    .innerJoin(insuredPersons, eq(insuredPersons.id, guaranteeLetters.insuredPersonId))
    .innerJoin(policies, eq(policies.id, guaranteeLetters.policyId))
    .innerJoin(programs, eq(programs.id, policies.programId))
    .innerJoin(contracts, eq(contracts.id, programs.contractId))
    .innerJoin(clinics, eq(clinics.id, guaranteeLetters.clinicId))
    .leftJoin(clinicBranches, eq(clinicBranches.id, guaranteeLetters.branchId))
    .where(where)
    .orderBy(desc(guaranteeLetters.issuedAt), desc(guaranteeLetters.number))
    .limit(limit)
    .offset(offset);
  if (!rows.length) return [];
  const items = await db
    .select()
    .from(guaranteeLetterItems)
    .where(
      inArray(
        guaranteeLetterItems.letterId,
        rows.map((r) => r.letter.id),
      ),
    )
    .orderBy(asc(guaranteeLetterItems.line));
  const day = moscowDate(today);
  return rows.map(({ letter: l, person, policy, clinic, branch, usedUp }) => ({
    id: l.id,
    number: l.number,
    status: statusOf(l, usedUp, day),
    issuedAt: l.issuedAt.toISOString(),
    validFrom: l.validFrom,
    validUntil: l.validUntil,
    insuredName: fullNameOf(person),
    policyNumber: policy.number,
    clinic: { id: clinic.id, name: clinic.shortName, inn: clinic.inn, address: clinic.address },
    branch: branch ? { name: branch.name, address: branch.address, phone: branch.phone } : null,
    franchisePercent: l.franchisePercent,
    cashbackPercent: l.cashbackPercent,
    remainingLimit: l.remainingLimit,
    total: l.total,
    items: items
      .filter((i) => i.letterId === l.id)
      .map((i) => ({
        line: i.line,
        code: i.serviceCode,
        clinicCode: i.clinicCode,
        name: i.name,
        price: i.price,
        quantity: i.quantity,
      })),
    cancelReason: l.cancelReason,
    caseId: l.caseId,
    insuredPersonId: l.insuredPersonId,
  }));
}

export async function loadLetterFor(
  db: DbOrTx,
  actor: Actor,
  id: string,
  today: Date,
): Promise<LetterView & { insuredPersonId: string }> {
  const [letter] = await loadLetters(db, and(eq(guaranteeLetters.id, id), letterScope(actor)), today, 1);
  if (!letter) throw new AppError('NOT_FOUND', 'Гарантийное письмо не найдено');
  return letter;
}

export interface ClinicLettersFilter {
  status?: LetterView['status'] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
}

/** Start of a Moscow day as an instant: letters are issued in Moscow wall-clock time. */
const moscowMidnight = (day: string) => new Date(`${day}T00:00:00+03:00`);

/**
 * Letters addressed to one clinic: by state (as `statusOf` tells it), by the Moscow day of issue, and by words of
 * the number, the patient's name or the policy number.
 */
export function clinicLettersWhere(clinicId: string, f: ClinicLettersFilter, now: Date): SQL | undefined {
  const day = moscowDate(now);
  const inForce = and(eq(guaranteeLetters.status, 'issued'), gte(guaranteeLetters.validUntil, day));
  const byStatus: Record<LetterView['status'], SQL | undefined> = {
    issued: and(inForce, not(usedUpSql)),
    used_up: and(inForce, usedUpSql),
    expired: and(eq(guaranteeLetters.status, 'issued'), lt(guaranteeLetters.validUntil, day)),
    cancelled: eq(guaranteeLetters.status, 'cancelled'),
  };
  return and(
    eq(guaranteeLetters.clinicId, clinicId),
    f.status ? byStatus[f.status] : undefined,
    f.from ? gte(guaranteeLetters.issuedAt, moscowMidnight(f.from)) : undefined,
    f.to ? lt(guaranteeLetters.issuedAt, moscowMidnight(addDays(f.to, 1))) : undefined,
    wordsSearch(f.q, [guaranteeLetters.number, personNameForSearch, policies.number]),
  );
}

export async function countLetters(db: DbOrTx, where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(guaranteeLetters)
    .innerJoin(insuredPersons, eq(insuredPersons.id, guaranteeLetters.insuredPersonId))
    .innerJoin(policies, eq(policies.id, guaranteeLetters.policyId))
    .where(where);
  return row?.n ?? 0;
}
