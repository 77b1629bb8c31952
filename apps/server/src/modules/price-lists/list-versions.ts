import { addDays, moscowDate, type PriceListVersionView } from '@remed/core';
import type { Actor } from '../../platform/actor.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { clinicVersions } from './price-list-versions.queries.ts';

type Listed = Awaited<ReturnType<typeof clinicVersions>>[number];

/**
 * What the cabinet shows of a version. A published version runs until the day before the next published
 * one starts; `today` decides which one is in force.
 */
export function versionViews(listed: Listed[], today: string): PriceListVersionView[] {
  const starts = listed
    .filter((l) => l.v.status === 'published')
    .map((l) => l.v.effectiveFrom!)
    .sort();
  return listed.map(({ v, author, publisher }) => {
    const next = v.status === 'published' ? starts.find((d) => d > v.effectiveFrom!) : undefined;
    const effectiveTo = next ? addDays(next, -1) : null;
    return {
      id: v.id,
      clinicId: v.clinicId,
      number: v.number,
      status: v.status,
      effectiveFrom: v.effectiveFrom,
      effectiveTo,
      inForce:
        v.status === 'published' &&
        v.effectiveFrom! <= today &&
        (effectiveTo === null || effectiveTo >= today),
      source: v.source,
      sourceFileName: v.sourceFileName,
      basedOnNumber: v.basedOnNumber,
      author,
      createdAt: v.createdAt.toISOString(),
      publishedAt: v.publishedAt?.toISOString() ?? null,
      publishedBy: publisher,
      import: { status: v.importStatus, totalRows: v.totalRows, processedRows: v.processedRows },
      rowCount: v.rowCount,
      errorCount: v.errorCount,
      warningCount: v.warningCount,
    };
  });
}

/** The clinic's versions: the one in force, those planned, drafts and history. */
export async function listVersions(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  actor: Actor,
  clinicId: string,
) {
  assertClinicAccess(actor, clinicId);
  const today = moscowDate(deps.clock.now());
  const versions = versionViews(await clinicVersions(deps.database.db, clinicId), today);
  return { today, currentId: versions.find((v) => v.inForce)?.id ?? null, versions };
}
