import {
  type AdjudicationResult,
  adjudicateReceipt,
  adjudicateReviewed,
  type ClaimView,
  type FiscalReceipt,
  formatRub,
  parseQr,
  type QrFields,
  type ReviewedLine,
  withQrTime,
} from '@remed/core';
import { and, asc, desc, eq, inArray, type SQLWrapper } from 'drizzle-orm';
import { type Tx, writeAll } from '../../db/client.ts';
import {
  type ClaimStatus,
  claims,
  guaranteeLetters,
  insuredPersons,
  ledgerEntries,
} from '../../db/schema/index.ts';
import {
  lookupWithin,
  type ReceiptLookup,
  type ReceiptQuery,
} from '../../integrations/fns/receipt-source.ts';
import { type Actor, systemActor } from '../../platform/actor.ts';
import { type AuditRecord, auditInsert } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { jobWrite, type QueuedJob } from '../../platform/jobs.ts';
import { logHealthViews } from '../../platform/view-log.ts';
import { type Notice, noticeWrites } from '../notifications/notify.ts';
import { RATING_RECOMPUTE_JOB } from '../ratings/rating-jobs.ts';
import { claimNotices } from './claim-notices.ts';
import { CLAIM_STATUS_TITLES, canMove, letterState, PAYING, savedState } from './claim-state.ts';
import { toClaimView } from './claim-view.ts';
import { clawbackFor } from './clawback.ts';
import { type LockedLetter, lockLetter } from './letter-lock.ts';
import { owing, type PayoutPlan, payoutJob } from './owing.ts';

export const CLAIM_FETCH_QUEUE = 'claim-fetch';
/** Waits between attempts to fetch a receipt the source has not got yet: never a rejection for that. */
const FETCH_BACKOFF_S = [5, 15, 60, 300, 900, 3600];
/** How long a person uploading a receipt waits for the FNS before the claim is shown as waiting. */
const INLINE_LOOKUP_MS = 5_000;

type ClaimRow = typeof claims.$inferSelect;
type ClaimValues = Partial<typeof claims.$inferInsert>;
type Audit = { actor: Actor; record: AuditRecord };

/** What a use case leaves for after its commit: queues to wake (their jobs were written with the change). */
interface Effects {
  queues: string[];
  retryFetch?: { attempts: number; afterSeconds: number };
}

const queryOf = (q: QrFields): ReceiptQuery => ({
  dateTime: q.dateTime,
  sum: q.sum,
  fn: q.fn,
  i: String(q.i),
  fp: String(q.fp),
  n: q.n,
});

const isReceiptTaken = (e: unknown) => {
  const c =
    (e as { cause?: { constraint?: string }; constraint?: string }).cause ?? (e as { constraint?: string });
  return c.constraint === 'claims_receipt_uq';
};

