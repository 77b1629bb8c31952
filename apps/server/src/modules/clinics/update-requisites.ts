import type { ClinicRequisites } from '@remed/core';
import { eq } from 'drizzle-orm';
import { clinics } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { loadClinic } from '../edo/clinics.queries.ts';
import { requisitesColumns, requisitesView } from './clinics.queries.ts';

/** Changes the clinic's requisites but its ИНН; only what changed goes to the audit log, nothing if nothing did. */
export async function updateRequisites(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  actor: Actor,
  clinicId: string,
  input: ClinicRequisites,
) {
  assertClinicAccess(actor, clinicId);
  const db = deps.database.db;
  const clinic = await loadClinic(db, clinicId);
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
    await writeAudit(tx, deps.clock, actor, {
      action: 'clinic.requisites_updated',
      entityType: 'clinic',
      entityId: clinicId,
      ...diff,
    });
    return row!;
  });
  return requisitesView(updated);
}

/** Only the fields that changed, for the audit record. */
function changes(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = Object.keys(after).filter((k) => before[k] !== after[k]);
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  };
}
