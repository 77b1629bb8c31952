import { eq } from 'drizzle-orm';
import { insuredPersons, policies, users } from '../db/schema/index.ts';
import { toSessionUser } from '../modules/admin-users/users.queries.ts';
import { createPhoneRequest } from '../modules/console/create-phone-request.ts';
import { issueLetter } from '../modules/console/issue-letter.ts';
import { openCase } from '../modules/console/open-case.ts';
import { updateCase } from '../modules/console/update-case.ts';
import type { AppDeps } from '../platform/deps.ts';

/** One guarantee letter for the demo insured, issued through the console as a doctor would, for the demo till. */
export async function seedLetter(deps: AppDeps, clinicId: string) {
  const db = deps.database.db;
  const [doctor] = await db.select().from(users).where(eq(users.email, 'doctor@demo.remed.ru'));
  const [person] = await db
    .select()
    .from(insuredPersons)
    .where(eq(insuredPersons.email, 'insured@demo.remed.ru'));
  const [policy] = await db.select().from(policies).where(eq(policies.insuredPersonId, person!.id));
  const actor = { user: await toSessionUser(db, doctor!), requestId: null, ip: null };
  const requestId = await createPhoneRequest(deps, actor, {
    policyNumber: policy!.number,
    complaint: 'Звонок: давление 150/95 по утрам, голова тяжёлая. Нужен терапевт и ЭКГ.',
  });
  const caseId = await openCase(deps, actor, requestId);
  await updateCase(deps, actor, caseId, {
    icd10Code: 'I10',
    icd10Text: 'Эссенциальная (первичная) гипертензия',
  });
  return issueLetter(deps, actor, caseId, {
    clinicId,
    services: [
      { serviceCode: 'B01.047.001', quantity: 1 },
      { serviceCode: 'A05.10.006', quantity: 1 },
    ],
    approvedCodes: [],
    validDays: 30,
  });
}
