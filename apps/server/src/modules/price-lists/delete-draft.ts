import { eq } from 'drizzle-orm';
import { priceListVersions } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { databaseNow } from '../../platform/lease.ts';
import { loadVersion } from './price-list-versions.queries.ts';

/** Removes a draft with its rows, and its uploaded file once that is committed. */
export async function deleteDraft(
  deps: Pick<AppDeps, 'database' | 'clock' | 'storage'>,
  actor: Actor,
  clinicId: string,
  versionId: string,
) {
  assertClinicAccess(actor, clinicId);
  const { clock } = deps;
  const key = await deps.database.db.transaction(async (tx) => {
    const v = await loadVersion(tx, clinicId, versionId, true);
    if (v.status !== 'draft')
      throw new AppError(
        'INVALID_STATE',
        'Опубликованная версия остаётся в истории: удалить можно только черновик',
      );
    // Only a check that is alive (renewing its lease) holds the draft; a queued or dead one stops by itself
    // when it finds the draft gone.
    if (
      v.importStatus === 'running' &&
      v.importLeaseUntil &&
      v.importLeaseUntil.getTime() > (await databaseNow(tx)).getTime()
    )
      throw new AppError('INVALID_STATE', 'Файл ещё проверяется: удалите черновик после окончания');
    await tx.delete(priceListVersions).where(eq(priceListVersions.id, v.id));
    await writeAudit(tx, clock, actor, {
      action: 'price_list.draft_deleted',
      entityType: 'price_list_version',
      entityId: v.id,
      before: { number: v.number, fileName: v.sourceFileName, rows: v.rowCount },
    });
    return v.storageKey;
  });
  if (key) await deps.storage.delete(key);
}