export function claimsService(deps: AppDeps) {
  const { database, clock, ids } = deps;
  const db = database.db;
  const money = owing(deps);

  async function personOf(actor: Actor) {
    const [person] = await db.select().from(insuredPersons).where(eq(insuredPersons.userId, actor.user!.id));
    if (!person) throw new AppError('NOT_FOUND', 'Учётная запись не связана с полисом ДМС');
    return person;
  }

  /**
   * Moves a claim that exists to the status it reached, only from the status it was read in, so that two
   * workers cannot both decide it.
   */
  async function persist(
    tx: Tx,
    claim: ClaimRow,
    values: ClaimValues,
    /** The decided status a payout plan moved on from in the same transaction (approved → payout_pending). */
    via?: ClaimStatus,
  ): Promise<ClaimRow> {
    const to = values.status ?? claim.status;
    const steps = via && via !== to ? [claim.status, via, to] : [claim.status, to];
    if (to !== claim.status && steps.some((from, i) => i > 0 && !canMove(steps[i - 1]!, from)))
      throw new AppError('INVALID_STATE', `Заявка в статусе «${CLAIM_STATUS_TITLES[claim.status]}»`);
    const [row] = await tx
      .update(claims)
      .set({ ...values, updatedAt: clock.now() })
      .where(and(eq(claims.id, claim.id), eq(claims.status, claim.status)))
      .returning();
    if (!row) throw new AppError('INVALID_STATE', 'Заявку уже изменили');
    return row;
  }

  /**
   * The outcome of a decided receipt: the claim, the money, the records and the notice, all in `tx` and, for
   * a new claim, in one statement with `extra` writes of the same change.
   */
  async function record(
    tx: Tx,
    locked: LockedLetter,
    claim: ClaimRow,
    isNew: boolean,
    values: ClaimValues,
    audits: Audit[],
    notice: (plan: PayoutPlan | null) => Notice,
    amounts: { reimbursement: number; cashback: number } | null,
    extra: SQLWrapper[] = [],
  ): Promise<{ row: ClaimRow; effects: Effects; payout: PayoutPlan['payout'] }> {
    const plan = amounts
      ? await money.plan(tx, claim.id, locked.person, values.status!, amounts, {
          availableHint: locked.available,
        })
      : null;
    const final = { ...values, ...(plan ? { status: plan.status } : {}) };
    let row: ClaimRow;
    const writes: SQLWrapper[] = [];
    if (isNew) {
      row = { ...claim, ...final, updatedAt: clock.now() };
      writes.push(tx.insert(claims).values(row));
    } else row = await persist(tx, claim, final, values.status);
    const notes = noticeWrites(deps, tx, locked.person, notice(plan));
    const jobs: QueuedJob[] = [
      ...deps.outbox.deliveryJobs(notes.messageIds),
      ...(plan?.payout ? [payoutJob(plan.payout)] : []),
      // A decided receipt counts in its clinic's rating (visits, receipts with extra services).
      ...(final.status !== undefined && final.status !== 'waiting_receipt' ? [RATING_RECOMPUTE_JOB] : []),
    ];
    writes.push(
      ...extra,
      ...money.writes(tx, plan),
      ...auditInsert(tx, clock, audits),
      ...notes.writes,
      ...jobs.map(jobWrite),
    );
    await writeAll(tx, writes);
    return { row, effects: { queues: jobs.map((j) => j.queue) }, payout: plan?.payout ?? null };
  }

  /**
   * Decides a fetched receipt against the letter (locked) and records it. The person's QR is the authority
   * for the receipt's local time: a source that reports UTC is corrected by it, and a time no time zone
   * explains goes to a person (TIME_MISMATCH).
   */
  async function decide(
    tx: Tx,
    locked: LockedLetter,
    claim: ClaimRow,
    isNew: boolean,
    fetched: FiscalReceipt,
    audits: Audit[],
  ) {
    const receipt = withQrTime(fetched, claim.qrDateTime);
    const now = clock.now();
    if (receipt.operationType === 2) {
      const paying = await tx
        .select()
        .from(claims)
        .where(and(eq(claims.letterId, locked.id), inArray(claims.status, [...PAYING])))
        .orderBy(asc(claims.adjudicatedAt));
      const owed = clawbackFor(receipt, paying);
      if (owed) {
        const summary =
          owed.amount > 0
            ? `Клиника вернула вам деньги по чеку: ${formatRub(owed.amount)} из возмещения удержим из следующей выплаты, или верните их переводом по реквизитам в приложении.`
            : 'Клиника оформила возврат по чеку; возмещения по этим строкам не было, удерживать нечего.';
        return record(
          tx,
          locked,
          claim,
          isNew,
          { status: 'clawback', receipt, explanation: { summary, lines: [] }, adjudicatedAt: now },
          [
            ...audits,
            {
              actor: systemActor,
              record: {
                action: 'claim.clawback',
                entityType: 'claim',
                entityId: claim.id,
                after: { originalClaimId: owed.claimId, amount: owed.amount },
              },
            },
          ],
          () => claimNotices.clawback(claim.id, summary),
          null,
          owed.amount > 0
            ? [
                tx.insert(ledgerEntries).values({
                  insuredPersonId: locked.person.id,
                  claimId: claim.id,
                  kind: 'clawback',
                  amount: -owed.amount,
                  createdAt: now,
                }),
              ]
            : [],
        );
      }
    }
    const result = adjudicateReceipt(locked.letter, receipt, letterState(locked.letter, locked.saved));
    return settleDecision(tx, locked, claim, isNew, result, { receipt, adjudicatedAt: now }, [
      ...audits,
      {
        actor: systemActor,
        record: {
          action: 'claim.adjudicated',
          entityType: 'claim',
          entityId: claim.id,
          after: {
            status: result.decision.status,
            reasons: result.decision.reasons,
            reimbursement: result.decision.reimbursement,
            cashback: result.decision.cashback,
          },
        },
      },
    ]);
  }

  /** Records a decision, the engine's or a person's: only paying decisions use the letter's quantities. */
  async function settleDecision(
    tx: Tx,
    locked: LockedLetter,
    claim: ClaimRow,
    isNew: boolean,
    { decision, explanation, state }: AdjudicationResult,
    extra: ClaimValues,
    audits: Audit[],
  ) {
    const pays = decision.status === 'approved' || decision.status === 'partially_approved';
    return record(
      tx,
      locked,
      claim,
      isNew,
      {
        ...extra,
        status: decision.status,
        decision,
        explanation,
        reimbursement: decision.reimbursement,
        cashback: decision.cashback,
      },
      audits,
      (plan) =>
        claimNotices.decided(
          claim.id,
          locked.letter.number,
          decision.status,
          explanation.summary,
          plan?.outcome ?? null,
        ),
      pays ? { reimbursement: decision.reimbursement, cashback: decision.cashback } : null,
      pays
        ? [
            tx
              .update(guaranteeLetters)
              .set({ adjudicationState: savedState(state) })
              .where(eq(guaranteeLetters.id, locked.id)),
          ]
        : [],
    );
  }

  async function afterCommit(effects: Effects, claimId: string) {
    deps.jobs.wake(effects.queues);
    if (effects.retryFetch)
      await deps.jobs.send(
        CLAIM_FETCH_QUEUE,
        { id: claimId },
        {
          startAfterSeconds: effects.retryFetch.afterSeconds,
          singletonKey: `fetch:${claimId}:${effects.retryFetch.attempts}`,
        },
      );
  }

  const retryDelay = (answer: Extract<ReceiptLookup, { kind: 'retry_later' }>, attempts: number) =>
    answer.afterSeconds ?? FETCH_BACKOFF_S[Math.min(attempts - 1, FETCH_BACKOFF_S.length - 1)]!;

  /** What a lookup that found no receipt does to a claim: rejected if the source is sure, waiting if not. */
  async function undecided(
    tx: Tx,
    locked: LockedLetter,
    claim: ClaimRow,
    isNew: boolean,
    answer: Exclude<ReceiptLookup, { kind: 'found' }>,
    audits: Audit[],
  ) {
    if (answer.kind === 'not_found') {
      return record(
        tx,
        locked,
        claim,
        isNew,
        {
          status: 'rejected',
          lastFetchError: answer.message,
          adjudicatedAt: clock.now(),
          explanation: {
            summary: `ФНС не знает такого чека: ${answer.message}. Проверьте данные с QR-кода.`,
            lines: [],
          },
        },
        audits,
        () => claimNotices.notFound(claim.id, answer.message),
        null,
      );
    }
    const attempts = claim.fetchAttempts + 1;
    const values = { fetchAttempts: attempts, lastFetchError: answer.message };
    // The person hears once that we wait, when the claim arrives; later attempts change nothing they see.
    const out = isNew
      ? await record(
          tx,
          locked,
          claim,
          true,
          values,
          audits,
          () => claimNotices.waiting(claim.id, locked.letter.number),
          null,
        )
      : {
          row: await persist(tx, claim, values),
          effects: { queues: [] },
          payout: null,
        };
    out.effects.retryFetch = { attempts, afterSeconds: retryDelay(answer, attempts) };
    return out;
  }

  return {
    personOf,

    /**
     * The insured submits a receipt (QR text or typed fields) against one of their letters. The receipt is
     * fetched first; the claim is then written once, already decided, or waiting when the source is slow.
     */
    async submit(
      actor: Actor,
      input: { letterId: string; qr: string; source: 'camera' | 'photo' | 'manual' },
    ): Promise<ClaimView> {
      const parsed = parseQr(input.qr);
      if (!parsed.ok)
        throw new AppError('VALIDATION_FAILED', parsed.error.message, {
          fields: { qr: parsed.error.message },
          qrError: parsed.error.code,
        });
      const q = parsed.value;
      const [own] = await db
        .select({ person: insuredPersons.id, letter: guaranteeLetters.id, status: guaranteeLetters.status })
        .from(insuredPersons)
        .leftJoin(
          guaranteeLetters,
          and(
            eq(guaranteeLetters.id, input.letterId),
            eq(guaranteeLetters.insuredPersonId, insuredPersons.id),
          ),
        )
        .where(eq(insuredPersons.userId, actor.user!.id));
      if (!own) throw new AppError('NOT_FOUND', 'Учётная запись не связана с полисом ДМС');
      if (!own.letter) throw new AppError('NOT_FOUND', 'Гарантийное письмо не найдено');
      if (own.status !== 'issued') throw new AppError('INVALID_STATE', 'Гарантийное письмо отменено');
      const answer = await lookupWithin(deps.receiptSource, queryOf(q), INLINE_LOOKUP_MS);
      const now = clock.now();
      const claim: ClaimRow = {
        id: ids.uuid(),
        insuredPersonId: own.person,
        letterId: own.letter,
        fn: q.fn,
        fd: String(q.i),
        fp: String(q.fp),
        operationType: q.n,
        qrSum: q.sum,
        qrDateTime: q.dateTime,
        source: input.source,
        status: 'waiting_receipt',
        receipt: null,
        decision: null,
        explanation: null,
        reimbursement: 0,
        cashback: 0,
        fetchAttempts: 0,
        lastFetchError: null,
        reviewNote: null,
        reviewedBy: null,
        reviewedAt: null,
        adjudicatedAt: null,
        createdAt: now,
        updatedAt: now,
      };
      const submitted: Audit = {
        actor,
        record: {
          action: 'claim.submitted',
          entityType: 'claim',
          entityId: claim.id,
          after: { letterId: own.letter, receipt: `${q.fn}:${q.i}`, source: input.source },
        },
      };
      let out: Awaited<ReturnType<typeof record>>;
      let locked: LockedLetter;
      try {
        out = await db.transaction(async (tx) => {
          locked = await lockLetter(tx, own.letter!);
          if (locked.status !== 'issued') throw new AppError('INVALID_STATE', 'Гарантийное письмо отменено');
          return answer.kind === 'found'
            ? decide(tx, locked, claim, true, answer.receipt, [submitted])
            : undecided(tx, locked, claim, true, answer, [submitted]);
        });
      } catch (e) {
        if (isReceiptTaken(e))
          throw new AppError(
            'CONFLICT',
            'Этот чек уже был отправлен. Один чек можно отправить только один раз',
            {
              reason: 'DUPLICATE_RECEIPT',
            },
          );
        throw e;
      }
      await afterCommit(out.effects, claim.id);
      return toClaimView(
        out.row,
        { number: locked!.letter.number, clinic: locked!.letter.clinic.name },
        out.payout,
      );
    },

    /**
     * Asks the source again for a waiting claim; a slow or failing source never rejects it: it waits, and a
     * job asks again with a growing pause.
     */
    async fetch(claimId: string) {
      const [waiting] = await db.select().from(claims).where(eq(claims.id, claimId));
      if (waiting?.status !== 'waiting_receipt') return;
      const answer = await deps.receiptSource.lookup({
        dateTime: waiting.qrDateTime,
        sum: waiting.qrSum,
        fn: waiting.fn,
        i: waiting.fd,
        fp: waiting.fp,
        n: waiting.operationType,
      });
      const out = await db.transaction(async (tx) => {
        const locked = await lockLetter(tx, waiting.letterId);
        const [claim] = await tx.select().from(claims).where(eq(claims.id, claimId)).for('update');
        if (claim?.status !== 'waiting_receipt') return null;
        return answer.kind === 'found'
          ? decide(tx, locked, claim, false, answer.receipt, [])
          : undecided(tx, locked, claim, false, answer, []);
      });
      if (out) await afterCommit(out.effects, claimId);
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

    async reviewQueue(actor: Actor) {
      const rows = await db
        .select()
        .from(claims)
        .where(eq(claims.status, 'manual_review'))
        .orderBy(asc(claims.createdAt));
      await logHealthViews(
        deps,
        actor,
        'claim.review',
        rows.map((c) => ({ insuredPersonId: c.insuredPersonId, recordType: 'claim', recordId: c.id })),
      );
      return rows;
    },

    /** What a reviewer's line-by-line decision would pay, before they save it. */
    async reviewPreview(id: string, lines: ReviewedLine[]) {
      return db.transaction(async (tx) => {
        const claim = await reviewable(tx, id);
        return reviewed(await lockLetter(tx, claim.letterId), claim, lines);
      });
    },

    /**
     * A person decides a receipt the engine was unsure about: which letter line each item is and, if less,
     * how much; or a refusal. Audited with who and why, then paid.
     */
    async review(
      actor: Actor,
      id: string,
      input: { action: 'approve' | 'reject'; lines?: ReviewedLine[] | undefined; note: string },
    ) {
      const out = await db.transaction(async (tx) => {
        const claim = await reviewable(tx, id);
        const locked = await lockLetter(tx, claim.letterId);
        const base = { reviewNote: input.note, reviewedBy: actor.user!.id, reviewedAt: clock.now() };
        if (input.action === 'reject') {
          return record(
            tx,
            locked,
            claim,
            false,
            { ...base, status: 'rejected' },
            [
              {
                actor,
                record: {
                  action: 'claim.rejected_by_reviewer',
                  entityType: 'claim',
                  entityId: id,
                  after: { note: input.note },
                },
              },
            ],
            () =>
              claimNotices.decided(
                id,
                locked.letter.number,
                'rejected',
                `Решение врача-эксперта: ${input.note}`,
                null,
              ),
            null,
          );
        }
        const result = reviewed(locked, claim, input.lines ?? []);
        return settleDecision(tx, locked, claim, false, result, base, [
          {
            actor,
            record: {
              action: 'claim.decided_by_reviewer',
              entityType: 'claim',
              entityId: id,
              before: { status: 'manual_review', decision: claim.decision },
              after: { decision: result.decision, note: input.note },
            },
          },
        ]);
      });
      await afterCommit(out.effects, id);
    },
  };

  async function reviewable(tx: Tx, id: string) {
    const [claim] = await tx.select().from(claims).where(eq(claims.id, id)).for('update');
    if (!claim) throw new AppError('NOT_FOUND', 'Заявка не найдена');
    if (claim.status !== 'manual_review') throw new AppError('INVALID_STATE', 'Заявка не ждёт проверки');
    return claim;
  }

  function reviewed(locked: LockedLetter, claim: ClaimRow, lines: ReviewedLine[]): AdjudicationResult {
    const outcome = adjudicateReviewed(
      locked.letter,
      claim.receipt as FiscalReceipt,
      letterState(locked.letter, locked.saved),
      lines,
    );
    if (!outcome.ok) {
      const field = outcome.error.item === null ? 'lines' : `lines.${outcome.error.item}`;
      throw new AppError('VALIDATION_FAILED', outcome.error.message, {
        fields: { [field]: outcome.error.message },
      });
    }
    return outcome.result;
  }
}

export type ClaimsService = ReturnType<typeof claimsService>;
