import {
  type ContractAction,
  type ContractStatus,
  type ContractView,
  contractNext,
  type Side,
} from '@remed/core';
import type { Tx } from '../../db/client.ts';
import { clinicContracts } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { fillAgreement, renderAgreement, storeAgreementPdf } from './agreement-text.ts';
import { contractNotices } from './contract-notices.ts';
import { type ContractRow, contractView, loadContractRow } from './contracts.queries.ts';
import { sha256 } from './edo-files.ts';
import { addEvent } from './history.queries.ts';
import { moveIfUnchanged } from './moves.queries.ts';
import { sideOf } from './sides.ts';

const REFUSALS: Record<ContractAction, string> = {
  send: 'Отправить можно только черновик',
  regenerate: 'Документ уже подписан или отменён: сформировать его заново нельзя',
  cancel: 'Отменить можно только документ, который ещё никто не подписал',
  sign: 'Сейчас ваша сторона не может подписать этот документ',
};

/** The status the action leads to; INVALID_STATE, saying why, when this side may not take it now. */
export function nextContractStatus(row: ContractRow, action: ContractAction, side: Side): ContractStatus {
  const next = contractNext(row.status as ContractStatus, action, side);
  if (!next) throw new AppError('INVALID_STATE', REFUSALS[action]);
  return next;
}

/** What one of the service's steps on an unsigned contract or agreement does beyond moving its status. */
interface ContractStep {
  action: 'send' | 'regenerate' | 'cancel';
  /** The step's name in the history and the audit log. */
  done: 'sent' | 'regenerated' | 'cancelled';
  reason?: string;
  /** The other columns it sets, and the new PDF if it formed one. */
  change(
    deps: AppDeps,
    tx: Tx,
    row: ContractRow,
    now: Date,
  ): Promise<{ set: Partial<typeof clinicContracts.$inferInsert>; pdf?: Buffer }>;
  /** Whom it tells, inside the same transaction; returns the outbox message ids. */
  notice(deps: AppDeps, tx: Tx, row: ContractRow, next: ContractStatus, pdf?: Buffer): Promise<string[]>;
}

/** The service's steps before anyone has signed. */
export const contractSteps = {
  /** A draft the service has checked goes to the clinic, with the PDF to sign attached. */
  send: {
    action: 'send',
    done: 'sent',
    change: async (_deps, _tx, _row, now) => ({ set: { sentAt: now } }),
    notice: async (deps, tx, row) =>
      contractNotices(deps).toSign(tx, row, await deps.storage.get(row.pdfKey)),
  },
  /**
   * The document formed again with the clinic's current requisites: a new original with a new hash. A
   * clinic it was sent to gets the new version to sign.
   */
  regenerate: {
    action: 'regenerate',
    done: 'regenerated',
    async change(deps, tx, row) {
      const { clinic, content } = await fillAgreement(deps, tx, row);
      const pdf = await renderAgreement(deps, content, row.number, clinic.shortName);
      const pdfKey = await storeAgreementPdf(deps, row.id, `original-${deps.ids.uuid()}`, pdf);
      return { set: { content, pdfSha256: sha256(pdf), pdfKey }, pdf };
    },
    notice: async (deps, tx, row, next, pdf) =>
      next === 'sent' ? contractNotices(deps).toSign(tx, row, pdf!, true) : [],
  },
  /** Cancelled with a reason; a clinic that had it to sign is told why. */
  cancel: (reason: string): ContractStep => ({
    action: 'cancel',
    done: 'cancelled',
    reason,
    change: async (_deps, _tx, _row, now) => ({ set: { cancelledAt: now, cancelReason: reason } }),
    notice: async (deps, tx, row) =>
      row.status === 'sent' ? contractNotices(deps).cancelled(tx, row, reason) : [],
  }),
} satisfies Record<'send' | 'regenerate', ContractStep> & { cancel: (reason: string) => ContractStep };

/**
 * Moves a contract on by one of the service's steps, conditional on the status read so that two people
 * acting at once cannot both move it; returns it as the actor now sees it.
 */
export async function stepContract(
  deps: AppDeps,
  actor: Actor,
  clinicId: string,
  id: string,
  step: ContractStep,
): Promise<ContractView> {
  const { database, clock, ids } = deps;
  const db = database.db;
  assertClinicAccess(actor, clinicId);
  const row = await loadContractRow(db, clinicId, id);
  const next = nextContractStatus(row, step.action, sideOf(actor));
  const now = clock.now();
  const messageIds = await db.transaction(async (tx) => {
    const { set, pdf } = await step.change(deps, tx, row, now);
    if (!(await moveIfUnchanged(tx, clinicContracts, row, { status: next, updatedAt: now, ...set })))
      throw new AppError('INVALID_STATE', 'Документ уже изменён другим пользователем. Обновите страницу');
    await addEvent(tx, {
      id: ids.uuid(),
      clinicId,
      contractId: id,
      action: step.done,
      actor,
      details: step.reason ?? null,
      at: now,
    });
    await writeAudit(tx, clock, actor, {
      action: `clinic_contract.${step.done}`,
      entityType: 'clinic_contract',
      entityId: id,
      before: { status: row.status, sha256: row.pdfSha256 },
      after: { status: next, sha256: set.pdfSha256 ?? row.pdfSha256, reason: step.reason },
    });
    return step.notice(deps, tx, row, next, pdf);
  });
  await deps.outbox.dispatch(messageIds);
  return contractView(db, actor, clinicId, id);
}
