import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { recheckDraft } from './draft-check.ts';
import { insertDraftVersion, loadVersion, lockClinic } from './price-list-versions.queries.ts';
import { versionDetail } from './version-detail.ts';

/** A draft for online editing: empty, or a copy of a version (a published one, usually the one in force). */
export async function createDraft(
  deps: AppDeps,
  actor: Actor,
  clinicId: string,
  fromVersionId: string | null,
) {
  assertClinicAccess(actor, clinicId);
  const { clock } = deps;
  const id = deps.ids.uuid();
  await deps.database.db.transaction(async (tx) => {
    await lockClinic(tx, clinicId);
    const source = fromVersionId ? await loadVersion(tx, clinicId, fromVersionId) : null;
    if (source && source.status === 'draft' && source.importStatus !== 'done')
      throw new AppError('INVALID_STATE', 'Этот черновик ещё не загружен до конца');
    const number = await insertDraftVersion(tx, {
      id,
      clinicId,
      source: 'editor',
      basedOnNumber: source?.number ?? null,
      importStatus: 'done',
      createdBy: actor.user!.id,
      createdAt: clock.now(),
    });
    if (source?.status === 'draft')
      await tx.execute(sql`
        insert into price_list_draft_rows (id, version_id, line, clinic_code, service_code, name, price_text, price, note)
        select gen_random_uuid(), ${id}::uuid, line, clinic_code, service_code, name, price_text, price, note
        from price_list_draft_rows where version_id = ${source.id}`);
    else if (source)
      await tx.execute(sql`
        insert into price_list_draft_rows (id, version_id, line, clinic_code, service_code, name, price_text, price, note)
        select gen_random_uuid(), ${id}::uuid, position + 1, clinic_code, service_code, name,
          (price / 100)::text || ',' || lpad((price % 100)::text, 2, '0'), price, note
        from price_list_items where version_id = ${source.id}`);
    const report = await recheckDraft(tx, clock, id);
    await writeAudit(tx, clock, actor, {
      action: 'price_list.draft_created',
      entityType: 'price_list_version',
      entityId: id,
      after: { clinicId, number, basedOn: source?.number ?? null, errors: report.errorCount },
    });
  });
  return versionDetail(deps, clinicId, id);
}
