import type { CaseView } from '@remed/core';
import { eq } from 'drizzle-orm';
import { guaranteeLetters } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { logHealthViews } from '../../platform/view-log.ts';
import { loadLetters } from '../letters/letters.queries.ts';
import { caseContext, requestView, todayOf } from './case.queries.ts';

/** A case as the doctor works on it: the person, the policy, the program's limit left, the letters. */
export async function getCase(deps: AppDeps, actor: Actor, caseId: string): Promise<CaseView> {
  const db = deps.database.db;
  const c = await caseContext(db, caseId);
  const day = todayOf(deps.clock.now());
  const letters = await loadLetters(db, eq(guaranteeLetters.caseId, caseId), deps.clock.now());
  await logHealthViews(deps, actor, 'case.review', [
    { insuredPersonId: c.person.id, recordType: 'case', recordId: caseId, recordLabel: c.c.icd10Code },
  ]);
  return {
    id: c.c.id,
    status: c.c.status,
    complaints: c.c.complaints,
    icd10Code: c.c.icd10Code,
    icd10Text: c.c.icd10Text,
    insured: {
      id: c.person.id,
      fullName: [c.person.lastName, c.person.firstName, c.person.middleName].filter(Boolean).join(' '),
      birthDate: c.person.birthDate,
      sex: c.person.sex,
      phone: c.person.phone,
    },
    policy: {
      number: c.policy.number,
      validFrom: c.policy.validFrom,
      validTo: c.policy.validTo,
      active: !c.policy.detachedOn && c.policy.validFrom <= day && c.policy.validTo >= day,
    },
    program: {
      id: c.program.program.id,
      name: c.program.program.name,
      franchisePercent: c.rules.franchisePercent,
      annualLimit: c.rules.annualLimit,
      annualLeft: c.rules.annualLimit === null ? null : Math.max(0, c.rules.annualLimit - c.usage.annual),
      anyClinic: c.program.program.anyClinic,
    },
    request: requestView(c.request, c.person, c.policy.number, c.c.id),
    letters,
  };
}
