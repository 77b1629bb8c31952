import { moscowDate, type PriceListVersionDetail } from '@remed/core';
import type { Actor } from '../../platform/actor.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { versionViews } from './list-versions.ts';
import { clinicVersions, loadVersion } from './price-list-versions.queries.ts';

const ISSUES_SHOWN = 300;

/** A version with the progress of its file and the first remarks of its check; what every change answers. */
export async function versionDetail(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  clinicId: string,
  versionId: string,
): Promise<PriceListVersionDetail> {
  const db = deps.database.db;
  const today = moscowDate(deps.clock.now());
  const view = versionViews(await clinicVersions(db, clinicId), today).find((v) => v.id === versionId);
  if (!view) throw new AppError('NOT_FOUND', 'Версия прейскуранта не найдена');
  const v = await loadVersion(db, clinicId, versionId);
  return {
    ...view,
    issues: v.issues.slice(0, ISSUES_SHOWN),
    issuesTotal: v.errorCount + v.warningCount,
    today,
  };
}

export async function getVersion(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  actor: Actor,
  clinicId: string,
  versionId: string,
) {
  assertClinicAccess(actor, clinicId);
  return versionDetail(deps, clinicId, versionId);
}
