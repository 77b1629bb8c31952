import type { OmsLevel, Role, SecondFactorState, SessionUser, UserView } from '@remed/core';
import { and, asc, count, eq, ilike, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { clinics, insurers, policyholders, userClinics, users } from '../../db/schema/index.ts';

export type UserRow = typeof users.$inferSelect;

type OrgRef = { id: string; name: string };

async function organisationsOf(db: DbOrTx, rows: UserRow[], opts: { onlyWhereRoleNeedsIt?: boolean } = {}) {
  // For a signed-in user the clinics matter only to clinic staff; skipping the query saves a round trip per request.
  const ids = rows
    .filter((r) => !opts.onlyWhereRoleNeedsIt || r.roles.includes('clinic_user'))
    .map((r) => r.id);
  const clinicLinks = ids.length
    ? await db
        .select({ userId: userClinics.userId, id: clinics.id, name: clinics.shortName })
        .from(userClinics)
        .innerJoin(clinics, eq(clinics.id, userClinics.clinicId))
        .where(inArray(userClinics.userId, ids))
        .orderBy(asc(clinics.shortName))
    : [];
  const insurerIds = [...new Set(rows.map((r) => r.insurerId).filter((v): v is string => !!v))];
  const holderIds = [...new Set(rows.map((r) => r.policyholderId).filter((v): v is string => !!v))];
  const ins = insurerIds.length
    ? await db
        .select({ id: insurers.id, name: insurers.name })
        .from(insurers)
        .where(inArray(insurers.id, insurerIds))
    : [];
  const hol = holderIds.length
    ? await db
        .select({ id: policyholders.id, name: policyholders.name })
        .from(policyholders)
        .where(inArray(policyholders.id, holderIds))
    : [];
  const byId = (list: OrgRef[], id: string | null) => (id ? (list.find((o) => o.id === id) ?? null) : null);
  return (r: UserRow) => ({
    clinics: clinicLinks.filter((c) => c.userId === r.id).map(({ id, name }) => ({ id, name })),
    insurer: byId(ins, r.insurerId),
    policyholder: byId(hol, r.policyholderId),
  });
}

function baseView(r: UserRow) {
  return {
    id: r.id,
    fullName: r.fullName,
    email: r.email,
    phone: r.phone,
    roles: r.roles as Role[],
    omsLevel: (r.omsLevel ?? null) as OmsLevel | null,
    mustChangePassword: r.mustChangePassword,
  };
}

/**
 * `secondFactor` comes from the auth module, which knows the configured roles; actors made by the seed or
 * by jobs never pass the HTTP gate, so they keep the default.
 */
export async function toSessionUser(
  db: DbOrTx,
  row: UserRow,
  secondFactor: SecondFactorState = 'not_required',
): Promise<SessionUser> {
  const orgs = await organisationsOf(db, [row], { onlyWhereRoleNeedsIt: true });
  return { ...baseView(row), ...orgs(row), secondFactor };
}

export async function toUserViews(db: DbOrTx, rows: UserRow[]): Promise<UserView[]> {
  const orgs = await organisationsOf(db, rows);
  return rows.map((r) => ({
    ...baseView(r),
    ...orgs(r),
    blocked: r.blockedAt !== null,
    createdAt: r.createdAt.toISOString(),
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
  }));
}

export async function toUserView(db: DbOrTx, row: UserRow): Promise<UserView> {
  const [view] = await toUserViews(db, [row]);
  return view!;
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function findUserByLogin(
  db: DbOrTx,
  login: { email?: string; phone?: string },
): Promise<UserRow | undefined> {
  const where = login.email
    ? eq(users.email, login.email)
    : login.phone
      ? eq(users.phone, login.phone)
      : undefined;
  if (!where) return undefined;
  const [row] = await db.select().from(users).where(where);
  return row;
}

export async function selectUserPage(
  db: DbOrTx,
  q: {
    q?: string | undefined;
    role?: Role | undefined;
    blocked?: 'true' | 'false' | undefined;
    limit: number;
    offset: number;
  },
) {
  const conds: SQL[] = [];
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(users.fullName, like), ilike(users.email, like), ilike(users.phone, like))!);
  }
  if (q.role) conds.push(sql`${q.role} = any(${users.roles})`);
  if (q.blocked === 'true') conds.push(isNotNull(users.blockedAt));
  if (q.blocked === 'false') conds.push(isNull(users.blockedAt));
  const where = conds.length ? and(...conds) : undefined;
  const rows = await db
    .select()
    .from(users)
    .where(where)
    .orderBy(asc(users.fullName))
    .limit(q.limit)
    .offset(q.offset);
  const [total] = await db.select({ n: count() }).from(users).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function setUserClinics(db: DbOrTx, userId: string, clinicIds: string[]) {
  await db.delete(userClinics).where(eq(userClinics.userId, userId));
  if (clinicIds.length)
    await db.insert(userClinics).values(clinicIds.map((clinicId) => ({ userId, clinicId })));
}
