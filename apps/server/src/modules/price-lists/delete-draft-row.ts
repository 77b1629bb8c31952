import { and, eq } from 'drizzle-orm';
import { priceListDraftRows } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { lockEditableDraft, recheckDraft } from './draft-check.ts';
import { versionDetail } from './version-detail.ts';

export async function deleteDraftRow(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  actor: Actor,
  clinicId: string,
  versionId: string,
  rowId: string,
) {
  assertClinicAccess(actor, clinicId);
  const { clock } = deps;
  await deps.database.db.transaction(async (tx) => {
    const v = await lockEditableDraft(tx, clinicId, versionId);
    const [gone] = await tx
      .delete(priceListDraftRows)
      .where(and(eq(priceListDraftRows.id, rowId), eq(priceListDraftRows.versionId, v.id)))
      .returning();
    if (!gone) throw new AppError('NOT_FOUND', 'Строка не найдена');
    await recheckDraft(tx, clock, v.id);
    await writeAudit(tx, clock, actor, {
      action: 'price_list.row_deleted',
      entityType: 'price_list_version',
      entityId: v.id,
      before: gone,
    });
  });
  return versionDetail(deps, clinicId, versionId);
}
