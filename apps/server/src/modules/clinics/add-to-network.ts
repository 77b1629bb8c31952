import { type ClinicRequisites, USER_AGREEMENT } from '@remed/core';
import { uniqueViolation } from '../../db/unique-violation.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { offerContractToNewClinic } from '../edo/draw-up-contract.ts';
import { assertInnFree, clinicAlreadyRegistered, companyStatus } from './clinic-checks.ts';
import { createClinicFor, requisitesView } from './clinics.queries.ts';

/** One login for a network: a signed-in employee adds another legal entity and works for it at once. */
export async function addToNetwork(
  deps: AppDeps,
  actor: Actor,
  input: ClinicRequisites,
  meta: { userAgent: string | null },
) {
  const user = actor.user;
  if (!user?.roles.includes('clinic_user')) throw new AppError('FORBIDDEN');
  const { database, clock, ids } = deps;
  await assertInnFree(
    deps,
    database.db,
    input.inn,
    user.clinics.map((c) => c.id),
  );
  const directory = await companyStatus(deps, input.inn);
  const id = ids.uuid();
  try {
    const clinic = await database.db.transaction(async (tx) => {
      const row = await createClinicFor(tx, {
        id,
        requisites: input,
        userId: user.id,
        agreementId: ids.uuid(),
        at: clock.now(),
        ip: actor.ip,
        userAgent: meta.userAgent,
        confirmedContact: null,
        otpCodeId: null,
      });
      await writeAudit(tx, clock, actor, {
        action: 'clinic.added_to_network',
        entityType: 'clinic',
        entityId: id,
        after: { ...requisitesView(row), directory, userAgreement: USER_AGREEMENT.version },
      });
      return row;
    });
    await offerContractToNewClinic(deps, id);
    return requisitesView(clinic);
  } catch (e) {
    if (uniqueViolation(e) === 'clinics_inn_uq') throw clinicAlreadyRegistered(deps);
    throw e;
  }
}
