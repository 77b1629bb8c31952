import { adjudicateReceipt, type FiscalReceipt, formatRub, parseQr, percentHalfUp } from '@remed/core';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { sqlRows, type Tx } from '../../db/client.ts';
import {
  type ClaimStatus,
  claims,
  guaranteeLetters,
  insuredPersons,
  ledgerEntries,
  payouts,
} from '../../db/schema/index.ts';
import { type Actor, systemActor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { letterToV1 } from '../letters/letter-export.ts';
import { loadLetters } from '../letters/letters.repository.ts';
import { requestRatingRecompute } from '../ratings/rating-jobs.ts';
import { CLAIM_STATUS_TITLES, canMove, letterState, PAYING, savedState } from './claim-state.ts';
import { clawbackFor } from './clawback.ts';

export const CLAIM_FETCH_QUEUE = 'claim-fetch';
export const PAYOUT_SEND_QUEUE = 'payout-send';
/** Waits between attempts to fetch a receipt the source has not got yet: never a rejection for that. */
const FETCH_BACKOFF_S = [5, 15, 60, 300, 900, 3600];

type ClaimRow = typeof claims.$inferSelect;
type PersonRow = typeof insuredPersons.$inferSelect;

export function claimsService(deps: AppDeps) {
  const { database, clock, ids } = deps;
  const db = database.db;

  async function personOf(actor: Actor) {
    const [person] = await db.select().from(insuredPersons).where(eq(insuredPersons.userId, actor.user!.id));
    if (!person) throw new AppError('NOT_FOUND', 'Учётная запись не связана с полисом ДМС');
    return person;
  }

  async function move(
    tx: Tx,
    claim: ClaimRow,
    to: ClaimStatus,
    set: Partial<typeof claims.$inferInsert> = {},
  ) {
    if (!canMove(claim.status, to))
      throw new AppError('INVALID_STATE', `Заявка в статусе «${CLAIM_STATUS_TITLES[claim.status]}»`);
    const updated = await tx
      .update(claims)
      .set({ ...set, status: to, updatedAt: clock.now() })
      .where(and(eq(claims.id, claim.id), eq(claims.status, claim.status)))
      .returning();
    if (!updated[0]) throw new AppError('INVALID_STATE', 'Заявку уже изменили');
    return updated[0];
  }

  async function notify(tx: Tx, person: PersonRow, text: string) {
    return person.phone
      ? [await deps.outbox.add(tx, { channel: 'sms', to: person.phone, body: `remed: ${text}` })]
      : [];
  }

  /** Records what is owed and, when the person has СБП details, the payout to make — all in `tx`. */
  async function owe(tx: Tx, claim: ClaimRow, person: PersonRow, reimbursement: number, cashback: number) {
    const now = clock.now();
    if (reimbursement > 0)
      await tx.insert(ledgerEntries).values({
        insuredPersonId: person.id,
        claimId: claim.id,
        kind: 'reimbursement',
        amount: reimbursement,
        createdAt: now,
      });
    if (cashback > 0)
      await tx.insert(ledgerEntries).values({
        insuredPersonId: person.id,
        claimId: claim.id,
        kind: 'cashback',
        amount: cashback,
        createdAt: now,
      });
    return startPayout(tx, claim, person, reimbursement + cashback);
  }

  /** A payout row with its idempotence key, written before any call to the provider. */
  async function startPayout(
    tx: Tx,
    claim: ClaimRow,
    person: PersonRow,
    due: number,
  ): Promise<string | null> {
    // Open clawbacks come off the next payout: pay what the ledger says is owed and not yet on its way.
    const [balance] = await sqlRows<{ available: string }>(
      tx,
      sql`select (coalesce((select sum(amount) from ledger_entries where insured_person_id = ${person.id}), 0)
            - coalesce((select sum(amount) from payouts where insured_person_id = ${person.id} and status in ('created','pending')), 0))::text as available`,
    );
    const amount = Math.min(due, Number(balance!.available));
    if (amount <= 0 && due > 0) {
      await move(tx, claim, 'paid');
      return null;
    }
    if (amount <= 0 || !person.payoutPhone || !person.payoutBankId) return null;
    const id = ids.uuid();
    const now = clock.now();
    await tx.insert(payouts).values({
      id,
      claimId: claim.id,
      insuredPersonId: person.id,
      amount,
      idempotenceKey: ids.uuid(),
      status: 'created',
      phone: person.payoutPhone,
      bankId: person.payoutBankId,
      createdAt: now,
      updatedAt: now,
    });
    await move(tx, claim, 'payout_pending');
    return id;
  }

  async function afterCommit(messageIds: string[], payoutId: string | null) {
    await deps.outbox.dispatch(messageIds);
    if (payoutId) await deps.jobs.send(PAYOUT_SEND_QUEUE, { id: payoutId });
  }

  async function adjudicate(claimId: string, receipt: FiscalReceipt) {
    let payoutId: string | null = null;
    const messageIds = await db.transaction(async (tx) => {
      const [claim] = await tx.select().from(claims).where(eq(claims.id, claimId)).for('update');
      if (claim?.status !== 'waiting_receipt') return [];
      // One receipt at a time per letter, so two receipts cannot both use the same quantity or limit.
      const [locked] = await tx
        .select({ saved: guaranteeLetters.adjudicationState })
        .from(guaranteeLetters)
        .where(eq(guaranteeLetters.id, claim.letterId))
        .for('update');
      const [view] = await loadLetters(tx, eq(guaranteeLetters.id, claim.letterId), clock.now());
      const letter = letterToV1(view!);
      const state = letterState(letter, locked?.saved ?? null);
      const [person] = await tx
        .select()
        .from(insuredPersons)
        .where(eq(insuredPersons.id, claim.insuredPersonId));
      if (receipt.operationType === 2) {
        const paying = await tx
          .select()
          .from(claims)
          .where(and(eq(claims.letterId, claim.letterId), inArray(claims.status, [...PAYING])))
          .orderBy(asc(claims.adjudicatedAt));
        const owed = clawbackFor(receipt, paying);
        if (owed) {
          const summary =
            owed.amount > 0
              ? `Клиника вернула вам деньги по чеку: ${formatRub(owed.amount)} из возмещения удержим из следующей выплаты, или верните их переводом по реквизитам в приложении.`
              : 'Клиника оформила возврат по чеку; возмещения по этим строкам не было, удерживать нечего.';
          await move(tx, claim, 'clawback', {
            receipt,
            explanation: { summary, lines: [] },
            adjudicatedAt: clock.now(),
          });
          if (owed.amount > 0) {
            await tx.insert(ledgerEntries).values({
              insuredPersonId: person!.id,
              claimId: claim.id,
              kind: 'clawback',
              amount: -owed.amount,
              createdAt: clock.now(),
            });
          }
          await writeAudit(tx, clock, systemActor, {
            action: 'claim.clawback',
            entityType: 'claim',
            entityId: claim.id,
            after: { originalClaimId: owed.claimId, amount: owed.amount },
          });
          return notify(tx, person!, summary);
        }
      }
      const { decision, explanation, state: next } = adjudicateReceipt(letter, receipt, state);
      if (decision.status === 'approved' || decision.status === 'partially_approved') {
        await tx
          .update(guaranteeLetters)
          .set({ adjudicationState: savedState(next) })
          .where(eq(guaranteeLetters.id, claim.letterId));
      }
      const status: ClaimStatus = decision.status;
      const updated = await move(tx, claim, status, {
        receipt,
        decision,
        explanation,
        reimbursement: decision.reimbursement,
        cashback: decision.cashback,
        adjudicatedAt: clock.now(),
      });
      await writeAudit(tx, clock, systemActor, {
        action: 'claim.adjudicated',
        entityType: 'claim',
        entityId: claim.id,
        after: {
          status,
          reasons: decision.reasons,
          reimbursement: decision.reimbursement,
          cashback: decision.cashback,
        },
      });
      if (status === 'approved' || status === 'partially_approved') {
        payoutId = await owe(tx, updated, person!, decision.reimbursement, decision.cashback);
        const how = payoutId
          ? 'Отправляем по СБП.'
          : 'Укажите телефон и банк для СБП в приложении, и мы переведём деньги.';
        return notify(
          tx,
          person!,
          `чек по письму ${letter.number}: к выплате ${formatRub(decision.reimbursement + decision.cashback)}. ${how}`,
        );
      }
      return notify(
        tx,
        person!,
        `чек по письму ${letter.number}: ${CLAIM_STATUS_TITLES[status].toLowerCase()}. ${explanation.summary}`,
      );
    });
    await afterCommit(messageIds, payoutId);
    // A decided receipt counts in its clinic's rating (accepted visits, receipts with extra services).
    await requestRatingRecompute(deps);
  }

  return {
    personOf,
    startPayout,
    afterCommit,

    /** The insured submits a receipt (QR text or typed fields) against one of their letters. */
    async submit(
      actor: Actor,
      input: { letterId: string; qr: string; source: 'camera' | 'photo' | 'manual' },
    ) {
      const person = await personOf(actor);
      const parsed = parseQr(input.qr);
      if (!parsed.ok)
        throw new AppError('VALIDATION_FAILED', parsed.error.message, {
          fields: { qr: parsed.error.message },
          qrError: parsed.error.code,
        });
      const q = parsed.value;
      const [letter] = await db
        .select()
        .from(guaranteeLetters)
        .where(and(eq(guaranteeLetters.id, input.letterId), eq(guaranteeLetters.insuredPersonId, person.id)));
      if (!letter) throw new AppError('NOT_FOUND', 'Гарантийное письмо не найдено');
      if (letter.status !== 'issued') throw new AppError('INVALID_STATE', 'Гарантийное письмо отменено');
      const id = ids.uuid();
      const now = clock.now();
      try {
        await db.transaction(async (tx) => {
          await tx.insert(claims).values({
            id,
            insuredPersonId: person.id,
            letterId: letter.id,
            fn: q.fn,
            fd: String(q.i),
            fp: String(q.fp),
            operationType: q.n,
            qrSum: q.sum,
            qrDateTime: q.dateTime,
            source: input.source,
            status: 'waiting_receipt',
            createdAt: now,
            updatedAt: now,
          });
          await writeAudit(tx, clock, actor, {
            action: 'claim.submitted',
            entityType: 'claim',
            entityId: id,
            after: { letterId: letter.id, receipt: `${q.fn}:${q.i}`, source: input.source },
          });
        });
      } catch (e) {
        const c =
          (e as { cause?: { constraint?: string }; constraint?: string }).cause ??
          (e as { constraint?: string });
        if (c.constraint === 'claims_receipt_uq') {
          throw new AppError(
            'CONFLICT',
            'Этот чек уже был отправлен. Один чек можно отправить только один раз',
            { reason: 'DUPLICATE_RECEIPT' },
          );
        }
        throw e;
      }
      await this.fetch(id);
      return id;
    },

    /**
     * Asks the receipt source; a slow or failing source never rejects the claim: it waits, and a job asks
     * again with a growing pause.
     */
    async fetch(claimId: string) {
      const [claim] = await db.select().from(claims).where(eq(claims.id, claimId));
      if (claim?.status !== 'waiting_receipt') return;
      const answer = await deps.receiptSource.lookup({
        dateTime: claim.qrDateTime,
        sum: claim.qrSum,
        fn: claim.fn,
        i: claim.fd,
        fp: claim.fp,
        n: claim.operationType,
      });
      if (answer.kind === 'found') return adjudicate(claimId, answer.receipt);
      if (answer.kind === 'not_found') {
        const messageIds = await db.transaction(async (tx) => {
          const [locked] = await tx.select().from(claims).where(eq(claims.id, claimId)).for('update');
          if (locked?.status !== 'waiting_receipt') return [];
          await move(tx, locked, 'rejected', {
            lastFetchError: answer.message,
            adjudicatedAt: clock.now(),
            explanation: {
              summary: `ФНС не знает такого чека: ${answer.message}. Проверьте данные с QR-кода.`,
              lines: [],
            },
          });
          const [person] = await tx
            .select()
            .from(insuredPersons)
            .where(eq(insuredPersons.id, locked.insuredPersonId));
          return notify(tx, person!, 'чек не найден в ФНС. Проверьте данные чека в приложении.');
        });
        return deps.outbox.dispatch(messageIds);
      }
      const attempts = claim.fetchAttempts + 1;
      await db
        .update(claims)
        .set({ fetchAttempts: attempts, lastFetchError: answer.message, updatedAt: clock.now() })
        .where(eq(claims.id, claimId));
      const wait =
        answer.afterSeconds ?? FETCH_BACKOFF_S[Math.min(attempts - 1, FETCH_BACKOFF_S.length - 1)]!;
      await deps.jobs.send(
        CLAIM_FETCH_QUEUE,
        { id: claimId },
        { startAfterSeconds: wait, singletonKey: `fetch:${claimId}:${attempts}` },
      );
    },

    async listMine(actor: Actor) {
      const person = await personOf(actor);
      return db
        .select()
        .from(claims)
        .where(eq(claims.insuredPersonId, person.id))
        .orderBy(desc(claims.createdAt));
    },

    async getMine(actor: Actor, id: string) {
      const person = await personOf(actor);
      const [claim] = await db
        .select()
        .from(claims)
        .where(and(eq(claims.id, id), eq(claims.insuredPersonId, person.id)));
      if (!claim) throw new AppError('NOT_FOUND', 'Заявка не найдена');
      return claim;
    },

    reviewQueue: () =>
      db.select().from(claims).where(eq(claims.status, 'manual_review')).orderBy(asc(claims.createdAt)),

    /** A person decides a receipt the engine was unsure about; the decision is audited, then paid. */
    async review(
      actor: Actor,
      id: string,
      input: { action: 'approve' | 'reject'; reimbursement?: number | undefined; note: string },
    ) {
      let payoutId: string | null = null;
      const messageIds = await db.transaction(async (tx) => {
        const [claim] = await tx.select().from(claims).where(eq(claims.id, id)).for('update');
        if (!claim) throw new AppError('NOT_FOUND', 'Заявка не найдена');
        if (claim.status !== 'manual_review') throw new AppError('INVALID_STATE', 'Заявка не ждёт проверки');
        const [letter] = await tx
          .select()
          .from(guaranteeLetters)
          .where(eq(guaranteeLetters.id, claim.letterId))
          .for('update');
        const [person] = await tx
          .select()
          .from(insuredPersons)
          .where(eq(insuredPersons.id, claim.insuredPersonId));
        const paid = (claim.receipt as FiscalReceipt).totalSum;
        const base = { reviewNote: input.note, reviewedBy: actor.user!.id, reviewedAt: clock.now() };
        if (input.action === 'reject') {
          await move(tx, claim, 'rejected', base);
          await writeAudit(tx, clock, actor, {
            action: 'claim.rejected_by_reviewer',
            entityType: 'claim',
            entityId: id,
            after: { note: input.note },
          });
          return notify(tx, person!, `чек по письму ${letter!.number} не возмещается: ${input.note}`);
        }
        const reimbursement = input.reimbursement ?? 0;
        if (reimbursement <= 0 || reimbursement > Math.min(paid, Number(letter!.total))) {
          throw new AppError(
            'VALIDATION_FAILED',
            'Сумма возмещения — больше нуля и не больше оплаченного и суммы письма',
            {
              fields: { reimbursement: `От 0,01 ₽ до ${formatRub(Math.min(paid, Number(letter!.total)))}` },
            },
          );
        }
        const cashback = percentHalfUp(reimbursement, letter!.cashbackPercent);
        // A person's decision names no lines: it uses the letter's money limit, not its quantities.
        const [view] = await loadLetters(tx, eq(guaranteeLetters.id, letter!.id), clock.now());
        const current = letterState(letterToV1(view!), letter!.adjudicationState ?? null);
        const remainingLimit =
          current.remainingLimit === null ? null : Math.max(0, current.remainingLimit - reimbursement);
        await tx
          .update(guaranteeLetters)
          .set({ adjudicationState: savedState({ ...current, remainingLimit }) })
          .where(eq(guaranteeLetters.id, letter!.id));
        const status: ClaimStatus = reimbursement === paid ? 'approved' : 'partially_approved';
        const updated = await move(tx, claim, status, { ...base, reimbursement, cashback });
        await writeAudit(tx, clock, actor, {
          action: 'claim.approved_by_reviewer',
          entityType: 'claim',
          entityId: id,
          before: { status: 'manual_review' },
          after: { status, reimbursement, cashback, note: input.note },
        });
        payoutId = await owe(tx, updated, person!, reimbursement, cashback);
        return notify(
          tx,
          person!,
          `чек по письму ${letter!.number} одобрен врачом: к выплате ${formatRub(reimbursement + cashback)}`,
        );
      });
      await afterCommit(messageIds, payoutId);
      await requestRatingRecompute(deps);
    },
  };
}

export type ClaimsService = ReturnType<typeof claimsService>;
