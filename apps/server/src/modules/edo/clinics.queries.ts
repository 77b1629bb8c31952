import type { PartyRequisites } from '@remed/core';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { clinics, userClinics, users } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';

export type ClinicRow = typeof clinics.$inferSelect;

export async function loadClinic(db: DbOrTx, clinicId: string): Promise<ClinicRow> {
  const [c] = await db.select().from(clinics).where(eq(clinics.id, clinicId));
  if (!c) throw new AppError('NOT_FOUND', 'Клиника не найдена');
  return c;
}

export const requisitesOf = (c: ClinicRow): PartyRequisites => ({
  name: c.name,
  shortName: c.shortName,
  inn: c.inn,
  kpp: c.kpp,
  ogrn: c.ogrn,
  address: c.address,
  phone: c.phone,
  email: c.email,
  headName: c.headName,
  headPost: c.headPost,
  bik: c.bik,
  bankName: c.bankName,
  correspondentAccount: c.correspondentAccount,
  settlementAccount: c.settlementAccount,
});

/** Everyone to write to on the clinic's side: the clinic's own address and its cabinet users. */
export async function clinicRecipients(db: DbOrTx, clinicId: string): Promise<string[]> {
  const clinic = await loadClinic(db, clinicId);
  const staff = await db
    .select({ email: users.email })
    .from(users)
    .innerJoin(userClinics, eq(userClinics.userId, users.id))
    .where(and(eq(userClinics.clinicId, clinicId), isNotNull(users.email), sql`${users.blockedAt} is null`));
  return [...new Set([clinic.email, ...staff.map((s) => s.email)].filter((e): e is string => !!e))];
}
