import type { ReportRow } from '@remed/core';
import { sql } from 'drizzle-orm';
import { type DbOrTx, sqlRows } from '../../db/client.ts';
import { PAYING } from '../claims/claim-state.ts';

const paying = sql.raw(PAYING.map((s) => `'${s}'`).join(','));

type Row = { patients: number; receipts: number; paid: string; reimbursed: string; cashback: string };

const figures = sql`count(distinct c.insured_person_id)::int as patients,
  count(*) filter (where c.status in (${paying}))::int as receipts,
  coalesce(sum(coalesce((c.decision->>'paid')::bigint, c.qr_sum)) filter (where c.status in (${paying})), 0)::text as paid,
  coalesce(sum(c.reimbursement) filter (where c.status in (${paying})), 0)::text as reimbursed,
  coalesce(sum(c.cashback) filter (where c.status in (${paying})), 0)::text as cashback`;

/** Sale receipts of the clinic's letters whose local date falls in the months `from`…`to` (YYYY-MM). */
const scope = (clinicId: string, from: string, to: string) =>
  sql`from claims c join guarantee_letters gl on gl.id = c.letter_id
      where gl.clinic_id = ${clinicId} and c.operation_type = 1
        and substr(c.qr_date_time, 1, 7) between ${from} and ${to}`;

const money = (r: Row) => ({
  patients: r.patients,
  receipts: r.receipts,
  paid: Number(r.paid),
  reimbursed: Number(r.reimbursed),
  cashback: Number(r.cashback),
});

/**
 * By the month of the receipt (the visit): patients with any receipt, and the money of receipts that were
 * approved in full or in part (including those being paid or paid). Months without receipts are zeros.
 */
export async function monthlyFigures(db: DbOrTx, clinicId: string, months: string[]) {
  const from = months[0]!;
  const to = months.at(-1)!;
  const rows = await sqlRows<Row & { month: string }>(
    db,
    sql`select substr(c.qr_date_time, 1, 7) as month, ${figures} ${scope(clinicId, from, to)} group by 1`,
  );
  const [total] = await sqlRows<Row>(db, sql`select ${figures} ${scope(clinicId, from, to)}`);
  const empty = { patients: 0, receipts: 0, paid: 0, reimbursed: 0, cashback: 0 };
  const byMonth: ReportRow[] = months.map((month) => {
    const r = rows.find((x) => x.month === month);
    return { month, ...(r ? money(r) : empty) };
  });
  return { months: byMonth, total: total ? money(total) : empty };
}
