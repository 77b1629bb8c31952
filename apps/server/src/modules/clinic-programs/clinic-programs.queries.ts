import { and, eq, gte, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { clinicContracts, programs } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { clinicHasPrices } from '../console/pricing.queries.ts';

/** What a clinic needs on `day` to join a program: a contract signed by both sides and prices in force. */
export async function readiness(db: DbOrTx, clinicId: string, day: string) {
  const [contract] = await db
    .select({ id: clinicContracts.id })
    .from(clinicContracts)
    .where(
      and(
        eq(clinicContracts.clinicId, clinicId),
        eq(clinicContracts.kind, 'contract'),
        eq(clinicContracts.status, 'signed'),
        or(isNull(clinicContracts.validUntil), gte(clinicContracts.validUntil, day)),
      ),
    )
    .limit(1);
  return { contractSigned: !!contract, priceList: await clinicHasPrices(db, clinicId, day) };
}

/** An open program, or one the clinic is in: never another insurer's closed program. */
export async function openProgram(db: DbOrTx, programId: string) {
  const [p] = await db.select().from(programs).where(eq(programs.id, programId));
  if (!p?.clinicsMayJoin)
    throw new AppError('NOT_FOUND', 'Программа не найдена или закрыта для присоединения');
  return p;
}
