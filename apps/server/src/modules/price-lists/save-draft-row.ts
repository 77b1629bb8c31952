import { checkPriceRow, type PriceRowInput } from '@remed/core';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { priceListDraftRows } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { lockEditableDraft, recheckDraft } from './draft-check.ts';
import { versionDetail } from './version-detail.ts';

type CheckedRow = ReturnType<typeof checkPriceRow>['row'];
type RowValues = Omit<typeof priceListDraftRows.$inferInsert, 'id' | 'versionId' | 'line'>;

/** Adds a row to a draft (rowId null) or changes one; a row with errors is refused with field errors. */
export async function saveDraftRow(
  deps: AppDeps,
  actor: Actor,
  clinicId: string,
  versionId: string,
  rowId: string | null,
  input: PriceRowInput,
) {
  assertClinicAccess(actor, clinicId);
  const { row, issues } = checkPriceRow(input);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length)
    throw new AppError('VALIDATION_FAILED', undefined, {
      fields: Object.fromEntries(errors.map((e) => [e.field, e.message])),
    });
  const { clock } = deps;
  const saved = await deps.database.db.transaction(async (tx) => {
    const v = await lockEditableDraft(tx, clinicId, versionId);
    await assertUnique(tx, v.id, rowId, row);
    const values = {
      clinicCode: row.clinicCode,
      serviceCode: row.serviceCode,
      name: row.name,
      priceText: row.priceText,
      price: row.price!,
      note: row.note,
    };
    const { id, line, before } = rowId
      ? await changeRow(tx, v.id, rowId, values)
      : await addRow(tx, v.id, deps.ids.uuid(), values);
    await recheckDraft(tx, clock, v.id);
    await writeAudit(tx, clock, actor, {
      action: rowId ? 'price_list.row_changed' : 'price_list.row_added',
      entityType: 'price_list_version',
      entityId: v.id,
      before,
      after: { rowId: id, line, ...values },
    });
    return { id, line, ...values, price: row.price };
  });
  return {
    row: { ...saved, issues },
    version: await versionDetail(deps, clinicId, versionId),
  };
}

async function changeRow(tx: Tx, versionId: string, rowId: string, values: RowValues) {
  const [old] = await tx
    .select()
    .from(priceListDraftRows)
    .where(and(eq(priceListDraftRows.id, rowId), eq(priceListDraftRows.versionId, versionId)));
  if (!old) throw new AppError('NOT_FOUND', 'Строка не найдена');
  await tx.update(priceListDraftRows).set(values).where(eq(priceListDraftRows.id, rowId));
  return { id: rowId, line: old.line, before: old as unknown };
}

/** A new row goes after the last line of the draft. */
async function addRow(tx: Tx, versionId: string, id: string, values: RowValues) {
  const [{ next }] = (await tx
    .select({ next: sql<number>`coalesce(max(${priceListDraftRows.line}), 1)::int + 1` })
    .from(priceListDraftRows)
    .where(eq(priceListDraftRows.versionId, versionId))) as [{ next: number }];
  const line = Number(next);
  await tx.insert(priceListDraftRows).values({ id, versionId, line, ...values });
  return { id, line, before: null };
}

/** Another row of the draft with the same 804н code or clinic code: the editor's field errors. */
async function assertUnique(tx: Tx, versionId: string, exceptId: string | null, row: CheckedRow) {
  const others = await tx
    .select({
      line: priceListDraftRows.line,
      serviceCode: priceListDraftRows.serviceCode,
      clinicCode: priceListDraftRows.clinicCode,
    })
    .from(priceListDraftRows)
    .where(
      and(
        eq(priceListDraftRows.versionId, versionId),
        exceptId ? ne(priceListDraftRows.id, exceptId) : undefined,
        sql`(${priceListDraftRows.serviceCode} = ${row.serviceCode} or lower(${priceListDraftRows.clinicCode}) = lower(${row.clinicCode}))`,
      ),
    )
    .orderBy(priceListDraftRows.line);
  const fields: Record<string, string> = {};
  const code = others.find((o) => o.serviceCode === row.serviceCode);
  const own = others.find((o) => o.clinicCode.toLowerCase() === row.clinicCode.toLowerCase());
  if (code) fields.serviceCode = `Код ${row.serviceCode} уже есть в строке ${code.line}`;
  if (own) fields.clinicCode = `Код клиники «${row.clinicCode}» уже есть в строке ${own.line}`;
  if (Object.keys(fields).length)
    throw new AppError('VALIDATION_FAILED', Object.values(fields).join('. '), { fields });
}
