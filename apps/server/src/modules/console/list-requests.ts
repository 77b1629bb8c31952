import { desc, eq } from 'drizzle-orm';
import { helpRequests, insuredPersons, medicalCases } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { logHealthViews } from '../../platform/view-log.ts';
import { activePolicy, requestView, todayOf } from './case.queries.ts';

/** The console's inbox, newest first; every request shown is a view of health data, logged. */
export async function listRequests(
  deps: AppDeps,
  actor: Actor,
  status: 'new' | 'in_work' | 'closed' | undefined,
) {
  const db = deps.database.db;
  const rows = await db
    .select({ r: helpRequests, person: insuredPersons, caseId: medicalCases.id })
    .from(helpRequests)
    .innerJoin(insuredPersons, eq(insuredPersons.id, helpRequests.insuredPersonId))
    .leftJoin(medicalCases, eq(medicalCases.requestId, helpRequests.id))
    .where(status ? eq(helpRequests.status, status) : undefined)
    .orderBy(desc(helpRequests.createdAt))
    .limit(200);
  const day = todayOf(deps.clock.now());
  const out = [];
  for (const { r, person, caseId } of rows) {
    const policy = await activePolicy(db, person.id, day);
    out.push(requestView(r, person, policy?.number ?? null, caseId));
  }
  await logHealthViews(
    deps,
    actor,
    'request.queue',
    rows.map(({ r }) => ({ insuredPersonId: r.insuredPersonId, recordType: 'request', recordId: r.id })),
  );
  return out;
}
