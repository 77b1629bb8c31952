import {
  INSURED_COLUMNS,
  type InsuredColumnKey,
  type InsuredRow,
  mapInsuredHeader,
  validateInsuredRow,
} from '@remed/core';
import type { ImportIssue } from '../../db/schema/index.ts';
import { readTableLines, type TableFormat } from '../../platform/tables/read-table.ts';
import type { TableLimits } from '../../platform/tables/table-limits.ts';

const MAX_ISSUES_KEPT = 5000;
const FOREIGN_BATCH = 5000;

export interface InsuredFile {
  content: Buffer;
  format: TableFormat;
  limits: TableLimits;
  /** The day the rows are checked against, the same in both passes. */
  today: string;
}

/** A data row of the file as it will be written, or null when the row is invalid (its issues say why). */
type CheckedRow = {
  line: number;
  row: InsuredRow | null;
  issues: { column: string; problem: string }[];
};

/**
 * The rows of the file, header mapped and each row validated; streamed, so a pass holds one row at a
 * time. Both passes of an import read the file through this, so they agree on every row.
 */
export async function* insuredRows(
  file: InsuredFile,
  onHeaderProblem: (problem: string) => void,
): AsyncGenerator<CheckedRow> {
  let index: Partial<Record<InsuredColumnKey, number>> | null = null;
  let header = true;
  for await (const { line, cells } of readTableLines(file.content, file.format, file.limits)) {
    if (header) {
      header = false;
      const mapped = mapInsuredHeader(cells);
      if (!mapped.ok) {
        onHeaderProblem(
          `В первой строке нет столбцов: ${mapped.missing.join(', ')}. Скачайте шаблон и сверьте заголовки.`,
        );
        return;
      }
      index = mapped.index;
      continue;
    }
    const raw: Partial<Record<InsuredColumnKey, string>> = {};
    for (const c of INSURED_COLUMNS) {
      const i = index![c.key];
      if (i !== undefined) raw[c.key] = cells[i] ?? '';
    }
    const v = validateInsuredRow(raw, file.today);
    yield v.ok ? { line, row: v.row, issues: [] } : { line, row: null, issues: v.issues };
  }
  if (header) onHeaderProblem('Файл пустой: нет ни заголовка, ни строк');
}

export type CheckOutcome =
  | { headerProblem: string }
  | {
      /** Policy number → the line it is first valid on; later lines with it are duplicates. */
      firstLine: Map<string, number>;
      /** Policy numbers of the file that belong to another program. */
      foreign: Set<string>;
      issues: ImportIssue[];
      errorRows: number;
      total: number;
    };

/**
 * The first pass: every row validated, duplicates and policies of other programs found, nothing
 * written. What it keeps grows with the policy numbers only, not with whole rows.
 */
export async function checkInsuredFile(
  file: InsuredFile,
  io: {
    foreignAmong(numbers: string[]): Promise<Set<string>>;
    progress(rows: number): Promise<void>;
    progressEvery: number;
  },
): Promise<CheckOutcome> {
  let headerProblem: string | null = null;
  const firstLine = new Map<string, number>();
  const foreign = new Set<string>();
  const issues: ImportIssue[] = [];
  let errorRows = 0;
  let total = 0;
  let pending: { number: string; line: number }[] = [];
  const note = (line: number, column: string, problem: string) => {
    if (issues.length < MAX_ISSUES_KEPT) issues.push({ row: line, column, problem });
  };
  const flushForeign = async () => {
    if (!pending.length) return;
    const found = await io.foreignAmong(pending.map((p) => p.number));
    for (const p of pending)
      if (found.has(p.number)) {
        errorRows++;
        foreign.add(p.number);
        note(p.line, 'Номер полиса', 'полис с этим номером относится к другой программе');
      }
    pending = [];
  };
  for await (const r of insuredRows(file, (p) => {
    headerProblem = p;
  })) {
    total++;
    if (r.issues.length) errorRows++;
    for (const p of r.issues) note(r.line, p.column, p.problem);
    if (r.row) {
      const first = firstLine.get(r.row.policyNumber);
      if (first) {
        errorRows++;
        note(r.line, 'Номер полиса', `полис уже встречался в строке ${first}`);
      } else {
        firstLine.set(r.row.policyNumber, r.line);
        pending.push({ number: r.row.policyNumber, line: r.line });
        if (pending.length >= FOREIGN_BATCH) await flushForeign();
      }
    }
    if ((total + 1) % io.progressEvery === 0) await io.progress(total);
  }
  if (headerProblem) return { headerProblem };
  await flushForeign();
  issues.sort((a, b) => a.row - b.row);
  return { firstLine, foreign, issues, errorRows, total };
}
