import type { Role, UpdateUserRequest, UserView } from '@remed/core';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { endSessions } from '../auth/sessions.queries.ts';
import { assertMembership, type Membership, withUniqueContacts } from './user-membership.ts';
import { setUserClinics, toUserView, type UserRow } from './users.queries.ts';

/** A field the request leaves out keeps its value; `null` clears it. */
const keep = <T>(next: T | undefined, current: T): T => (next !== undefined ? next : current);

/**
 * The administrator changes a user's details, roles, organisations or blocking. A blocked user or one
 * whose roles changed is signed out everywhere, so no session keeps old rights.
 */
export async function updateUser(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: UpdateUserRequest,
): Promise<UserView> {
  const { clock } = deps;
  if (input.blocked === true && actor.user?.id === id) throw new AppError('CANNOT_BLOCK_SELF');
  return withUniqueContacts(() =>
    deps.database.db.transaction(async (tx) => {
      const [current] = await tx.select().from(users).where(eq(users.id, id)).for('update');
      if (!current) throw new AppError('NOT_FOUND', 'Пользователь не найден');
      const before = await toUserView(tx, current);
      const next = nextState(current, before, input, clock.now());
      const [row] = await tx
        .update(users)
        .set({ ...next.columns, updatedAt: clock.now() })
        .where(eq(users.id, id))
        .returning();
      if (input.clinicIds) await setUserClinics(tx, id, next.membership.clinicIds);
      const rolesChanged =
        !!input.roles && [...input.roles].sort().join() !== [...(current.roles as Role[])].sort().join();
      if (next.columns.blockedAt || rolesChanged) await endSessions(tx, id);
      const after = await toUserView(tx, row!);
      const action = auditAction(input, current, rolesChanged);
      await writeAudit(tx, clock, actor, { action, entityType: 'user', entityId: id, before, after });
      return after;
    }),
  );
}

/** The user's columns after the change, checked: organisations for the roles, a level, a contact. */
function nextState(current: UserRow, before: UserView, input: UpdateUserRequest, now: Date) {
  const roles = input.roles ?? (current.roles as Role[]);
  const membership: Membership = {
    roles,
    clinicIds: input.clinicIds ?? before.clinics.map((c) => c.id),
    insurerId: keep(input.insurerId, current.insurerId),
    policyholderId: keep(input.policyholderId, current.policyholderId),
  };
  assertMembership(membership);
  const omsLevel = roles.includes('oms_rep') ? keep(input.omsLevel, current.omsLevel) : null;
  if (roles.includes('oms_rep') && omsLevel == null)
    throw new AppError('VALIDATION_FAILED', 'Для страхового представителя укажите уровень 1, 2 или 3', {
      fields: { omsLevel: 'Укажите уровень 1, 2 или 3' },
    });
  const email = keep(input.email, current.email);
  const phone = keep(input.phone, current.phone);
  if (!email && !phone)
    throw new AppError('VALIDATION_FAILED', 'Укажите e-mail или телефон', {
      fields: { email: 'Укажите e-mail или телефон' },
    });
  const blockedAt =
    input.blocked === undefined ? current.blockedAt : input.blocked ? (current.blockedAt ?? now) : null;
  return {
    membership,
    columns: {
      fullName: input.fullName ?? current.fullName,
      email,
      phone,
      roles,
      omsLevel,
      insurerId: membership.insurerId,
      policyholderId: membership.policyholderId,
      blockedAt,
    },
  };
}

function auditAction(input: UpdateUserRequest, current: UserRow, rolesChanged: boolean) {
  if (input.blocked === true && !current.blockedAt) return 'user.blocked';
  if (input.blocked === false && current.blockedAt) return 'user.unblocked';
  return rolesChanged ? 'user.roles_changed' : 'user.updated';
}
