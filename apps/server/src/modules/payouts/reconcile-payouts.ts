import { sql } from 'drizzle-orm';
import { sqlRows } from '../../db/client.ts';
import type { AppDeps } from '../../platform/deps.ts';

type Sums = { owed: number; paid: number; inFlight: number; difference: number };

/**
 * Payouts succeeded must equal what is owed: reimbursements and cashback of approved decisions less
 * clawbacks not yet settled. Per insured person and in total; `difference` ≠ 0 means money in flight,
 * or a debt the person still has to repay (negative).
 */
export async function reconcilePayouts(deps: AppDeps) {
  const rows = await sqlRows<{
    person_id: string;
    full_name: string;
    policy_number: string | null;
    owed: string;
    paid: string;
    in_flight: string;
  }>(
    deps.database.db,
    sql`select p.id as person_id,
          concat_ws(' ', p.last_name, p.first_name, p.middle_name) as full_name,
          (select number from policies x where x.insured_person_id = p.id order by valid_to desc limit 1) as policy_number,
          coalesce(sum(l.amount) filter (where l.kind in ('reimbursement','cashback','clawback','repayment')), 0)::text as owed,
          coalesce(-sum(l.amount) filter (where l.kind = 'payout'), 0)::text as paid,
          (select coalesce(sum(amount), 0) from payouts x where x.insured_person_id = p.id and x.status in ('created','pending'))::text as in_flight
        from insured_persons p join ledger_entries l on l.insured_person_id = p.id
        group by p.id order by full_name, p.id`,
  );
  const people = rows.map((r) => ({
    insuredPersonId: r.person_id,
    fullName: r.full_name,
    policyNumber: r.policy_number,
    owed: Number(r.owed),
    paid: Number(r.paid),
    inFlight: Number(r.in_flight),
    difference: Number(r.owed) - Number(r.paid),
  }));
  const total = people.reduce<Sums>(
    (t, p) => ({
      owed: t.owed + p.owed,
      paid: t.paid + p.paid,
      inFlight: t.inFlight + p.inFlight,
      difference: t.difference + p.difference,
    }),
    { owed: 0, paid: 0, inFlight: 0, difference: 0 },
  );
  return { people, total };
}
