import {
  INSURED_COLUMNS,
  type InsuredColumnKey,
  type InsuredRow,
  mapInsuredHeader,
  validateInsuredRow,
} from '@remed/core';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { type ImportIssue, insuredImports, policies, programs } from '../../db/schema/index.ts';
import { type Actor, systemActor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { PlainMessage } from '../../platform/outbox.ts';
import { loadProgramFor } from './programs.repository.ts';
import { formatOf, readTable, type TableFormat, writeTable } from './table-files.ts';

export const INSURED_IMPORT_QUEUE = 'insured-import';
const PROGRESS_EVERY = 2000;
const BATCH = 5000;
const MAX_ISSUES_KEPT = 5000;

type ImportRow = typeof insuredImports.$inferSelect;

export function importView(r: ImportRow) {
  return {
    id: r.id,
    programId: r.programId,
    fileName: r.fileName,
    mode: r.mode,
    detachMissing: r.detachMissing,
    status: r.status,
    totalRows: r.totalRows,
    processedRows: r.processedRows,
    created: r.created,
    updated: r.updated,
    detached: r.detached,
    errorRows: r.errorRows,
    issues: r.issues.slice(0, 200),
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

export function insuredImportService(deps: AppDeps) {
  const { database, clock, ids, storage, config } = deps;
  const db = database.db;
  const today = () => clock.now().toISOString().slice(0, 10);

  async function setProgress(id: string, patch: Partial<typeof insuredImports.$inferInsert>) {
    await db.update(insuredImports).set(patch).where(eq(insuredImports.id, id));
  }

  async function readRows(imp: ImportRow) {
    const buffer = await storage.get(imp.storageKey);
    const issues: ImportIssue[] = [];
    const rows: { line: number; row: InsuredRow }[] = [];
    const seen = new Map<string, number>();
    let errorRows = 0;
    let index: Partial<Record<InsuredColumnKey, number>> | null = null;
    let line = 0;
    for await (const cells of readTable(buffer, formatOf(imp.fileName))) {
      line++;
      if (!index) {
        const header = mapInsuredHeader(cells);
        if (!header.ok) {
          return {
            headerProblem: `В первой строке нет столбцов: ${header.missing.join(', ')}. Скачайте шаблон и сверьте заголовки.`,
          } as const;
        }
        index = header.index;
        continue;
      }
      const raw: Partial<Record<InsuredColumnKey, string>> = {};
      for (const c of INSURED_COLUMNS) {
        const i = index[c.key];
        if (i !== undefined) raw[c.key] = cells[i] ?? '';
      }
      const v = validateInsuredRow(raw, today());
      const rowIssues = v.ok ? [] : v.issues;
      if (v.ok) {
        const first = seen.get(v.row.policyNumber);
        if (first)
          rowIssues.push({ column: 'Номер полиса', problem: `полис уже встречался в строке ${first}` });
        else seen.set(v.row.policyNumber, line);
      }
      if (rowIssues.length) {
        errorRows++;
        for (const p of rowIssues) if (issues.length < MAX_ISSUES_KEPT) issues.push({ row: line, ...p });
      } else if (v.ok) rows.push({ line, row: v.row });
      if (line % PROGRESS_EVERY === 0) await setProgress(imp.id, { processedRows: line - 1 });
    }
    if (!index) return { headerProblem: 'Файл пустой: нет ни заголовка, ни строк' } as const;
    return { rows, issues, errorRows, total: line - 1 } as const;
  }

  /** Rows whose policy number already belongs to another program cannot be moved silently. */
  async function foreignPolicies(tx: Tx, programId: string, numbers: string[]) {
    const found = new Map<string, { id: string; personId: string; programId: string }>();
    for (let i = 0; i < numbers.length; i += 5000) {
      const chunk = numbers.slice(i, i + 5000);
      const rows = await tx
        .select({
          number: policies.number,
          id: policies.id,
          personId: policies.insuredPersonId,
          programId: policies.programId,
        })
        .from(policies)
        .where(inArray(policies.number, chunk));
      for (const r of rows) found.set(r.number, r);
    }
    return {
      found,
      foreign: new Set([...found].filter(([, p]) => p.programId !== programId).map(([n]) => n)),
    };
  }

  async function apply(
    tx: Tx,
    imp: ImportRow,
    rows: InsuredRow[],
    existing: Map<string, { id: string; personId: string }>,
    programName: string,
  ) {
    const now = clock.now();
    const fresh = rows.filter((r) => !existing.has(r.policyNumber));
    const known = rows.filter((r) => existing.has(r.policyNumber));
    const invitations: PlainMessage[] = [];
    // Rows travel as one array per column (unnest): a handful of parameters per batch whatever its size.
    for (let i = 0; i < fresh.length; i += BATCH) {
      const batch = fresh.slice(i, i + BATCH);
      const personIds = batch.map(() => ids.uuid());
      const col = <K extends keyof InsuredRow>(k: K) => sql.param(batch.map((r) => r[k]));
      await tx.execute(sql`
        insert into insured_persons (id, last_name, first_name, middle_name, birth_date, sex, phone, email, created_at, updated_at)
        select v.*, ${now}::timestamptz, ${now}::timestamptz
        from unnest(${sql.param(personIds)}::uuid[], ${col('lastName')}::text[], ${col('firstName')}::text[], ${col('middleName')}::text[],
          ${col('birthDate')}::date[], ${col('sex')}::text[], ${col('phone')}::text[], ${col('email')}::text[]) as v`);
      await tx.execute(sql`
        insert into policies (id, number, program_id, insured_person_id, valid_from, valid_to, created_at, updated_at)
        select v.id, v.number, ${imp.programId}::uuid, v.person, v.valid_from, v.valid_to, ${now}::timestamptz, ${now}::timestamptz
        from unnest(${sql.param(batch.map(() => ids.uuid()))}::uuid[], ${col('policyNumber')}::text[], ${sql.param(personIds)}::uuid[],
          ${col('validFrom')}::date[], ${col('validTo')}::date[]) as v(id, number, person, valid_from, valid_to)`);
      for (const r of batch) invitations.push(...invitationsFor(r, programName));
    }
    for (let i = 0; i < known.length; i += BATCH) {
      const batch = known.slice(i, i + BATCH);
      const col = <K extends keyof InsuredRow>(k: K) => batch.map((r) => r[k]);
      await tx.execute(sql`
        update insured_persons p set last_name = v.last_name, first_name = v.first_name, middle_name = v.middle_name,
          birth_date = v.birth_date, sex = v.sex, phone = v.phone, email = v.email, updated_at = ${now}
        from unnest(${sql.param(batch.map((r) => existing.get(r.policyNumber)!.personId))}::uuid[], ${sql.param(col('lastName'))}::text[],
          ${sql.param(col('firstName'))}::text[], ${sql.param(col('middleName'))}::text[], ${sql.param(col('birthDate'))}::date[], ${sql.param(col('sex'))}::text[],
          ${sql.param(col('phone'))}::text[], ${sql.param(col('email'))}::text[])
          as v(id, last_name, first_name, middle_name, birth_date, sex, phone, email)
        where p.id = v.id`);
      await tx.execute(sql`
        update policies p set valid_from = v.valid_from, valid_to = v.valid_to, detached_on = null, updated_at = ${now}
        from unnest(${sql.param(col('policyNumber'))}::text[], ${sql.param(col('validFrom'))}::date[], ${sql.param(col('validTo'))}::date[]) as v(number, valid_from, valid_to)
        where p.number = v.number`);
    }
    const inFile = rows.map((r) => r.policyNumber);
    const detached = !imp.detachMissing
      ? []
      : await tx
          .update(policies)
          .set({ detachedOn: today(), updatedAt: now })
          .where(
            and(
              eq(policies.programId, imp.programId),
              isNull(policies.detachedOn),
              // One array parameter: a list of 100 000 numbers would exceed the 65 535 parameters of a statement.
              sql`${policies.number} <> all(${sql.param(inFile)}::text[])`,
            ),
          )
          .returning({ id: policies.id });
    const messageIds = await deps.outbox.addMany(tx, invitations);
    return { created: fresh.length, updated: known.length, detached: detached.length, messageIds };
  }

  function invitationsFor(r: InsuredRow, programName: string): PlainMessage[] {
    const url = `${config.publicUrl}/register`;
    const out: PlainMessage[] = [];
    if (r.phone) {
      out.push({
        channel: 'sms',
        to: r.phone,
        body: `remed: вы подключены к программе ДМС «${programName}». Зарегистрируйтесь по номеру телефона: ${url}`,
      });
    }
    if (r.email) {
      out.push({
        channel: 'email',
        to: r.email,
        subject: 'Вы подключены к программе ДМС в remed',
        body: [
          `Здравствуйте, ${r.firstName}${r.middleName ? ` ${r.middleName}` : ''}!`,
          '',
          `Работодатель подключил вас к программе добровольного медицинского страхования «${programName}».`,
          'В remed вы увидите, что входит в программу, получите гарантийное письмо в клинику и вернёте деньги за оплаченные услуги по СБП.',
          '',
          `Зарегистрируйтесь по номеру телефона${r.phone ? '' : ' (сообщите его страховой компании)'}: ${url}`,
        ].join('\n'),
      });
    }
    return out;
  }

  return {
    async create(
      actor: Actor,
      programId: string,
      file: { fileName: string; content: Buffer },
      mode: 'all_or_nothing' | 'valid_rows',
      detachMissing = true,
    ) {
      const format = formatOf(file.fileName);
      const program = await loadProgramFor(db, actor, programId);
      if (!file.content.length)
        throw new AppError('VALIDATION_FAILED', 'Файл пустой', { fields: { file: 'Файл пустой' } });
      const id = ids.uuid();
      const storageKey = `imports/${id}/source.${format}`;
      await storage.put(storageKey, file.content);
      const row = await db.transaction(async (tx) => {
        const [r] = await tx
          .insert(insuredImports)
          .values({
            id,
            programId: program.program.id,
            fileName: file.fileName,
            storageKey,
            mode,
            detachMissing,
            status: 'queued',
            createdBy: actor.user!.id,
            createdAt: clock.now(),
          })
          .returning();
        await writeAudit(tx, clock, actor, {
          action: 'insured_import.created',
          entityType: 'insured_import',
          entityId: id,
          after: { fileName: file.fileName, mode, detachMissing, programId },
        });
        return r!;
      });
      await deps.jobs.send(INSURED_IMPORT_QUEUE, { id });
      return importView(row);
    },

    async get(actor: Actor, id: string) {
      const [r] = await db.select().from(insuredImports).where(eq(insuredImports.id, id));
      if (!r) throw new AppError('NOT_FOUND', 'Загрузка не найдена');
      await loadProgramFor(db, actor, r.programId);
      return r;
    },

    async report(actor: Actor, id: string, format: TableFormat) {
      const r = await this.get(actor, id);
      return writeTable(
        format,
        'Ошибки',
        ['Строка', 'Столбец', 'Ошибка'],
        r.issues.map((i) => [i.row, i.column, i.problem]),
      );
    },

    /** The job: validate every row, then write all (or all valid) rows in one transaction; never half. */
    async run(id: string) {
      await this.process(id).catch((e: unknown) => this.fail(id, e));
    },

    async process(id: string) {
      const [imp] = await db.select().from(insuredImports).where(eq(insuredImports.id, id));
      if (!imp || (imp.status !== 'queued' && imp.status !== 'running')) return;
      await setProgress(id, { status: 'running' });
      const parsed = await readRows(imp);
      if ('headerProblem' in parsed) {
        await setProgress(id, {
          status: 'rejected',
          issues: [{ row: 1, column: '—', problem: parsed.headerProblem! }],
          errorRows: 1,
          finishedAt: clock.now(),
        });
        return;
      }
      const [program] = await db.select().from(programs).where(eq(programs.id, imp.programId));
      const outcome = await db.transaction(async (tx) => {
        const { found, foreign } = await foreignPolicies(
          tx,
          imp.programId,
          parsed.rows.map((r) => r.row.policyNumber),
        );
        const issues = [...parsed.issues];
        let errorRows = parsed.errorRows;
        for (const r of parsed.rows) {
          if (foreign.has(r.row.policyNumber)) {
            errorRows++;
            issues.push({
              row: r.line,
              column: 'Номер полиса',
              problem: 'полис с этим номером относится к другой программе',
            });
          }
        }
        issues.sort((a, b) => a.row - b.row);
        const base = {
          totalRows: parsed.total,
          processedRows: parsed.total,
          errorRows,
          issues: issues.slice(0, MAX_ISSUES_KEPT),
          finishedAt: clock.now(),
        };
        if (errorRows > 0 && imp.mode === 'all_or_nothing')
          return { kind: 'rejected' as const, patch: { ...base, status: 'rejected' as const } };
        const valid = parsed.rows.filter((r) => !foreign.has(r.row.policyNumber)).map((r) => r.row);
        const result = await apply(tx, imp, valid, found, program!.name);
        await tx
          .update(insuredImports)
          .set({
            ...base,
            status: 'done',
            created: result.created,
            updated: result.updated,
            detached: result.detached,
          })
          .where(eq(insuredImports.id, id));
        await writeAudit(tx, clock, systemActor, {
          onBehalfOf: imp.createdBy,
          action: 'insured_import.applied',
          entityType: 'insured_import',
          entityId: id,
          after: { created: result.created, updated: result.updated, detached: result.detached, errorRows },
        });
        return { kind: 'applied' as const, messageIds: result.messageIds };
      });
      if (outcome.kind === 'rejected') await setProgress(id, outcome.patch);
      else await deps.outbox.dispatch(outcome.messageIds);
    },

    async fail(id: string, error: unknown) {
      await setProgress(id, {
        status: 'failed',
        issues: [
          {
            row: 0,
            column: '—',
            problem: `Загрузка прервалась: ${String((error as Error).message ?? error).slice(0, 300)}`,
          },
        ],
        finishedAt: clock.now(),
      });
    },

    template: (format: TableFormat) =>
      writeTable(
        format,
        'Застрахованные',
        INSURED_COLUMNS.map((c) => (c.required ? `${c.title}` : c.title)),
        [INSURED_COLUMNS.map((c) => c.example)],
      ),
  };
}

export type InsuredImportService = ReturnType<typeof insuredImportService>;
