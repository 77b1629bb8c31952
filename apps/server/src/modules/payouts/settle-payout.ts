import { and, eq, inArray, type SQLWrapper, sql } from 'drizzle-orm';
import { type Tx, writeAll } from '../../db/client.ts';
import { claims, insuredPersons, ledgerEntries, payouts } from '../../db/schema/index.ts';
import type { PayoutState } from '../../integrations/payouts/payout-provider.ts';
import { type Actor, systemActor } from '../../platform/actor.ts';
import { type AuditRecord, auditInsert } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { movableTo } from '../claims/claim-state.ts';
import { noticeWrites } from '../notifications/notify.ts';
import { cancelAdvice } from './payout-advice.ts';
import { payoutNotices, payoutTarget } from './payout-notices.ts';

type Final = Exclude<PayoutState, { status: 'pending' }>;
/** The person who decided a payout the provider could not account for, and why. */
type DecidedBy = { actor: Actor; note: string };
type Payout = typeof payouts.$inferSelect;
type Person = typeof insuredPersons.$inferSelect;

const LIVE = ['created', 'pending'] as const;

/**
 * Applies the provider's word (never a webhook body) once: only a live payout can become final. `by` is the
 * person who decided a payout the provider could not account for. True when this call made it final.
 */
export async function settlePayout(
  deps: AppDeps,
  payoutId: string,
  state: PayoutState,
  by?: DecidedBy,
): Promise<boolean> {
  const { database, clock } = deps;
  if (state.status === 'pending') {
    await database.db
      .update(payouts)
      .set({
        status: 'pending',
        providerId: state.providerId,
        attempts: sql`${payouts.attempts} + 1`,
        updatedAt: clock.now(),
      })
      .where(and(eq(payouts.id, payoutId), inArray(payouts.status, [...LIVE])));
    return false;
  }
  const messageIds = await database.db.transaction(async (tx) => {
    const now = clock.now();
    // The conditional update is the lock: a payout becomes final once, whatever webhooks and polls race.
    const [row] = await tx
      .update(payouts)
      .set({
        status: state.status,
        providerId: state.providerId,
        ...(state.status === 'succeeded' ? {} : { cancelReason: state.reason }),
        // The provider's (or a person's) word ends any wait for a person's decision.
        reviewReason: null,
        updatedAt: now,
      })
      .from(insuredPersons)
      .where(
        and(
          eq(payouts.id, payoutId),
          inArray(payouts.status, [...LIVE]),
          eq(insuredPersons.id, payouts.insuredPersonId),
        ),
      )
      .returning({ p: payouts, person: insuredPersons });
    if (!row) return null;
    const notes = noticeWrites(deps, tx, row.person, finalNotice(row.p, row.person, state));
    await writeAll(tx, [...finalWrites(deps, tx, now, row.p, state, by), ...notes.writes]);
    return notes.messageIds;
  });
  if (!messageIds) return false;
  await deps.outbox.dispatch(messageIds);
  return true;
}

function finalNotice(p: Payout, person: Person, state: Final) {
  return state.status === 'succeeded'
    ? payoutNotices.paid(p.claimId, p.amount, payoutTarget(p.phone, person.payoutBankName))
    : payoutNotices.failed(p.claimId, p.amount, cancelAdvice(state.reason));
}

/** The money and the claim a final payout moves: the ledger's payout entry once paid, and the audit record. */
function finalWrites(
  { clock }: Pick<AppDeps, 'clock'>,
  tx: Tx,
  now: Date,
  p: Payout,
  state: Final,
  by: DecidedBy | undefined,
): SQLWrapper[] {
  const succeeded = state.status === 'succeeded';
  const claimTo = succeeded ? 'paid' : 'payout_failed';
  const note = by ? { note: by.note } : {};
  const record: AuditRecord = succeeded
    ? {
        action: 'payout.succeeded',
        entityType: 'payout',
        entityId: p.id,
        after: { amount: p.amount, providerId: state.providerId, ...note },
      }
    : {
        action: 'payout.canceled',
        entityType: 'payout',
        entityId: p.id,
        after: { reason: state.reason, party: state.party, ...note },
      };
  return [
    ...(succeeded
      ? [
          tx.insert(ledgerEntries).values({
            insuredPersonId: p.insuredPersonId,
            claimId: p.claimId,
            payoutId: p.id,
            kind: 'payout',
            amount: -p.amount,
            createdAt: now,
          }),
        ]
      : []),
    tx
      .update(claims)
      .set({ status: claimTo, updatedAt: now })
      .where(and(eq(claims.id, p.claimId), inArray(claims.status, movableTo(claimTo)))),
    ...auditInsert(tx, clock, [{ actor: by?.actor ?? systemActor, record }]),
  ];
}
