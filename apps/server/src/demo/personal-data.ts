import { CONSENT_TEXTS } from '@remed/core';
import { eq } from 'drizzle-orm';
import { consents, guaranteeLetters, insuredPersons, users } from '../db/schema/index.ts';
import { toSessionUser } from '../modules/admin-users/users.queries.ts';
import { getCase } from '../modules/console/get-case.ts';
import { listClinicLetters } from '../modules/letters/list-clinic-letters.ts';
import { listLetters } from '../modules/letters/list-letters.ts';
import { getLetter } from '../modules/letters/read-letter.ts';
import type { AppDeps } from '../platform/deps.ts';

/**
 * The demo insured's consent to share with the employer, and the staff reading their letter through the real use
 * cases, so «Мои согласия» and «Кто смотрел мои данные» show what they look like in use.
 */
export async function seedPersonalData(deps: AppDeps, letterId: string) {
  const db = deps.database.db;
  const actorOf = async (email: string) => {
    const [user] = await db.select().from(users).where(eq(users.email, email));
    return { user: await toSessionUser(db, user!), requestId: null, ip: '192.0.2.10' };
  };
  const [letter] = await db.select().from(guaranteeLetters).where(eq(guaranteeLetters.id, letterId));
  const [person] = await db
    .select()
    .from(insuredPersons)
    .where(eq(insuredPersons.id, letter!.insuredPersonId));
  await db.insert(consents).values({
    id: deps.ids.uuid(),
    insuredPersonId: person!.id,
    kind: 'employer_sharing',
    textVersion: CONSENT_TEXTS.employer_sharing.version,
    acceptedAt: deps.clock.now(),
    method: 'account',
    ip: '192.0.2.44',
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Safari/604.1',
  });
  const doctor = await actorOf('doctor@demo.remed.ru');
  await getCase(deps, doctor, letter!.caseId);
  await getLetter(deps, doctor, letterId);
  await listClinicLetters(deps, await actorOf('clinic@demo.remed.ru'), letter!.clinicId, {
    limit: 50,
    offset: 0,
  });
  await listLetters(deps, await actorOf('insurer@demo.remed.ru'));
}
