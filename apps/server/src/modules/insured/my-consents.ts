import { desc, eq } from 'drizzle-orm';
import { consents } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { ownInsuredPerson } from './insured-person.queries.ts';

/** The insured person's consents, given and withdrawn, newest first. */
export async function myConsents(deps: Pick<AppDeps, 'database'>, actor: Actor) {
  const db = deps.database.db;
  const person = await ownInsuredPerson(db, actor);
  const rows = await db
    .select()
    .from(consents)
    .where(eq(consents.insuredPersonId, person.id))
    .orderBy(desc(consents.acceptedAt));
  return rows.map((c) => ({
    kind: c.kind,
    version: c.textVersion,
    acceptedAt: c.acceptedAt.toISOString(),
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
  }));
}
