import { type ClaimSource, type ClaimView, parseQr, type QrFields } from '@remed/core';
import { and, eq } from 'drizzle-orm';
import { guaranteeLetters, insuredPersons } from '../../db/schema/index.ts';
import { lookupWithin, type ReceiptQuery } from '../../integrations/fns/receipt-source.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { adjudicateLookup } from './adjudicate-receipt.ts';
import { runClaimEffects } from './claim-jobs.ts';
import { toClaimView } from './claim-view.ts';
import { lockLetter } from './letter-lock.ts';
import type { Audit, ClaimRow } from './record-decision.ts';

/** How long a person uploading a receipt waits for the FNS before the claim is shown as waiting. */
const INLINE_LOOKUP_MS = 5_000;

const LETTER_CANCELLED = 'Гарантийное письмо отменено';

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

/**
 * The insured submits a receipt (QR text or typed fields) against one of their letters. The receipt is
 * fetched first; the claim is then written once, already decided, or waiting when the source is slow.
 */
export async function submitClaim(
  deps: AppDeps,
  actor: Actor,
  input: { letterId: string; qr: string; source: ClaimSource },
): Promise<ClaimView> {
  const q = qrOf(input.qr);
  const own = await ownIssuedLetter(deps, actor, input.letterId);
  const answer = await lookupWithin(deps.receiptSource, queryOf(q), INLINE_LOOKUP_MS);
  const claim = newClaim(deps, own, q, input.source);
  const submitted: Audit = {
    actor,
    record: {
      action: 'claim.submitted',
      entityType: 'claim',
      entityId: claim.id,
      after: { letterId: own.letter, receipt: `${q.fn}:${q.i}`, source: input.source },
    },
  };
  const { out, letter } = await deps.database.db
    .transaction(async (tx) => {
      const locked = await lockLetter(tx, own.letter);
      if (locked.status !== 'issued') throw new AppError('INVALID_STATE', LETTER_CANCELLED);
      const at = { locked, claim, isNew: true, audits: [submitted] };
      return { out: await adjudicateLookup(deps, tx, at, answer), letter: locked.letter };
    })
    .catch((e: unknown) => {
      if (isReceiptTaken(e))
        throw new AppError(
          'CONFLICT',
          'Этот чек уже был отправлен. Один чек можно отправить только один раз',
          {
            reason: 'DUPLICATE_RECEIPT',
          },
        );
      throw e;
    });
  await runClaimEffects(deps, out.effects, claim.id);
  return toClaimView(out.row, { number: letter.number, clinic: letter.clinic.name }, out.payout);
}

function qrOf(text: string): QrFields {
  const parsed = parseQr(text);
  if (!parsed.ok)
    throw new AppError('VALIDATION_FAILED', parsed.error.message, {
      fields: { qr: parsed.error.message },
      qrError: parsed.error.code,
    });
  return parsed.value;
}

/** The acting person's letter, still issued: another person's letter is not found. */
async function ownIssuedLetter(deps: AppDeps, actor: Actor, letterId: string) {
  const [own] = await deps.database.db
    .select({ person: insuredPersons.id, letter: guaranteeLetters.id, status: guaranteeLetters.status })
    .from(insuredPersons)
    .leftJoin(
      guaranteeLetters,
      and(eq(guaranteeLetters.id, letterId), eq(guaranteeLetters.insuredPersonId, insuredPersons.id)),
    )
    .where(eq(insuredPersons.userId, actor.user!.id));
  if (!own) throw new AppError('NOT_FOUND', 'Учётная запись не связана с полисом ДМС');
  if (!own.letter) throw new AppError('NOT_FOUND', 'Гарантийное письмо не найдено');
  if (own.status !== 'issued') throw new AppError('INVALID_STATE', LETTER_CANCELLED);
  return { person: own.person, letter: own.letter };
}

function newClaim(
  { clock, ids }: Pick<AppDeps, 'clock' | 'ids'>,
  own: { person: string; letter: string },
  q: QrFields,
  source: ClaimSource,
): ClaimRow {
  const now = clock.now();
  return {
    id: ids.uuid(),
    insuredPersonId: own.person,
    letterId: own.letter,
    fn: q.fn,
    fd: String(q.i),
    fp: String(q.fp),
    operationType: q.n,
    qrSum: q.sum,
    qrDateTime: q.dateTime,
    source,
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
}
