import type { ClinicRatingInput, PriceQuote } from '@remed/core';
import { eq, sql } from 'drizzle-orm';
import { type DbOrTx, sqlRows } from '../../db/client.ts';
import { clinics } from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { PAYING } from '../claims/claim-state.ts';
import { cashbackOn, effectivePrices } from '../console/pricing.queries.ts';

/** The rating looks at the last year: a clinic that got better is not held back by old receipts. */
const RATING_WINDOW_DAYS = 365;

export const ratingWindowStart = (clock: Clock) =>
  new Date(clock.now().getTime() - RATING_WINDOW_DAYS * 86_400_000);

const paying = sql.raw(PAYING.map((s) => `'${s}'`).join(','));

export async function requireClinic(db: DbOrTx, clinicId: string) {
  const [clinic] = await db.select().from(clinics).where(eq(clinics.id, clinicId));
  if (!clinic) throw new AppError('NOT_FOUND', 'Клиника не найдена');
  return clinic;
}

/**
 * Receipts at each clinic since `since`: accepted ones, ones compared with their letter line by line (a
 * receipt rejected before matching, e.g. from another seller, has lines with neither a letter line nor a
 * reason), and ones with an item not in the letter.
 */
async function receiptCounts(db: DbOrTx, since: Date) {
  return sqlRows<{ clinic_id: string; visits: number; checked: number; with_extras: number }>(
    db,
    sql`select gl.clinic_id,
          count(*) filter (where c.status in (${paying}) or c.status = 'manual_review')::int as visits,
          count(*) filter (where exists (
            select 1 from jsonb_array_elements(coalesce(c.decision->'lines', '[]'::jsonb)) l
            where l->>'letterLine' is not null or l ? 'reason'))::int as checked,
          count(*) filter (where exists (
            select 1 from jsonb_array_elements(coalesce(c.decision->'lines', '[]'::jsonb)) l
            where l->>'reason' = 'NOT_IN_LETTER'))::int as with_extras
        from claims c join guarantee_letters gl on gl.id = c.letter_id
        where c.operation_type = 1 and c.created_at >= ${since.toISOString()}::timestamptz
        group by gl.clinic_id`,
  );
}

/**
 * Everything the formula needs for every clinic. Prices come only from `effectivePrices` (the price-list
 * module owns how prices are stored), for the 804н codes the console put into letters during the window:
 * the price level that matters is the one of the services patients are actually sent for.
 */
export async function ratingInputs(
  db: DbOrTx,
  day: string,
  since: Date,
): Promise<{ inputs: ClinicRatingInput[]; prices: PriceQuote[] }> {
  const all = await db.select({ id: clinics.id }).from(clinics);
  const cashback = await cashbackOn(db, day);
  const stars = await sqlRows<{ clinic_id: string; n: number; total: number }>(
    db,
    sql`select clinic_id, count(*)::int as n, sum(stars)::int as total from visit_ratings
        where created_at >= ${since.toISOString()}::timestamptz group by clinic_id`,
  );
  const complaints = await sqlRows<{ clinic_id: string; n: number }>(
    db,
    sql`select clinic_id, count(*)::int as n from clinic_complaints
        where status = 'justified' and created_at >= ${since.toISOString()}::timestamptz group by clinic_id`,
  );
  const receipts = await receiptCounts(db, since);
  const codes = await sqlRows<{ service_code: string }>(
    db,
    sql`select distinct i.service_code from guarantee_letter_items i
        join guarantee_letters gl on gl.id = i.letter_id
        where gl.issued_at >= ${since.toISOString()}::timestamptz`,
  );
  const prices = codes.length
    ? (
        await effectivePrices(
          db,
          codes.map((c) => c.service_code),
          day,
          null,
        )
      ).map((p) => ({
        clinicId: p.clinicId,
        serviceCode: p.serviceCode,
        price: p.price,
      }))
    : [];
  const inputs = all.map(({ id }) => {
    const s = stars.find((x) => x.clinic_id === id);
    const r = receipts.find((x) => x.clinic_id === id);
    return {
      clinicId: id,
      cashbackPercent: cashback.get(id) ?? 0,
      ratings: { count: s?.n ?? 0, sum: s?.total ?? 0 },
      visits: r?.visits ?? 0,
      justifiedComplaints: complaints.find((x) => x.clinic_id === id)?.n ?? 0,
      checkedReceipts: r?.checked ?? 0,
      receiptsWithExtras: r?.with_extras ?? 0,
    };
  });
  return { inputs, prices };
}
