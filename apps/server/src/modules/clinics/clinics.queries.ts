import { type ClinicRequisites, type ClinicRequisitesView, USER_AGREEMENT } from '@remed/core';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { clinics, userAgreements, userClinics } from '../../db/schema/index.ts';
import { sha256 } from '../../platform/ids.ts';
import { type ClinicRow, requisitesOf } from '../edo/clinics.queries.ts';

/** The requisites as the cabinet shows them: those of the contract's party, and when the clinic registered. */
export function requisitesView(c: ClinicRow): ClinicRequisitesView {
  return { id: c.id, ...requisitesOf(c), registeredAt: c.registeredAt?.toISOString() ?? null };
}

const REQUISITE_COLUMNS = [
  'kpp',
  'ogrn',
  'name',
  'shortName',
  'address',
  'headName',
  'headPost',
  'bik',
  'bankName',
  'correspondentAccount',
  'settlementAccount',
  'email',
  'phone',
] as const;
type RequisiteColumns = Pick<ClinicRow, (typeof REQUISITE_COLUMNS)[number]>;

/** The requisites as columns, from a form or a row; the ИНН is set once, when the clinic row is created. */
export function requisitesColumns(r: RequisiteColumns): RequisiteColumns {
  return Object.fromEntries(REQUISITE_COLUMNS.map((k) => [k, r[k]])) as RequisiteColumns;
}

export async function findClinicByInn(db: DbOrTx, inn: string): Promise<ClinicRow | undefined> {
  const [row] = await db.select().from(clinics).where(eq(clinics.inn, inn));
  return row;
}

/**
 * A self-registered clinic linked to the employee who registered it, with their acceptance of the user
 * agreement. The unique ИНН makes a second registration of the same company fail here, whatever raced it.
 */
export async function createClinicFor(
  tx: DbOrTx,
  o: {
    id: string;
    requisites: ClinicRequisites;
    userId: string;
    agreementId: string;
    at: Date;
    ip: string | null;
    userAgent: string | null;
    confirmedContact: string | null;
    otpCodeId: string | null;
  },
): Promise<ClinicRow> {
  const [row] = await tx
    .insert(clinics)
    .values({ id: o.id, inn: o.requisites.inn, ...requisitesColumns(o.requisites), registeredAt: o.at })
    .returning();
  await tx.insert(userClinics).values({ userId: o.userId, clinicId: o.id });
  await tx.insert(userAgreements).values({
    id: o.agreementId,
    userId: o.userId,
    clinicId: o.id,
    textVersion: USER_AGREEMENT.version,
    textHash: sha256(USER_AGREEMENT.text),
    acceptedAt: o.at,
    ip: o.ip,
    userAgent: o.userAgent?.slice(0, 500) ?? null,
    confirmedContact: o.confirmedContact,
    otpCodeId: o.otpCodeId,
  });
  return row!;
}
