import { formatRub } from '@remed/core';
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { sqlRows, type Tx, writeAll } from '../../db/client.ts';
import { claims, insuredPersons, ledgerEntries, payouts } from '../../db/schema/index.ts';
import { PayoutProviderError, type PayoutState } from '../../integrations/payouts/payout-provider.ts';
import type { Actor } from '../../platform/actor.ts';
import { systemActor } from '../../platform/actor.ts';
import { auditInsert, writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { withLiveJob } from '../../platform/jobs.ts';
import { noticeWrites, notify } from '../notifications/notify.ts';
import { claimNotices, payoutTarget } from './claim-notices.ts';
import { movableTo } from './claim-state.ts';
import { claimsService } from './claims.service.ts';
import { available, owing, PAYOUT_SEND_QUEUE } from './owing.ts';
import { cancelAdvice } from './payout-advice.ts';
import { sendPayout } from './send-payout.ts';

export const PAYOUT_POLL_QUEUE = 'payout-poll';
export const PAYOUT_SWEEP_QUEUE = 'payout-sweep';
const POLL_BACKOFF_S = [3, 10, 30, 60, 300, 900];

/** Claims whose payout a person can (re)start: refused by the bank, or approved before СБП details existed. */
const AWAITING_PAYOUT = ['payout_failed', 'approved', 'partially_approved'] as const;

export function payoutsService(deps: AppDeps) {
  const { database, clock } = deps;
  const db = database.db;
  const money = owing(deps);

  /**
   * Applies the provider's word (never a webhook body) once: only a live payout can become final. `by` is the
   * person who decided a payout the provider could not account for. True when this call made it final.
   */
  async function settle(payoutId: string, state: PayoutState, by?: { actor: Actor; note: string }) {
    if (state.status === 'pending') {
      await db
        .update(payouts)
        .set({
          status: 'pending',
          providerId: state.providerId,
          attempts: sql`${payouts.attempts} + 1`,
          updatedAt: clock.now(),
        })
        .where(and(eq(payouts.id, payoutId), inArray(payouts.status, ['created', 'pending'])));
      return false;
    }
    const messageIds = await db.transaction(async (tx) => {
      const now = clock.now();
      const succeeded = state.status === 'succeeded';
      // The conditional update is the lock: a payout becomes final once, whatever webhooks and polls race.
      const [row] = await tx
        .update(payouts)
        .set({
          status: state.status,
          providerId: state.providerId,
          ...(succeeded ? {} : { cancelReason: state.reason }),
          // The provider's (or a person's) word ends any wait for a person's decision.
          reviewReason: null,
          updatedAt: now,
        })
        .from(insuredPersons)
        .where(
          and(
            eq(payouts.id, payoutId),
            inArray(payouts.status, ['created', 'pending']),
            eq(insuredPersons.id, payouts.insuredPersonId),
          ),
        )
        .returning({ p: payouts, person: insuredPersons });
      if (!row) return null;
      const { p, person } = row;
      const claimTo = succeeded ? 'paid' : 'payout_failed';
      const notice = succeeded
        ? claimNotices.paid(p.claimId, p.amount, payoutTarget(p.phone, person.payoutBankName))
        : claimNotices.payoutFailed(p.claimId, p.amount, cancelAdvice(state.reason));
      const notes = noticeWrites(deps, tx, person, notice);
      await writeAll(tx, [
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
        ...auditInsert(tx, clock, [
          {
            actor: by?.actor ?? systemActor,
            record: succeeded
              ? {
                  action: 'payout.succeeded',
                  entityType: 'payout',
                  entityId: p.id,
                  after: { amount: p.amount, providerId: state.providerId, ...(by ? { note: by.note } : {}) },
                }
              : {
                  action: 'payout.canceled',
                  entityType: 'payout',
                  entityId: p.id,
                  after: { reason: state.reason, party: state.party, ...(by ? { note: by.note } : {}) },
                },
          },
        ]),
        ...notes.writes,
      ]);
      return notes.messageIds;
    });
    if (!messageIds) return false;
    await deps.outbox.dispatch(messageIds);
    return true;
  }

  async function poll(payoutId: string, attempt: number) {
    const [p] = await db.select().from(payouts).where(eq(payouts.id, payoutId));
    if (p?.status !== 'pending' || !p.providerId) return;
    const state = await deps.payoutProvider.get(p.providerId);
    await settle(p.id, state);
    if (state.status === 'pending') {
      await deps.jobs.send(
        PAYOUT_POLL_QUEUE,
        { id: p.id, attempt: attempt + 1 },
        { startAfterSeconds: POLL_BACKOFF_S[Math.min(attempt, POLL_BACKOFF_S.length - 1)]! },
      );
    }
  }

  /**
   * Starts the payouts of a person's claims that wait for one (they fixed their СБП details, or asked to
   * retry), each with a new key; the person is locked so that open clawbacks come off once.
   */
  async function restart(tx: Tx, personId: string, claimIds: string[] | null) {
    const [person] = await tx
      .select()
      .from(insuredPersons)
      .where(eq(insuredPersons.id, personId))
      .for('update');
    const waiting = await tx
      .select()
      .from(claims)
      .where(
        and(
          eq(claims.insuredPersonId, personId),
          inArray(claims.status, [...AWAITING_PAYOUT]),
          claimIds ? inArray(claims.id, claimIds) : undefined,
        ),
      )
      .for('update');
    const started: string[] = [];
    for (const claim of waiting) {
      const due = { reimbursement: claim.reimbursement, cashback: claim.cashback };
      if (due.reimbursement + due.cashback <= 0) continue;
      if (claim.status !== 'payout_failed') {
        const [live] = await tx
          .select({ id: payouts.id })
          .from(payouts)
          .where(
            and(eq(payouts.claimId, claim.id), inArray(payouts.status, ['created', 'pending', 'succeeded'])),
          );
        if (live) continue;
      }
      const plan = await money.plan(tx, claim.id, person!, claim.status, due, { ledgerWritten: true });
      if (plan.status === claim.status) continue;
      await writeAll(tx, money.writes(tx, plan));
      await tx
        .update(claims)
        .set({ status: plan.status, updatedAt: clock.now() })
        .where(eq(claims.id, claim.id));
      if (plan.payout) started.push(plan.payout.id!);
    }
    return started;
  }

  const queuePayouts = (ids: string[]) =>
    deps.jobs.sendAll(ids.map((id) => ({ queue: PAYOUT_SEND_QUEUE, data: { id } })));

  return {
    settle,
    poll,

    /** The payout job: see `sendPayout`; what a job carries is never trusted over the row. */
    send: (payoutId: string) => sendPayout(deps, { settle, poll }, payoutId),

    /**
     * A webhook only says "look again": the payout is re-read from the provider before anything changes,
     * and found by our own id in its metadata (the webhook may come before the provider's id is stored).
     */
    async notified(providerId: string) {
      let state: PayoutState;
      try {
        state = await deps.payoutProvider.get(providerId);
      } catch (e) {
        if (e instanceof PayoutProviderError && !e.transient) return false;
        throw e;
      }
      const payoutId =
        state.payoutId ??
        (await db.select({ id: payouts.id }).from(payouts).where(eq(payouts.providerId, providerId)))[0]?.id;
      if (!payoutId) return false;
      await settle(payoutId, state);
      return true;
    },

    /**
     * Payouts left behind by a stopped process or a restore (the job queue is not in a backup): those idle for
     * a while with no job of their own get one, which re-reads the row before any call. Those waiting for a
     * person are left to them.
     */
    async sweep() {
      const stale = new Date(clock.now().getTime() - 30_000);
      const rows = await db
        .select({ id: payouts.id })
        .from(payouts)
        .where(
          and(
            inArray(payouts.status, ['created', 'pending']),
            lt(payouts.updatedAt, stale),
            isNull(payouts.reviewReason),
          ),
        );
      const ids = rows.map((r) => r.id);
      const sending = await withLiveJob(database, PAYOUT_SEND_QUEUE, ids);
      const polling = await withLiveJob(database, PAYOUT_POLL_QUEUE, ids);
      const lost = ids.filter((id) => !sending.has(id) && !polling.has(id));
      for (const id of lost) await deps.jobs.send(PAYOUT_SEND_QUEUE, { id }, { singletonKey: `sweep:${id}` });
      return lost.length;
    },

    /** After a refused payout the person fixes their СБП details and tries again, with a new key. */
    async retry(actor: Actor, claimId: string) {
      const person = await claimsService(deps).personOf(actor);
      const started = await db.transaction(async (tx) => {
        const [claim] = await tx
          .select()
          .from(claims)
          .where(and(eq(claims.id, claimId), eq(claims.insuredPersonId, person.id)));
        if (!claim) throw new AppError('NOT_FOUND', 'Заявка не найдена');
        if (
          !(AWAITING_PAYOUT as readonly string[]).includes(claim.status) ||
          claim.reimbursement + claim.cashback <= 0
        )
          throw new AppError('INVALID_STATE', 'Повторить перевод можно только после отказа банка');
        if (!person.payoutPhone || !person.payoutBankId) {
          throw new AppError('VALIDATION_FAILED', 'Укажите телефон и банк для СБП', {
            fields: { payout: 'Укажите телефон и банк для СБП' },
          });
        }
        const ids = await restart(tx, person.id, [claimId]);
        await writeAudit(tx, clock, actor, {
          action: 'payout.retried',
          entityType: 'claim',
          entityId: claim.id,
          after: { payoutIds: ids },
        });
        return ids;
      });
      await queuePayouts(started);
    },

    /** The person sets where СБП payouts go; claims that waited for these details are paid now. */
    async setDetails(actor: Actor, input: { phone: string; bankId: string }) {
      const person = await claimsService(deps).personOf(actor);
      const bank = (await deps.payoutProvider.banks()).find((b) => b.bankId === input.bankId);
      if (!bank)
        throw new AppError('VALIDATION_FAILED', 'Выберите банк из списка', {
          fields: { bankId: 'Выберите банк из списка участников СБП' },
        });
      const started = await db.transaction(async (tx) => {
        await tx
          .update(insuredPersons)
          .set({
            payoutPhone: input.phone,
            payoutBankId: bank.bankId,
            payoutBankName: bank.name,
            updatedAt: clock.now(),
          })
          .where(eq(insuredPersons.id, person.id));
        await writeAudit(tx, clock, actor, {
          action: 'payout_details.changed',
          entityType: 'insured_person',
          entityId: person.id,
          before: { phone: person.payoutPhone, bankId: person.payoutBankId },
          after: { phone: input.phone, bankId: bank.bankId },
        });
        // Refused payouts wait for the person's «Повторить»; approved claims that had nowhere to go start now.
        const approvedWaiting = await tx
          .select({ id: claims.id })
          .from(claims)
          .where(
            and(
              eq(claims.insuredPersonId, person.id),
              inArray(claims.status, ['approved', 'partially_approved']),
            ),
          );
        return approvedWaiting.length
          ? restart(
              tx,
              person.id,
              approvedWaiting.map((c) => c.id),
            )
          : [];
      });
      await queuePayouts(started);
      return { phone: input.phone, bankId: bank.bankId, bankName: bank.name };
    },

    /**
     * Staff record money an insured person sent back to settle a clawback (a bank transfer to the service):
     * a repayment entry in the ledger, never more than the open debt.
     */
    async recordRepayment(actor: Actor, insuredPersonId: string, input: { amount: number; note: string }) {
      const messageIds = await db.transaction(async (tx) => {
        const [person] = await tx
          .select()
          .from(insuredPersons)
          .where(eq(insuredPersons.id, insuredPersonId))
          .for('update');
        if (!person) throw new AppError('NOT_FOUND', 'Застрахованный не найден');
        const debt = Math.max(0, -(await available(tx, person.id)));
        if (debt === 0) throw new AppError('INVALID_STATE', 'У застрахованного нет долга по возвратам');
        if (input.amount > debt)
          throw new AppError('VALIDATION_FAILED', 'Сумма больше долга', {
            fields: { amount: `Не больше долга: ${formatRub(debt)}` },
          });
        await tx.insert(ledgerEntries).values({
          insuredPersonId: person.id,
          kind: 'repayment',
          amount: input.amount,
          createdAt: clock.now(),
        });
        await writeAudit(tx, clock, actor, {
          action: 'ledger.repayment_recorded',
          entityType: 'insured_person',
          entityId: person.id,
          before: { debt },
          after: { amount: input.amount, note: input.note },
        });
        return notify(deps, tx, person, claimNotices.repaid(input.amount, debt - input.amount));
      });
      await deps.outbox.dispatch(messageIds);
    },

    /**
     * Payouts succeeded must equal what is owed: reimbursements and cashback of approved decisions less
     * clawbacks not yet settled. Per insured person and in total; `difference` ≠ 0 means money in flight,
     * or a debt the person still has to repay (negative).
     */
    async reconciliation() {
      const rows = await sqlRows<{
        person_id: string;
        full_name: string;
        policy_number: string | null;
        owed: string;
        paid: string;
        in_flight: string;
      }>(
        db,
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
      const total = people.reduce(
        (t, p) => ({
          owed: t.owed + p.owed,
          paid: t.paid + p.paid,
          inFlight: t.inFlight + p.inFlight,
          difference: t.difference + p.difference,
        }),
        { owed: 0, paid: 0, inFlight: 0, difference: 0 },
      );
      return { people, total };
    },
  };
}

export type PayoutsService = ReturnType<typeof payoutsService>;
