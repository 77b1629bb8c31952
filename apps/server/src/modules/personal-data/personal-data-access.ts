import type { Role } from '@remed/core';
import type { DbOrTx } from '../../db/client.ts';
import { checkAccess } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { type PersonRow, personOfUser } from './personal-data.queries.ts';

/** The person's own data is theirs to read; anyone else's is read by the admin on a written request. */
export const INSURED: readonly Role[] = ['insured'];
export const ADMIN: readonly Role[] = ['admin'];

export function assertAdmin(actor: Actor): void {
  checkAccess(ADMIN, actor.user);
}

/** The insured person the signed-in user is: the "my data" use cases act on them alone. */
export async function ownPerson(db: DbOrTx, actor: Actor): Promise<PersonRow> {
  checkAccess(INSURED, actor.user);
  return personOfUser(db, actor.user!.id);
}
