import { eq, sql } from 'drizzle-orm';
import { payouts } from '../../db/schema/index.ts';
import { PayoutProviderError, type PayoutState } from '../../integrations/payouts/payout-provider.ts';
import { systemActor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { pollPayout } from './poll-payout.ts';
import { settlePayout } from './settle-payout.ts';

type Payout = typeof payouts.$inferSelect;

/**
 * A call started this close to the end of the provider's idempotence window could reach it after the key is
 * gone; such a payout is looked up instead of sent.
 */
const WINDOW_MARGIN_MS = 10 * 60_000;

const REVIEW_REASON_UNKNOWN =
  'ЮKassa не знает эту выплату, а срок ключа идемпотентности истёк: повторная отправка может заплатить второй раз. Проверьте выписку ЮKassa и отметьте, ушли ли деньги.';

/**
 * The payout job. The row is read again under its lock before any call, whatever the job carries: a payout
 * already final (or waiting for a person) is left alone, one the provider accepted is polled, and one older
 * than the provider's idempotence window is looked up by our id, never created again blind, since the
 * provider would take the old key for a new payout.
 */
export async function sendPayout(deps: AppDeps, payoutId: string) {
  const { database, clock } = deps;
  const db = database.db;
  const p = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(payouts).where(eq(payouts.id, payoutId)).for('update');
    if (!row || (row.status !== 'created' && row.status !== 'pending') || row.reviewReason) return null;
    // Taken now: the sweep leaves a payout alone while its call may be in flight.
    await tx.update(payouts).set({ updatedAt: clock.now() }).where(eq(payouts.id, row.id));
    return row;
  });
  if (!p) return;
  if (p.status === 'pending' && p.providerId) return pollPayout(deps, p.id, 0);
  const age = clock.now().getTime() - p.createdAt.getTime();
  if (age >= deps.config.payouts.idempotenceWindowMs - WINDOW_MARGIN_MS) return reconcileLate(deps, p);
  try {
    const state = await deps.payoutProvider.create({
      idempotenceKey: p.idempotenceKey,
      amount: p.amount,
      phone: p.phone,
      bankId: p.bankId,
      description: 'Возмещение по ДМС и кэшбэк, remed',
      metadata: { claimId: p.claimId, payoutId: p.id },
    });
    // A pending payout is finished by the provider's webhook; one whose webhook never comes is polled
    // once the sweep finds it idle.
    await settlePayout(deps, p.id, state);
  } catch (e) {
    await recordError(deps, p.id, e);
    if (e instanceof PayoutProviderError && !e.transient) {
      await settlePayout(deps, p.id, {
        status: 'canceled',
        providerId: `refused:${p.id}`,
        reason: (e as Error).message,
        party: 'provider',
      });
      return;
    }
    throw e;
  }
}

/** Asks the provider what became of a payout whose key may have expired, and takes its answer. */
async function reconcileLate(deps: AppDeps, p: Payout) {
  let state: PayoutState | null;
  try {
    state = p.providerId
      ? await deps.payoutProvider.get(p.providerId)
      : await deps.payoutProvider.findByPayoutId(p.id);
  } catch (e) {
    await recordError(deps, p.id, e);
    // A refused look-up says nothing about the money: a person decides, as when nothing is found.
    if (e instanceof PayoutProviderError && !e.transient) return askPerson(deps, p, e.message);
    throw e;
  }
  if (!state) return askPerson(deps, p, REVIEW_REASON_UNKNOWN);
  // A payout still pending there is finished by its webhook or, failing that, the sweep's poll.
  await settlePayout(deps, p.id, state);
}

async function askPerson(deps: AppDeps, p: Payout, reason: string) {
  const { clock } = deps;
  await deps.database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(payouts)
      .set({ reviewReason: reason.slice(0, 500), reviewRequestedAt: clock.now(), updatedAt: clock.now() })
      .where(
        sql`${payouts.id} = ${p.id} and ${payouts.status} in ('created','pending') and ${payouts.reviewReason} is null`,
      )
      .returning({ id: payouts.id });
    if (!row) return;
    await writeAudit(tx, clock, systemActor, {
      action: 'payout.review_requested',
      entityType: 'payout',
      entityId: p.id,
      after: { reason, createdAt: p.createdAt.toISOString() },
    });
  });
}

async function recordError(deps: AppDeps, payoutId: string, e: unknown) {
  await deps.database.db
    .update(payouts)
    .set({
      attempts: sql`${payouts.attempts} + 1`,
      lastError: String((e as Error).message ?? e).slice(0, 500),
      updatedAt: deps.clock.now(),
    })
    .where(eq(payouts.id, payoutId));
}
