import { type ClinicRequisites, USER_AGREEMENT } from '@remed/core';
import { eq } from 'drizzle-orm';
import { clinics } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { offerContractToNewClinic } from '../edo/draw-up-contract.ts';
import { clinicChecks } from './clinic-checks.ts';
import {
  createClinicFor,
  findClinic,
  requisitesColumns,
  requisitesView,
  violatedConstraint,
} from './clinics.queries.ts';

/** Only the fields that changed, for the audit record. */
function changes(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = Object.keys(after).filter((k) => before[k] !== after[k]);
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  };
}

/** The clinic's own cabinet: its requisites, and the other legal entities of its network. */
export function clinicsService(deps: AppDeps) {
  const { database, clock, ids } = deps;
  const db = database.db;
  const checks = clinicChecks(deps);

  return {
    async requisites(actor: Actor, clinicId: string) {
      assertClinicAccess(actor, clinicId);
      const clinic = await findClinic(db, clinicId);
      if (!clinic) throw new AppError('NOT_FOUND', 'Клиника не найдена');
      return requisitesView(clinic);
    },

    async updateRequisites(actor: Actor, clinicId: string, input: ClinicRequisites) {
      assertClinicAccess(actor, clinicId);
      const clinic = await findClinic(db, clinicId);
      if (!clinic) throw new AppError('NOT_FOUND', 'Клиника не найдена');
      if (input.inn !== clinic.inn) {
        const message =
          'ИНН изменить нельзя: другой ИНН — другое юридическое лицо. Добавьте его в разделе «Клиники сети»';
        throw new AppError('VALIDATION_FAILED', message, { fields: { inn: message } });
      }
      const set = requisitesColumns(input);
      const diff = changes(requisitesColumns(clinic), set);
      if (Object.keys(diff.after).length === 0) return requisitesView(clinic);
      const updated = await db.transaction(async (tx) => {
        const [row] = await tx.update(clinics).set(set).where(eq(clinics.id, clinicId)).returning();
        await writeAudit(tx, clock, actor, {
          action: 'clinic.requisites_updated',
          entityType: 'clinic',
          entityId: clinicId,
          ...diff,
        });
        return row!;
      });
      return requisitesView(updated);
    },

    /** One login for a network: a signed-in employee adds another legal entity and works for it at once. */
    async addToNetwork(actor: Actor, input: ClinicRequisites, meta: { userAgent: string | null }) {
      const user = actor.user;
      if (!user?.roles.includes('clinic_user')) throw new AppError('FORBIDDEN');
      const own = user.clinics.map((c) => c.id);
      await checks.assertInnFree(db, input.inn, own);
      const directory = await checks.companyStatus(input.inn);
      const id = ids.uuid();
      try {
        const clinic = await db.transaction(async (tx) => {
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
        if (violatedConstraint(e) === 'clinics_inn_uq') throw checks.alreadyRegistered();
        throw e;
      }
    },
  };
}

export type ClinicsService = ReturnType<typeof clinicsService>;
