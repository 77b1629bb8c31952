import { eq } from 'drizzle-orm';
import { clinics, priceListDraftRows } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { type TableFormat, writeTable } from '../insurance/table-files.ts';
import { issuesByRow } from './draft-check.ts';
import { priceListTemplate, versionWorkbook } from './price-list-files.ts';
import { loadVersion, versionItems } from './price-list-versions.queries.ts';

/** Any version as XLSX in the template's layout; a draft carries its check remarks in an extra column. */
export async function downloadVersion(
  deps: Pick<AppDeps, 'database'>,
  actor: Actor,
  clinicId: string,
  versionId: string,
) {
  assertClinicAccess(actor, clinicId);
  const db = deps.database.db;
  const v = await loadVersion(db, clinicId, versionId);
  const [clinic] = await db.select({ name: clinics.shortName }).from(clinics).where(eq(clinics.id, clinicId));
  const name = `Прейскурант ${clinic?.name ?? 'клиника'} — версия ${v.number}.xlsx`;
  if (v.status !== 'draft') {
    const items = await versionItems(db, v.id);
    return {
      name,
      content: await versionWorkbook(
        items.map((i) => ({ ...i, priceText: '' })),
        false,
      ),
    };
  }
  const byRow = issuesByRow(v.issues);
  const rows = await db
    .select()
    .from(priceListDraftRows)
    .where(eq(priceListDraftRows.versionId, v.id))
    .orderBy(priceListDraftRows.line);
  return {
    name,
    content: await versionWorkbook(
      rows.map((r) => ({
        ...r,
        remarks: (byRow.get(r.id) ?? [])
          .map((i) => `${i.severity === 'error' ? 'Ошибка' : 'Предупреждение'}: ${i.column} — ${i.message}`)
          .join('; '),
      })),
      true,
    ),
  };
}

/** The remarks of a version's check as a table: line, column, severity, what is wrong. */
export async function checkReport(
  deps: Pick<AppDeps, 'database'>,
  actor: Actor,
  clinicId: string,
  versionId: string,
  format: TableFormat,
) {
  assertClinicAccess(actor, clinicId);
  const v = await loadVersion(deps.database.db, clinicId, versionId);
  return writeTable(
    format,
    'Проверка',
    ['Строка', 'Столбец', 'Важность', 'Что не так'],
    v.issues.map((i) => [
      i.row ?? '—',
      i.column,
      i.severity === 'error' ? 'ошибка' : 'предупреждение',
      i.message,
    ]),
  );
}

export async function downloadTemplate(actor: Actor, clinicId: string, format: TableFormat) {
  assertClinicAccess(actor, clinicId);
  return priceListTemplate(format);
}
