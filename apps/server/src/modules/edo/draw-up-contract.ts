import { addDays, type ContractView, moscowDate } from '@remed/core';
import { and, eq, ne } from 'drizzle-orm';
import { clinicContracts } from '../../db/schema/index.ts';
import { type Actor, systemActor } from '../../platform/actor.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import { contractTitle, contractView } from './contracts.queries.ts';
import { drawUpAgreement } from './draw-up-agreement.ts';
import { sideOf } from './sides.ts';

/** A year less a day: a contract made on 20.11.2026 runs to 19.11.2027 inclusive. */
function oneYearFrom(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return addDays(new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10), -1);
}

async function drawUp(deps: AppDeps, actor: Actor, clinicId: string): Promise<string> {
  const [existing] = await deps.database.db
    .select()
    .from(clinicContracts)
    .where(
      and(
        eq(clinicContracts.clinicId, clinicId),
        eq(clinicContracts.kind, 'contract'),
        ne(clinicContracts.status, 'cancelled'),
      ),
    );
  if (existing) throw new AppError('CONFLICT', `У клиники уже есть ${contractTitle(existing).toLowerCase()}`);
  // The clinic (or registration, for it) draws up the service's standard contract: it is ready for the
  // clinic's signature at once. The service's staff start from a draft they check and send.
  const status = !actor.user || sideOf(actor) === 'clinic' ? 'sent' : 'draft';
  return drawUpAgreement(
    deps,
    actor,
    clinicId,
    {
      kind: 'contract',
      supplementType: null,
      parentId: null,
      validUntil: oneYearFrom(moscowDate(deps.clock.now())),
      effectiveFrom: null,
      cashbackPercent: null,
    },
    status,
  );
}

/** The service's standard contract, from the template, with the clinic's requisites. */
export async function drawUpContract(deps: AppDeps, actor: Actor, clinicId: string): Promise<ContractView> {
  assertClinicAccess(actor, clinicId);
  return contractView(deps.database.db, actor, clinicId, await drawUp(deps, actor, clinicId));
}

/**
 * Draws up the standard contract for a clinic that has just registered, ready for the clinic to sign in
 * its cabinet. Throws REQUISITES_INCOMPLETE (naming the fields) or CONFLICT if it already has one.
 */
export function createContractForNewClinic(deps: AppDeps, clinicId: string): Promise<string> {
  return drawUp(deps, systemActor, clinicId);
}

/**
 * A clinic that just joined (registered, or added to a network) finds its contract waiting for its
 * signature. Should it not draw up now (requisites incomplete), the clinic forms it from its cabinet.
 */
export async function offerContractToNewClinic(deps: AppDeps, clinicId: string): Promise<void> {
  await createContractForNewClinic(deps, clinicId).catch((e: unknown) => {
    if (!isAppError(e)) throw e;
  });
}
