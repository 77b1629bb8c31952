import { addDays, type CashbackView, moscowDate } from '@remed/core';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { clinicCashback } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import { requireClinic } from '../rating/rating.queries.ts';

/** A clinic of the user's network that exists. */
export async function assertCashbackClinic(db: DbOrTx, actor: Actor, clinicId: string) {
  assertClinicAccess(actor, clinicId);
  await requireClinic(db, clinicId);
}

/** The clinic's cashback periods on `now`'s Moscow day: the one in force, those planned, and the past ones. */
export async function cashbackView(db: DbOrTx, clinicId: string, now: Date): Promise<CashbackView> {
  const rows = await db
    .select()
    .from(clinicCashback)
    .where(eq(clinicCashback.clinicId, clinicId))
    .orderBy(asc(clinicCashback.validFrom));
  const periods = rows.map((r, i) => ({
    percent: r.percent,
    validFrom: r.validFrom,
    validTo: rows[i + 1] ? addDays(rows[i + 1]!.validFrom, -1) : null,
  }));
  const day = moscowDate(now);
  const started = periods.filter((p) => p.validFrom <= day);
  return {
    today: day,
    current: started.at(-1) ?? null,
    scheduled: periods.filter((p) => p.validFrom > day),
    history: started.reverse(),
  };
}
