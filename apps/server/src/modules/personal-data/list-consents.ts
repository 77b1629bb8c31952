import type { MyConsent } from '@remed/core';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { consentsOf, personById } from './personal-data.queries.ts';
import { assertAdmin, ownPerson } from './personal-data-access.ts';

/** The signed-in person's own consents. */
export async function listMyConsents(deps: Pick<AppDeps, 'database'>, actor: Actor): Promise<MyConsent[]> {
  const db = deps.database.db;
  return consentsOf(db, (await ownPerson(db, actor)).id);
}

/** A person's consents, for the admin answering their request. */
export async function listPersonConsents(
  deps: Pick<AppDeps, 'database'>,
  actor: Actor,
  personId: string,
): Promise<MyConsent[]> {
  assertAdmin(actor);
  const db = deps.database.db;
  return consentsOf(db, (await personById(db, personId)).id);
}
