import type { CreateUserRequest, ROLE_ORGANISATION, Role, UpdateUserRequest } from '@remed/core';
import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { clinics, insurers, policyholders, sessions, users } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { findUserById, listUsers, setUserClinics, toUserViews, type UserRow } from './users.queries.ts';

type Membership = {
  roles: Role[];
  clinicIds: string[];
  insurerId: string | null;
  policyholderId: string | null;
};

function assertMembership(m: Membership) {
  const need = (role: keyof typeof ROLE_ORGANISATION, ok: boolean, field: string, text: string) => {
    if (m.roles.includes(role) && !ok)
      throw new AppError('ORGANISATION_REQUIRED', text, { fields: { [field]: text } });
  };
  need('clinic_user', m.clinicIds.length > 0, 'clinicIds', 'Сотруднику клиники укажите хотя бы одну клинику');
  need('insurer_user', !!m.insurerId, 'insurerId', 'Сотруднику страховой компании укажите компанию');
  need(
    'policyholder_user',
    !!m.policyholderId,
    'policyholderId',
    'Представителю страхователя укажите организацию',
  );
}

/** Maps a unique-constraint violation on e-mail or phone to the error the form can show next to its field. */
function conflictFrom(e: unknown): never {
  const err = e as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const c = err.cause ?? err;
  if (c.code === '23505' && c.constraint === 'users_email_uq') {
    throw new AppError('EMAIL_TAKEN', undefined, { fields: { email: 'Этот адрес уже занят' } });
  }
  if (c.code === '23505' && c.constraint === 'users_phone_uq') {
    throw new AppError('PHONE_TAKEN', undefined, { fields: { phone: 'Этот номер уже занят' } });
  }
  throw e;
}

async function view(tx: Tx, row: UserRow) {
  const [v] = await toUserViews(tx, [row]);
  return v!;
}

export function usersService(deps: AppDeps) {
  const { database, clock, ids, config } = deps;
  const db = database.db;

  return {
    list: async (q: Parameters<typeof listUsers>[1]) => {
      const { rows, total } = await listUsers(db, q);
      return { items: await toUserViews(db, rows), total };
    },

    async get(id: string) {
      const row = await findUserById(db, id);
      if (!row) throw new AppError('NOT_FOUND', 'Пользователь не найден');
      const [v] = await toUserViews(db, [row]);
      return v!;
    },

    async organisations() {
      const [c, i, p] = await Promise.all([
        db.select({ id: clinics.id, name: clinics.shortName }).from(clinics).orderBy(asc(clinics.shortName)),
        db.select({ id: insurers.id, name: insurers.name }).from(insurers).orderBy(asc(insurers.name)),
        db
          .select({ id: policyholders.id, name: policyholders.name })
          .from(policyholders)
          .orderBy(asc(policyholders.name)),
      ]);
      return { clinics: c, insurers: i, policyholders: p };
    },

    /** `secondFactorExempt` is for the demo seed only: nothing an administrator or a form sends sets it. */
    async create(
      actor: Actor,
      input: CreateUserRequest,
      opts: { mustChangePassword?: boolean; secondFactorExempt?: boolean } = {},
    ) {
      const membership: Membership = {
        roles: input.roles,
        clinicIds: input.clinicIds ?? [],
        insurerId: input.insurerId ?? null,
        policyholderId: input.policyholderId ?? null,
      };
      assertMembership(membership);
      const passwordHash = await hashPassword(input.password, config.bcryptCost);
      const id = ids.uuid();
      const now = clock.now();
      try {
        return await db.transaction(async (tx) => {
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
          const after = await view(tx, row!);
          await writeAudit(tx, clock, actor, {
            action: 'user.created',
            entityType: 'user',
            entityId: id,
            after,
          });
          return after;
        });
      } catch (e) {
        conflictFrom(e);
      }
    },

    async update(actor: Actor, id: string, input: UpdateUserRequest) {
      if (input.blocked === true && actor.user?.id === id) throw new AppError('CANNOT_BLOCK_SELF');
      try {
        return await db.transaction(async (tx) => {
          const [current] = await tx.select().from(users).where(eq(users.id, id)).for('update');
          if (!current) throw new AppError('NOT_FOUND', 'Пользователь не найден');
          const before = await view(tx, current);
          const roles = input.roles ?? (current.roles as Role[]);
          const membership: Membership = {
            roles,
            clinicIds: input.clinicIds ?? before.clinics.map((c) => c.id),
            insurerId: input.insurerId !== undefined ? input.insurerId : current.insurerId,
            policyholderId:
              input.policyholderId !== undefined ? input.policyholderId : current.policyholderId,
          };
          assertMembership(membership);
          const omsLevel = roles.includes('oms_rep')
            ? input.omsLevel !== undefined
              ? input.omsLevel
              : current.omsLevel
            : null;
          if (roles.includes('oms_rep') && omsLevel == null) {
            throw new AppError(
              'VALIDATION_FAILED',
              'Для страхового представителя укажите уровень 1, 2 или 3',
              {
                fields: { omsLevel: 'Укажите уровень 1, 2 или 3' },
              },
            );
          }
          const email = input.email !== undefined ? input.email : current.email;
          const phone = input.phone !== undefined ? input.phone : current.phone;
          if (!email && !phone) {
            throw new AppError('VALIDATION_FAILED', 'Укажите e-mail или телефон', {
              fields: { email: 'Укажите e-mail или телефон' },
            });
          }
          const blockedAt =
            input.blocked === undefined
              ? current.blockedAt
              : input.blocked
                ? (current.blockedAt ?? clock.now())
                : null;
          const [row] = await tx
            .update(users)
            .set({
              fullName: input.fullName ?? current.fullName,
              email,
              phone,
              roles,
              omsLevel,
              insurerId: membership.insurerId,
              policyholderId: membership.policyholderId,
              blockedAt,
              updatedAt: clock.now(),
            })
            .where(eq(users.id, id))
            .returning();
          if (input.clinicIds) await setUserClinics(tx, id, membership.clinicIds);
          // A blocked user or one whose rights changed signs in again, so no session keeps old rights.
          const rolesChanged =
            input.roles && [...input.roles].sort().join() !== [...(current.roles as Role[])].sort().join();
          if (blockedAt || rolesChanged) await tx.delete(sessions).where(eq(sessions.userId, id));
          const after = await view(tx, row!);
          const action =
            input.blocked === true && !current.blockedAt
              ? 'user.blocked'
              : input.blocked === false && current.blockedAt
                ? 'user.unblocked'
                : rolesChanged
                  ? 'user.roles_changed'
                  : 'user.updated';
          await writeAudit(tx, clock, actor, { action, entityType: 'user', entityId: id, before, after });
          return after;
        });
      } catch (e) {
        conflictFrom(e);
      }
    },

    async resetPassword(actor: Actor, id: string, password: string) {
      const passwordHash = await hashPassword(password, config.bcryptCost);
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(users)
          .set({ passwordHash, mustChangePassword: true, updatedAt: clock.now() })
          .where(eq(users.id, id))
          .returning({ id: users.id });
        if (!row) throw new AppError('NOT_FOUND', 'Пользователь не найден');
        await tx.delete(sessions).where(eq(sessions.userId, id));
        await writeAudit(tx, clock, actor, {
          action: 'user.password_reset',
          entityType: 'user',
          entityId: id,
        });
      });
    },
  };
}

export type UsersService = ReturnType<typeof usersService>;
