import { type HelpRequestView, moscowDate, percentHalfUp } from '@remed/core';
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  guaranteeLetterItems,
  guaranteeLetters,
  helpRequests,
  insuredPersons,
  medicalCases,
  policies,
} from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { fullNameOf } from '../insurance/person-name.ts';
import { loadProgram, rulesOf } from '../insurance/programs.queries.ts';

/** A service the doctor chose for a case, with how many times it is given. */
export type SelectedService = { serviceCode: string; quantity: number };

type RequestRow = typeof helpRequests.$inferSelect;
type PersonRow = typeof insuredPersons.$inferSelect;

export function requestView(
  r: RequestRow,
  person: PersonRow,
  policyNumber: string | null,
  caseId: string | null,
): HelpRequestView {
  return {
    id: r.id,
    channel: r.channel,
    complaint: r.complaint,
    answers: r.answers,
    hasPhoto: r.photoKey !== null,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    insuredName: fullNameOf(person),
    policyNumber,
    caseId,
  };
}

/** The policy in force on `day` for a person (the latest one if several), or null. */
export async function activePolicy(db: DbOrTx, personId: string, day: string) {
  const rows = await db
    .select()
    .from(policies)
    .where(eq(policies.insuredPersonId, personId))
    .orderBy(desc(policies.validTo));
  return rows.find((p) => !p.detachedOn && p.validFrom <= day && p.validTo >= day) ?? null;
}

/** A case with its person, policy, request and program. */
async function loadCase(db: DbOrTx, caseId: string) {
  const [row] = await db
    .select({ c: medicalCases, person: insuredPersons, policy: policies, request: helpRequests })
    .from(medicalCases)
    .innerJoin(insuredPersons, eq(insuredPersons.id, medicalCases.insuredPersonId))
    .innerJoin(policies, eq(policies.id, medicalCases.policyId))
    .innerJoin(helpRequests, eq(helpRequests.id, medicalCases.requestId))
    .where(eq(medicalCases.id, caseId));
  if (!row) throw new AppError('NOT_FOUND', 'Обращение не найдено');
  const program = await loadProgram(db, row.policy.programId);
  return { ...row, program };
}

/** A case with what the console decides by: the program's rules and what the policy has used of them. */
export async function caseContext(db: DbOrTx, caseId: string) {
  const c = await loadCase(db, caseId);
  const rules = rulesOf(c.program.program);
  const usage = await usageOf(
    db,
    c.policy.id,
    rules.franchisePercent,
    rules.groupLimits.map((g) => g.prefix),
  );
  return { ...c, rules, usage };
}

export type CaseContext = Awaited<ReturnType<typeof caseContext>>;

/** What the policy has used of its limits: the insurer's share of every letter not cancelled. */
export async function usageOf(
  db: DbOrTx,
  policyId: string,
  franchisePercent: number,
  groupPrefixes: string[],
  excludeLetterId?: string,
) {
  const letters = await db
    .select({ id: guaranteeLetters.id, total: guaranteeLetters.total })
    .from(guaranteeLetters)
    .where(
      and(
        eq(guaranteeLetters.policyId, policyId),
        eq(guaranteeLetters.status, 'issued'),
        excludeLetterId ? ne(guaranteeLetters.id, excludeLetterId) : undefined,
      ),
    );
  const share = (amount: number) => amount - percentHalfUp(amount, franchisePercent);
  const annual = letters.reduce((s, l) => s + share(l.total), 0);
  const groups: Record<string, number> = {};
  if (letters.length && groupPrefixes.length) {
    const items = await db
      .select()
      .from(guaranteeLetterItems)
      .where(
        inArray(
          guaranteeLetterItems.letterId,
          letters.map((l) => l.id),
        ),
      );
    for (const prefix of groupPrefixes) {
      groups[prefix] = share(
        items.filter((i) => i.serviceCode.startsWith(prefix)).reduce((s, i) => s + i.price * i.quantity, 0),
      );
    }
  }
  return { annual, groups };
}

export const todayOf = (now: Date) => moscowDate(now);
