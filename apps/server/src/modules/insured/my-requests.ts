import { desc, eq } from 'drizzle-orm';
import { helpRequests, medicalCases } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { activePolicy, requestView, todayOf } from '../console/case.queries.ts';
import { ownInsuredPerson } from './insured-person.queries.ts';

/** The insured person's requests for help, newest first, with the case each one became. */
export async function myRequests(deps: Pick<AppDeps, 'database' | 'clock'>, actor: Actor) {
  const db = deps.database.db;
  const person = await ownInsuredPerson(db, actor);
  const rows = await db
    .select({ r: helpRequests, caseId: medicalCases.id })
    .from(helpRequests)
    .leftJoin(medicalCases, eq(medicalCases.requestId, helpRequests.id))
    .where(eq(helpRequests.insuredPersonId, person.id))
    .orderBy(desc(helpRequests.createdAt));
  const policy = await activePolicy(db, person.id, todayOf(deps.clock.now()));
  return rows.map(({ r, caseId }) => requestView(r, person, policy?.number ?? null, caseId));
}
