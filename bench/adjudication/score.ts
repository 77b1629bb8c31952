/**
 * Scores the adjudication engine on a folder of labelled cases (the format in README.md): each receipt is
 * right when its status, reasons, reimbursement and cashback all equal the labels.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  adjudicateSequence,
  type Decision,
  type FiscalReceipt,
  guaranteeLetterSchema,
  normaliseFiscalReceipt,
} from '@remed/core';

export interface Expected {
  class: string;
  status: Decision['status'];
  reasons: string[];
  reimbursement: number;
  cashback: number;
  note?: string;
}

interface CorpusCase {
  id: string;
  letter: unknown;
  receipts: unknown[];
  expected: Expected[];
}

export interface Row {
  caseId: string;
  index: number;
  item: string;
  expected: Expected;
  got: Pick<Decision, 'status' | 'reasons' | 'reimbursement' | 'cashback'> | null;
  error?: string;
}

function loadCases(dir: string): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CorpusCase | CorpusCase[];
    cases.push(...(Array.isArray(data) ? data : [data]));
  }
  return cases;
}

function itemName(receipt: unknown): string {
  const items = (receipt as { items?: { name?: unknown }[] }).items;
  return typeof items?.[0]?.name === 'string' ? items[0].name : '?';
}

function score(c: CorpusCase): Row[] {
  const base = (index: number) => ({
    caseId: c.id,
    index,
    item: itemName(c.receipts[index]),
    expected: c.expected[index]!,
  });
  const letter = guaranteeLetterSchema.safeParse(c.letter);
  if (!letter.success) {
    return c.expected.map((_, i) => ({
      ...base(i),
      got: null,
      error: `letter: ${letter.error.issues[0]?.message}`,
    }));
  }
  const receipts: FiscalReceipt[] = [];
  for (const [i, raw] of c.receipts.entries()) {
    const r = normaliseFiscalReceipt(raw);
    if (!r.ok)
      return c.expected.map((_, k) => ({ ...base(k), got: null, error: `receipt ${i}: ${r.error.message}` }));
    receipts.push(r.value);
  }
  const { results } = adjudicateSequence(letter.data, receipts);
  return results.map(({ decision: d }, i) => ({
    ...base(i),
    got: { status: d.status, reasons: d.reasons, reimbursement: d.reimbursement, cashback: d.cashback },
  }));
}

const sameReasons = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((r, i) => r === [...b].sort()[i]);

export const isRight = (r: Row) =>
  r.got !== null &&
  r.got.status === r.expected.status &&
  sameReasons(r.got.reasons, r.expected.reasons) &&
  r.got.reimbursement === r.expected.reimbursement &&
  r.got.cashback === r.expected.cashback;

const pct = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 10);
const paidOut = (x: { reimbursement: number; cashback: number }) => x.reimbursement + x.cashback;

export function scoreCorpus(corpusDir: string) {
  const cases = loadCases(corpusDir);
  const rows = cases.flatMap(score);
  const right = rows.filter(isRight);
  const statusRight = rows.filter((r) => r.got?.status === r.expected.status);
  const decidable = rows.filter((r) => r.expected.status !== 'manual_review');
  const decidedAlone = decidable.filter((r) => r.got !== null && r.got.status !== 'manual_review');
  const clean = rows.filter(
    (r) => r.expected.status === 'approved' || r.expected.status === 'partially_approved',
  );
  const cleanToReview = clean.filter((r) => r.got?.status === 'manual_review');
  const overpaid = rows.filter((r) => r.got !== null && paidOut(r.got) > paidOut(r.expected));
  const overpaidKopecks = overpaid.reduce((s, r) => s + paidOut(r.got!) - paidOut(r.expected), 0);
  const errors = rows.filter((r) => r.got === null);

  const byClass: Record<string, { receipts: number; right: number; accuracy: number }> = {};
  for (const r of rows) {
    const c = byClass[r.expected.class] ?? { receipts: 0, right: 0, accuracy: 0 };
    byClass[r.expected.class] = c;
    c.receipts++;
    if (isRight(r)) c.right++;
  }
  for (const c of Object.values(byClass)) c.accuracy = pct(c.right, c.receipts);

  const figures = {
    corpus: corpusDir,
    cases: cases.length,
    receipts: rows.length,
    invalidInputs: errors.length,
    accuracy: pct(right.length, rows.length),
    statusAccuracy: pct(statusRight.length, rows.length),
    autoRate: pct(decidedAlone.length, decidable.length),
    cleanToReview: {
      count: cleanToReview.length,
      of: clean.length,
      percent: pct(cleanToReview.length, clean.length),
    },
    overpaid: { receipts: overpaid.length, rubles: overpaidKopecks / 100 },
    byClass,
    wrong: rows
      .filter((r) => !isRight(r))
      .map((r) => ({
        case: r.caseId,
        receipt: r.index,
        item: r.item,
        expected: r.expected,
        got: r.got,
        ...(r.error ? { error: r.error } : {}),
      })),
  };
  return {
    figures,
    rows,
    right,
    statusRight,
    cleanToReview,
    clean,
    overpaid,
    overpaidKopecks,
    errors,
    isRight,
  };
}
