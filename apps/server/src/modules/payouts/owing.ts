import type { ClaimStatus } from '@remed/core';
import { type SQLWrapper, sql } from 'drizzle-orm';
import { type DbOrTx, sqlRows, type Tx } from '../../db/client.ts';
import { type insuredPersons, ledgerEntries, payouts } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { payoutTarget } from './payout-notices.ts';

type Person = typeof insuredPersons.$inferSelect;

/** What an approved claim owes the person and how it goes out: the ledger entries and, if any, the payout. */
export interface PayoutPlan {
  /** The claim's status once the plan is written. */
  status: ClaimStatus;
  ledger: (typeof ledgerEntries.$inferInsert)[];
  payout: typeof payouts.$inferInsert | null;
  /** For the notice: where the money goes, or why it does not. */
  outcome: { amount: number; to: string } | 'details_missing' | 'offset' | null;
}

/**
 * Money owed to a person that is not yet on its way: the ledger's balance less live payouts. Negative while a
 * clawback is open. Read it with the person locked, or two claims could both take one clawback off.
 */
async function available(tx: DbOrTx, personId: string): Promise<number> {
  const [row] = await sqlRows<{ available: string }>(tx, sql`select ${availableSql(personId)} as available`);
  return Number(row!.available);
}

/** What a person still has to pay back after a clinic's refund: the negative part of `available`. */
export const openDebt = async (tx: DbOrTx, personId: string) => Math.max(0, -(await available(tx, personId)));

/** `available` as an expression, for a statement that reads it beside other things (as text: kopecks exact). */
export const availableSql = (personId: SQLWrapper | string) =>
  sql<string>`((select coalesce(sum(amount), 0) from ledger_entries where insured_person_id = ${personId})
    - (select coalesce(sum(amount), 0) from payouts where insured_person_id = ${personId} and status in ('created','pending')))::text`;

/** A payout row with its idempotence key, to be written before any call to the provider. */
function payoutRow(
  { ids, clock }: Pick<AppDeps, 'ids' | 'clock'>,
  claimId: string,
  person: Person,
  amount: number,
): typeof payouts.$inferInsert {
  const now = clock.now();
  return {
    id: ids.uuid(),
    claimId,
    insuredPersonId: person.id,
    amount,
    idempotenceKey: ids.uuid(),
    status: 'created',
    phone: person.payoutPhone!,
    bankId: person.payoutBankId!,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Plans the money of a decided claim (the person locked): reimbursement and cashback into the ledger, and
 * the payout of what is owed after open clawbacks. `ledgerWritten` when the entries are already there (a
 * retry), so that they are not counted twice.
 */
export async function planPayout(
  deps: Pick<AppDeps, 'ids' | 'clock'>,
  tx: Tx,
  claimId: string,
  person: Person,
  decided: ClaimStatus,
  amounts: { reimbursement: number; cashback: number },
  opts: { ledgerWritten?: boolean; availableHint?: number } = {},
): Promise<PayoutPlan> {
  const ledgerWritten = opts.ledgerWritten ?? false;
  const now = deps.clock.now();
  const due = amounts.reimbursement + amounts.cashback;
  const ledger = ledgerWritten
    ? []
    : (['reimbursement', 'cashback'] as const)
        .filter((kind) => amounts[kind] > 0)
        .map((kind) => ({
          insuredPersonId: person.id,
          claimId,
          kind,
          amount: amounts[kind],
          createdAt: now,
        }));
  if (due <= 0) return { status: decided, ledger, payout: null, outcome: null };
  if (!person.payoutPhone || !person.payoutBankId)
    return { status: decided, ledger, payout: null, outcome: 'details_missing' };
  // A hint of no debt can be trusted even if stale: paying in full then leaves a new clawback open for the
  // next payout, as if this claim had come first. A debt is read again, or two claims could both take it.
  const before =
    opts.availableHint !== undefined && opts.availableHint >= 0
      ? opts.availableHint
      : await available(tx, person.id);
  const amount = Math.min(due, before + (ledgerWritten ? 0 : due));
  if (amount <= 0) return { status: 'paid', ledger, payout: null, outcome: 'offset' };
  return {
    status: 'payout_pending',
    ledger,
    payout: payoutRow(deps, claimId, person, amount),
    outcome: { amount, to: payoutTarget(person.payoutPhone, person.payoutBankName) },
  };
}

/** The inserts of a plan, for `writeAll` with the claim they point at. */
export function payoutPlanWrites(tx: Tx, p: PayoutPlan | null): SQLWrapper[] {
  if (!p) return [];
  return [
    ...(p.ledger.length ? [tx.insert(ledgerEntries).values(p.ledger)] : []),
    ...(p.payout ? [tx.insert(payouts).values(p.payout)] : []),
  ];
}
