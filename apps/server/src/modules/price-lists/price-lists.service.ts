import {
  addDays,
  checkPriceRow,
  diffPriceLists,
  moscowDate,
  type PriceEntry,
  type PriceListDiffView,
  type PriceListRowView,
  type PriceListVersionDetail,
  type PriceRowInput,
  ruDate,
  SERVICE_CODE_RE,
  validatePriceList,
} from '@remed/core';
import { and, eq, ne, sql } from 'drizzle-orm';
import { sqlRows, type Tx } from '../../db/client.ts';
import { clinics, priceListDraftRows, priceListVersions } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { databaseNow } from '../../platform/lease.ts';
import { type TableFormat, writeTable } from '../insurance/table-files.ts';
import { priceListTemplate, versionWorkbook } from './price-list-files.ts';
import {
  clinicVersions,
  draftRows,
  issuesByRow,
  loadVersion,
  lockClinic,
  nextVersionNumber,
  recordServiceNames,
  reportOf,
  type VersionRow,
  versionItems,
  versionViews,
} from './price-lists.repository.ts';

const ISSUES_SHOWN = 300;
const DIFF_ENTRIES_SHOWN = 2000;

export type RowsFilter = 'all' | 'issues';

export function priceListsService(deps: AppDeps) {
  const { database, clock, ids, storage } = deps;
  const db = database.db;
  const today = () => moscowDate(clock.now());

  async function detail(clinicId: string, versionId: string): Promise<PriceListVersionDetail> {
    const day = today();
    const views = versionViews(await clinicVersions(db, clinicId), day);
    const view = views.find((v) => v.id === versionId);
    if (!view) throw new AppError('NOT_FOUND', 'Версия прейскуранта не найдена');
    const v = await loadVersion(db, clinicId, versionId);
    return {
      ...view,
      issues: v.issues.slice(0, ISSUES_SHOWN),
      issuesTotal: v.errorCount + v.warningCount,
      today: day,
    };
  }

  /** A draft that can be changed now: not published, and its file already read. */
  function assertEditable(v: VersionRow) {
    if (v.status !== 'draft')
      throw new AppError('INVALID_STATE', 'Опубликованную версию менять нельзя: создайте из неё черновик');
    if (v.importStatus === 'queued' || v.importStatus === 'running')
      throw new AppError('INVALID_STATE', 'Файл ещё проверяется: дождитесь окончания');
    if (v.importStatus === 'failed')
      throw new AppError('INVALID_STATE', 'Файл не загрузился: удалите этот черновик и загрузите файл снова');
  }

  /** Checks the whole draft again and keeps the report on the version. */
  async function recheck(tx: Tx, v: VersionRow) {
    const rows = await draftRows(tx, v.id);
    const check = validatePriceList(rows);
    const report = reportOf(check.issues);
    await tx
      .update(priceListVersions)
      .set({ rowCount: rows.length, ...report, updatedAt: clock.now() })
      .where(eq(priceListVersions.id, v.id));
    return { check, report };
  }

  /** Another row of the draft with the same 804н code or clinic code: the editor's field errors. */
  async function duplicates(
    tx: Tx,
    versionId: string,
    exceptId: string | null,
    row: ReturnType<typeof checkPriceRow>['row'],
  ) {
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

  function rowView(
    r: {
      id: string;
      line: number;
      clinicCode: string;
      serviceCode: string;
      name: string;
      price: number | null;
      priceText: string;
      note: string | null;
    },
    issues: PriceListRowView['issues'],
  ): PriceListRowView {
    return { ...r, issues };
  }

  /** Entries of a version for comparison: published items, or the readable rows of a draft. */
  async function entriesOf(v: VersionRow): Promise<{ entries: PriceEntry[]; skipped: number }> {
    if (v.status !== 'draft') return { entries: await versionItems(db, v.id), skipped: 0 };
    const rows = await draftRows(db, v.id);
    const seen = new Set<string>();
    const entries: PriceEntry[] = [];
    for (const r of rows) {
      const checked = checkPriceRow(r).row;
      if (
        !SERVICE_CODE_RE.test(checked.serviceCode) ||
        checked.price === null ||
        seen.has(checked.serviceCode)
      )
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
  async function baseOf(v: VersionRow, plannedDate: string | null) {
    const day = today();
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

  async function clinicName(clinicId: string) {
    const [c] = await db.select({ name: clinics.shortName }).from(clinics).where(eq(clinics.id, clinicId));
    return c?.name ?? 'клиника';
  }

  return {
    async overview(actor: Actor, clinicId: string) {
      assertClinicAccess(actor, clinicId);
      const day = today();
      const versions = versionViews(await clinicVersions(db, clinicId), day);
      return { today: day, currentId: versions.find((v) => v.inForce)?.id ?? null, versions };
    },

    async get(actor: Actor, clinicId: string, versionId: string) {
      assertClinicAccess(actor, clinicId);
      return detail(clinicId, versionId);
    },

    async rows(
      actor: Actor,
      clinicId: string,
      versionId: string,
      q: { offset: number; limit: number; search?: string | undefined; filter: RowsFilter },
    ): Promise<{ items: PriceListRowView[]; total: number }> {
      assertClinicAccess(actor, clinicId);
      const v = await loadVersion(db, clinicId, versionId);
      const needle = q.search?.trim() ? `%${q.search.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
      const match = (code: string, clinic: string, name: string) =>
        needle
          ? sql`and (${sql.raw(code)} ilike ${needle} or ${sql.raw(clinic)} ilike ${needle} or ${sql.raw(name)} ilike ${needle})`
          : sql``;
      if (v.status !== 'draft') {
        const rows = await sqlRows<{
          id: string;
          position: number;
          clinic_code: string;
          service_code: string;
          name: string;
          price: string;
          note: string | null;
          total: number;
        }>(
          db,
          sql`select id, position, clinic_code, service_code, name, price::text as price, note, count(*) over ()::int as total
              from price_list_items where version_id = ${v.id} ${match('service_code', 'clinic_code', 'name')}
              order by position offset ${q.offset} limit ${q.limit}`,
        );
        return {
          total: rows[0] ? Number(rows[0].total) : 0,
          items: rows.map((r) =>
            rowView(
              {
                id: r.id,
                line: r.position + 1,
                clinicCode: r.clinic_code,
                serviceCode: r.service_code,
                name: r.name,
                price: Number(r.price),
                priceText: '',
                note: r.note,
              },
              [],
            ),
          ),
        };
      }
      const byRow = issuesByRow(v.issues);
      const onlyIssues =
        q.filter === 'issues' ? sql`and id = any(${sql.param([...byRow.keys()])}::uuid[])` : sql``;
      const rows = await sqlRows<{
        id: string;
        line: number;
        clinic_code: string;
        service_code: string;
        name: string;
        price_text: string;
        price: string | null;
        note: string | null;
        total: number;
      }>(
        db,
        sql`select id, line, clinic_code, service_code, name, price_text, price::text as price, note, count(*) over ()::int as total
            from price_list_draft_rows where version_id = ${v.id} ${onlyIssues} ${match('service_code', 'clinic_code', 'name')}
            order by line offset ${q.offset} limit ${q.limit}`,
      );
      return {
        total: rows[0] ? Number(rows[0].total) : 0,
        items: rows.map((r) =>
          rowView(
            {
              id: r.id,
              line: Number(r.line),
              clinicCode: r.clinic_code,
              serviceCode: r.service_code,
              name: r.name,
              price: r.price === null ? null : Number(r.price),
              priceText: r.price_text,
              note: r.note,
            },
            byRow.get(r.id) ?? [],
          ),
        ),
      };
    },

    /** Adds a row (rowId null) or changes one; a row with errors is refused with field errors. */
    async saveRow(
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
      const saved = await db.transaction(async (tx) => {
        const v = await loadVersion(tx, clinicId, versionId, true);
        assertEditable(v);
        await duplicates(tx, v.id, rowId, row);
        const values = {
          clinicCode: row.clinicCode,
          serviceCode: row.serviceCode,
          name: row.name,
          priceText: row.priceText,
          price: BigInt(row.price!),
          note: row.note,
        };
        let id = rowId;
        let before: unknown = null;
        let line: number;
        if (rowId) {
          const [old] = await tx
            .select()
            .from(priceListDraftRows)
            .where(and(eq(priceListDraftRows.id, rowId), eq(priceListDraftRows.versionId, v.id)));
          if (!old) throw new AppError('NOT_FOUND', 'Строка не найдена');
          before = old;
          line = old.line;
          await tx.update(priceListDraftRows).set(values).where(eq(priceListDraftRows.id, rowId));
        } else {
          id = ids.uuid();
          const [{ next }] = (await tx
            .select({ next: sql<number>`coalesce(max(${priceListDraftRows.line}), 1)::int + 1` })
            .from(priceListDraftRows)
            .where(eq(priceListDraftRows.versionId, v.id))) as [{ next: number }];
          line = Number(next);
          await tx.insert(priceListDraftRows).values({ id, versionId: v.id, line, ...values });
        }
        await recheck(tx, v);
        await writeAudit(tx, clock, actor, {
          action: rowId ? 'price_list.row_changed' : 'price_list.row_added',
          entityType: 'price_list_version',
          entityId: v.id,
          before,
          after: { rowId: id, line, ...values },
        });
        return { id: id!, line, ...values, price: row.price };
      });
      return {
        row: rowView(saved, issues),
        version: await detail(clinicId, versionId),
      };
    },

    async deleteRow(actor: Actor, clinicId: string, versionId: string, rowId: string) {
      assertClinicAccess(actor, clinicId);
      await db.transaction(async (tx) => {
        const v = await loadVersion(tx, clinicId, versionId, true);
        assertEditable(v);
        const [gone] = await tx
          .delete(priceListDraftRows)
          .where(and(eq(priceListDraftRows.id, rowId), eq(priceListDraftRows.versionId, v.id)))
          .returning();
        if (!gone) throw new AppError('NOT_FOUND', 'Строка не найдена');
        await recheck(tx, v);
        await writeAudit(tx, clock, actor, {
          action: 'price_list.row_deleted',
          entityType: 'price_list_version',
          entityId: v.id,
          before: gone,
        });
      });
      return detail(clinicId, versionId);
    },

    /** A draft for online editing: empty, or a copy of a version (a published one, usually the one in force). */
    async createDraft(actor: Actor, clinicId: string, fromVersionId: string | null) {
      assertClinicAccess(actor, clinicId);
      const id = ids.uuid();
      await db.transaction(async (tx) => {
        await lockClinic(tx, clinicId);
        const source = fromVersionId ? await loadVersion(tx, clinicId, fromVersionId) : null;
        if (source && source.status === 'draft' && source.importStatus !== 'done')
          throw new AppError('INVALID_STATE', 'Этот черновик ещё не загружен до конца');
        const now = clock.now();
        const number = await nextVersionNumber(tx, clinicId);
        await tx.insert(priceListVersions).values({
          id,
          clinicId,
          number,
          status: 'draft',
          source: 'editor',
          basedOnNumber: source?.number ?? null,
          importStatus: 'done',
          createdBy: actor.user!.id,
          createdAt: now,
          updatedAt: now,
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
        const [v] = await tx.select().from(priceListVersions).where(eq(priceListVersions.id, id));
        const { report } = await recheck(tx, v!);
        await writeAudit(tx, clock, actor, {
          action: 'price_list.draft_created',
          entityType: 'price_list_version',
          entityId: id,
          after: { clinicId, number, basedOn: source?.number ?? null, errors: report.errorCount },
        });
      });
      return detail(clinicId, id);
    },

    /**
     * Publishes a draft from a date: not in the past (a day that has passed keeps the prices it had), not
     * with errors. A published version that starts on the same future date is superseded by this one; the
     * one in force today is never replaced on its own date.
     */
    async publish(actor: Actor, clinicId: string, versionId: string, effectiveFrom: string) {
      assertClinicAccess(actor, clinicId);
      const day = today();
      if (effectiveFrom < day) {
        const message = `Дата не может быть раньше сегодняшней (${ruDate(day)}): цены прошедших дней не меняются`;
        throw new AppError('VALIDATION_FAILED', message, { fields: { effectiveFrom: message } });
      }
      await db.transaction(async (tx) => {
        await lockClinic(tx, clinicId);
        const v = await loadVersion(tx, clinicId, versionId, true);
        if (v.status !== 'draft') throw new AppError('INVALID_STATE', 'Эта версия уже опубликована');
        assertEditable(v);
        // The counts on the locked version are current: every change to the rows re-checks them in its
        // own transaction, so the rows need not be read again here.
        if (v.errorCount > 0)
          throw new AppError(
            'PRICE_LIST_HAS_ERRORS',
            `В прейскуранте ошибок: ${v.errorCount}. Исправьте их, и тогда его можно будет опубликовать`,
            { errorCount: v.errorCount },
          );
        const [sameDay] = await tx
          .select()
          .from(priceListVersions)
          .where(
            and(
              eq(priceListVersions.clinicId, clinicId),
              eq(priceListVersions.status, 'published'),
              eq(priceListVersions.effectiveFrom, effectiveFrom),
            ),
          )
          .for('update');
        if (sameDay && effectiveFrom <= day) {
          const message = `С ${ruDate(effectiveFrom)} уже действует версия ${sameDay.number}: выберите ${ruDate(addDays(day, 1))} или позже`;
          throw new AppError('CONFLICT', message, { fields: { effectiveFrom: message } });
        }
        const now = clock.now();
        if (sameDay) {
          await tx
            .update(priceListVersions)
            .set({ status: 'superseded', updatedAt: now })
            .where(eq(priceListVersions.id, sameDay.id));
          await writeAudit(tx, clock, actor, {
            action: 'price_list.superseded',
            entityType: 'price_list_version',
            entityId: sameDay.id,
            before: { status: 'published', effectiveFrom },
            after: { status: 'superseded', by: v.id },
          });
        }
        await tx.execute(sql`
          insert into price_list_items (id, version_id, position, clinic_code, service_code, name, price, note)
          select id, version_id, row_number() over (order by line), clinic_code, service_code, name, price, note
          from price_list_draft_rows where version_id = ${v.id}`);
        await recordServiceNames(tx, v.id);
        await tx.delete(priceListDraftRows).where(eq(priceListDraftRows.versionId, v.id));
        await tx
          .update(priceListVersions)
          .set({
            status: 'published',
            effectiveFrom,
            publishedBy: actor.user!.id,
            publishedAt: now,
            updatedAt: now,
          })
          .where(eq(priceListVersions.id, v.id));
        await writeAudit(tx, clock, actor, {
          action: 'price_list.published',
          entityType: 'price_list_version',
          entityId: v.id,
          before: { status: 'draft' },
          after: {
            status: 'published',
            effectiveFrom,
            rows: v.rowCount,
            warnings: v.warningCount,
            replaced: sameDay?.number ?? null,
          },
        });
      });
      return detail(clinicId, versionId);
    },

    async deleteDraft(actor: Actor, clinicId: string, versionId: string) {
      assertClinicAccess(actor, clinicId);
      const key = await db.transaction(async (tx) => {
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
      if (key) await storage.delete(key);
    },

    async diff(
      actor: Actor,
      clinicId: string,
      versionId: string,
      plannedDate: string | null,
    ): Promise<PriceListDiffView> {
      assertClinicAccess(actor, clinicId);
      const v = await loadVersion(db, clinicId, versionId);
      if (v.status === 'draft' && v.importStatus !== 'done')
        return {
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
      const base = await baseOf(v, plannedDate);
      const mine = await entriesOf(v);
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
    },

    /** Any version as XLSX in the template's layout; a draft carries its check remarks in an extra column. */
    async download(actor: Actor, clinicId: string, versionId: string) {
      assertClinicAccess(actor, clinicId);
      const v = await loadVersion(db, clinicId, versionId);
      const name = `Прейскурант ${await clinicName(clinicId)} — версия ${v.number}.xlsx`;
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
            price: r.price === null ? null : Number(r.price),
            remarks: (byRow.get(r.id) ?? [])
              .map(
                (i) => `${i.severity === 'error' ? 'Ошибка' : 'Предупреждение'}: ${i.column} — ${i.message}`,
              )
              .join('; '),
          })),
          true,
        ),
      };
    },

    async report(actor: Actor, clinicId: string, versionId: string, format: TableFormat) {
      assertClinicAccess(actor, clinicId);
      const v = await loadVersion(db, clinicId, versionId);
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
    },

    async template(actor: Actor, clinicId: string, format: TableFormat) {
      assertClinicAccess(actor, clinicId);
      return priceListTemplate(format);
    },
  };
}

export type PriceListsService = ReturnType<typeof priceListsService>;
