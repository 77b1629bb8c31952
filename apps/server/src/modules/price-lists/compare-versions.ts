import {
  checkPriceRow,
  diffPriceLists,
  moscowDate,
  type PriceEntry,
  type PriceListDiffView,
  SERVICE_CODE_RE,
} from '@remed/core';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { priceListVersions } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { draftRows } from './draft-rows.queries.ts';
import { loadVersion, type VersionRow, versionItems } from './price-list-versions.queries.ts';

const DIFF_ENTRIES_SHOWN = 2000;

const NOTHING_YET: PriceListDiffView = {
  base: null,
  added: 0,
  removed: 0,
  priceChanged: 0,
  renamed: 0,
  unchanged: 0,
  skippedRows: 0,
  entries: [],
  truncated: false,
};

/**
 * What a version changes against the one before it: services added, removed, repriced and renamed. A draft
 * whose file is still being read changes nothing yet.
 */
export async function compareVersions(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  actor: Actor,
  clinicId: string,
  versionId: string,
  plannedDate: string | null,
): Promise<PriceListDiffView> {
  assertClinicAccess(actor, clinicId);
  const db = deps.database.db;
  const v = await loadVersion(db, clinicId, versionId);
  if (v.status === 'draft' && v.importStatus !== 'done') return NOTHING_YET;
  const base = await baseOf(db, v, plannedDate, moscowDate(deps.clock.now()));
  const mine = await entriesOf(db, v);
  const previous = base ? await versionItems(db, base.id) : [];
  const diff = diffPriceLists(previous, mine.entries);
  return {
    base: base ? { id: base.id, number: base.number, effectiveFrom: base.effectiveFrom } : null,
    added: diff.added,
    removed: diff.removed,
    priceChanged: diff.priceChanged,
    renamed: diff.renamed,
    unchanged: diff.unchanged,
    skippedRows: mine.skipped,
    entries: diff.entries.slice(0, DIFF_ENTRIES_SHOWN),
    truncated: diff.entries.length > DIFF_ENTRIES_SHOWN,
  };
}

/** Entries of a version for comparison: published items, or the readable rows of a draft. */
async function entriesOf(db: DbOrTx, v: VersionRow): Promise<{ entries: PriceEntry[]; skipped: number }> {
  if (v.status !== 'draft') return { entries: await versionItems(db, v.id), skipped: 0 };
  const rows = await draftRows(db, v.id);
  const seen = new Set<string>();
  const entries: PriceEntry[] = [];
  for (const r of rows) {
    const checked = checkPriceRow(r).row;
    if (!SERVICE_CODE_RE.test(checked.serviceCode) || checked.price === null || seen.has(checked.serviceCode))
      continue;
    seen.add(checked.serviceCode);
    entries.push({ ...checked, price: checked.price });
  }
  return { entries, skipped: rows.length - entries.length };
}

/**
 * The version a given one is compared with: the published version in force just before it starts. A
 * draft is placed at the date planned for it (today when none is chosen yet); a published version with
 * the very same future date would be superseded by it, so the one before that is the base.
 */
async function baseOf(db: DbOrTx, v: VersionRow, plannedDate: string | null, day: string) {
  const from =
    v.status === 'draft' ? (plannedDate && plannedDate > day ? plannedDate : day) : v.effectiveFrom!;
  const [base] = await db
    .select()
    .from(priceListVersions)
    .where(
      and(
        eq(priceListVersions.clinicId, v.clinicId),
        eq(priceListVersions.status, 'published'),
        ne(priceListVersions.id, v.id),
        v.status === 'draft' && from === day
          ? sql`${priceListVersions.effectiveFrom} <= ${from}`
          : sql`${priceListVersions.effectiveFrom} < ${from}`,
      ),
    )
    .orderBy(sql`${priceListVersions.effectiveFrom} desc`)
    .limit(1);
  return base ?? null;
}
