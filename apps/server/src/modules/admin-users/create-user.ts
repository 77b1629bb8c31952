import type { CreateUserRequest, UserView } from '@remed/core';
import { users } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { assertMembership, type Membership, withUniqueContacts } from './user-membership.ts';
import { setUserClinics, toUserView } from './users.queries.ts';

/** `secondFactorExempt` is for the demo seed only: nothing an administrator or a form sends sets it. */
export async function createUser(
  deps: Pick<AppDeps, 'database' | 'clock' | 'ids' | 'config'>,
  actor: Actor,
  input: CreateUserRequest,
  opts: { mustChangePassword?: boolean; secondFactorExempt?: boolean } = {},
): Promise<UserView> {
  const { clock } = deps;
  const membership: Membership = {
    roles: input.roles,
    clinicIds: input.clinicIds ?? [],
    insurerId: input.insurerId ?? null,
    policyholderId: input.policyholderId ?? null,
  };
  assertMembership(membership);
  const passwordHash = await hashPassword(input.password, deps.config.bcryptCost);
  const id = deps.ids.uuid();
  const now = clock.now();
  return withUniqueContacts(() =>
    deps.database.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({
          id,
          fullName: input.fullName,
          email: input.email ?? null,
          phone: input.phone ?? null,
          passwordHash,
          roles: input.roles,
          omsLevel: input.roles.includes('oms_rep') ? (input.omsLevel ?? null) : null,
          insurerId: membership.insurerId,
          policyholderId: membership.policyholderId,
          mustChangePassword: opts.mustChangePassword ?? true,
          secondFactorExempt: opts.secondFactorExempt ?? false,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await setUserClinics(tx, id, membership.clinicIds);
      const after = await toUserView(tx, row!);
      await writeAudit(tx, clock, actor, { action: 'user.created', entityType: 'user', entityId: id, after });
      return after;
    }),
  );
}
