import { type ContractView, type CreateSupplement, moscowDate } from '@remed/core';
import type { Actor } from '../../platform/actor.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { contractView } from './contracts.queries.ts';
import { drawUpAgreement } from './draw-up-agreement.ts';
import { sideOf } from './sides.ts';

/**
 * The service prepares a supplementary agreement (prolongation, new requisites, cashback) to a contract
 * both sides signed; it starts as a draft the service checks and sends.
 */
export async function addSupplementaryAgreement(
  deps: AppDeps,
  actor: Actor,
  clinicId: string,
  contractId: string,
  input: CreateSupplement,
): Promise<ContractView> {
  assertClinicAccess(actor, clinicId);
  if (sideOf(actor) !== 'service')
    throw new AppError('FORBIDDEN', 'Дополнительное соглашение готовит сервис');
  const db = deps.database.db;
  const parent = await contractView(db, actor, clinicId, contractId);
  if (parent.kind !== 'contract' || parent.status !== 'signed')
    throw new AppError(
      'INVALID_STATE',
      'Дополнительное соглашение заключается к договору, подписанному обеими сторонами',
    );
  const today = moscowDate(deps.clock.now());
  if (input.type === 'prolongation' && input.validUntil <= (parent.validUntil ?? today))
    throw new AppError('VALIDATION_FAILED', 'Новый срок должен быть позже текущего', {
      fields: { validUntil: `Позже ${parent.validUntil}` },
    });
  if (input.type !== 'prolongation' && input.effectiveFrom < today)
    throw new AppError('VALIDATION_FAILED', 'Дата начала не может быть в прошлом', {
      fields: { effectiveFrom: 'Не раньше сегодняшнего дня' },
    });
  const id = await drawUpAgreement(
    deps,
    actor,
    clinicId,
    {
      kind: 'supplement',
      supplementType: input.type,
      parentId: contractId,
      validUntil: input.type === 'prolongation' ? input.validUntil : null,
      effectiveFrom: input.type === 'prolongation' ? null : input.effectiveFrom,
      cashbackPercent: input.type === 'cashback' ? input.cashbackPercent : null,
    },
    'draft',
  );
  return contractView(db, actor, clinicId, id);
}
