/**
 * The builder of every adjudication corpus (corpus/, holdout/corpus/, holdout2/corpus/): expands the
 * hand-written cases of a folder (spec.ts) into <folder>/corpus/<class>.json.
 *
 * The expected decision of each receipt follows from the human labels of its items by the rules of
 * DOMAIN.md §5, applied here with plain integer arithmetic (kopecks, half-up rounding). It reads only the
 * folder's names.json and the hand labels and never imports the engine: the corpus must say what the rules
 * say, not what the engine does. Receipts that carry `want` (amounts worked out by hand) are checked against
 * that arithmetic, and the build fails on any difference.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CaseSpec,
  type Clinic,
  type CorpusSpec,
  type Label,
  type ReceiptSpec,
  readJson,
} from './spec.ts';

interface NameEntry {
  id: string;
  name: string;
  code: string | null;
  clinicCode: string | null;
  /** Price in rubles (most sources). */
  priceRub?: number | null;
  /** Price as printed in another currency (`currency`); used as the letter's amount unchanged. */
  price?: number;
  currency?: string;
}

const ORDER = [
  'NOT_A_SALE',
  'DUPLICATE_RECEIPT',
  'WRONG_CLINIC',
  'OUTSIDE_VALIDITY',
  'SUM_MISMATCH',
  'ADVANCE_OFFSET',
  'UNIDENTIFIED_ITEM',
  'AMBIGUOUS_MATCH',
  'NEAR_MISS',
  'NOTHING_MATCHED',
  'LIMIT_REACHED',
  'NOT_IN_LETTER',
  'PRICE_CAPPED',
  'QUANTITY_EXCEEDED',
];
const sorted = (r: Set<string>) => ORDER.filter((c) => r.has(c));
const REVIEW: Record<string, string> = {
  unid: 'UNIDENTIFIED_ITEM',
  amb: 'AMBIGUOUS_MATCH',
  near: 'NEAR_MISS',
};

/** Rubles (up to 2 decimals) to kopecks. */
const kop = (rub: number) => Math.round(rub * 100);
/** Quantities in millionths, so that 1.5 and 0.25 stay exact. */
const micro = (q: number) => Math.round(q * 1_000_000);
/** round(a / b), half-up, for non-negative integers. */
const div = (a: number, b: number) => Math.floor((2 * a + b) / (2 * b));
const percent = (x: number, p: number) => div(x * micro(p), 100_000_000);

const priceOf = (n: NameEntry) => n.priceRub ?? n.price ?? null;

/** One build: the corpus, its names, and the last fiscal document number given out. */
interface Run extends CorpusSpec {
  names: Map<string, NameEntry>;
  docNo: number;
}

function clinicOf(run: Run, spec: CaseSpec): Clinic {
  const clinic = run.clinics[spec.clinic];
  if (!clinic) throw new Error(`${spec.id}: no clinic ${spec.clinic}`);
  return clinic;
}

function letterOf(run: Run, spec: CaseSpec, caseNo: number) {
  const clinic = clinicOf(run, spec);
  const items = spec.lines.map((l, k) => {
    const [id, quantity] = typeof l === 'string' ? [l, 1] : l;
    const n = run.names.get(id);
    const price = n ? priceOf(n) : null;
    if (!n || price === null) throw new Error(`${spec.id}: no priced name ${id}`);
    return {
      line: k + 1,
      ...(n.code ? { code: n.code } : {}),
      ...(n.clinicCode ? { clinicCode: n.clinicCode } : {}),
      name: n.name,
      price: kop(price),
      quantity,
    };
  });
  return {
    format: 'remed.guarantee-letter/v1',
    number: `ГП-2026-${run.letterPrefix}${String(caseNo).padStart(run.letterDigits, '0')}`,
    issuedAt: '2026-11-20T10:00:00+03:00',
    validFrom: '2026-11-20',
    validUntil: '2026-12-20',
    policyNumber: `ДМС-${String(run.policyBase + caseNo).padStart(7, '0')}`,
    insuredName: run.insured[caseNo % run.insured.length]!,
    clinic: { inn: clinic.inn, name: clinic.name },
    franchisePercent: spec.franchisePercent ?? 0,
    cashbackPercent: spec.cashbackPercent ?? 5,
    remainingLimit:
      spec.limitRub === undefined ? 5_000_000 : spec.limitRub === null ? null : kop(spec.limitRub),
    items,
  };
}

type Letter = ReturnType<typeof letterOf>;
interface FiscalItem {
  name: string;
  price: number;
  quantity: number;
  sum: number;
  nds: number;
  paymentType: number;
  productType: number;
}
interface Fiscal {
  fiscalDriveNumber: string;
  fiscalDocumentNumber: number;
  fiscalSign: number;
  operationType: number;
  dateTime: string;
  userInn: string;
  user: string;
  totalSum: number;
  cashTotalSum: number;
  ecashTotalSum: number;
  prepaidSum: number;
  items: FiscalItem[];
}

function receiptOf(run: Run, spec: CaseSpec, r: ReceiptSpec, previous: Fiscal | undefined): Fiscal {
  const clinic = clinicOf(run, spec);
  const items = r.items.map(([name, priceRub, , quantity = 1, sumRub]) => ({
    name,
    price: kop(priceRub),
    quantity,
    sum: sumRub === undefined ? Math.round(kop(priceRub) * quantity) : kop(sumRub),
    nds: 6,
    paymentType: 4,
    productType: 4,
  }));
  const itemsTotal = items.reduce((s, i) => s + i.sum, 0);
  const totalSum = itemsTotal + kop(r.sumDeltaRub ?? 0);
  const prepaidSum = kop(r.prepaidRub ?? 0);
  const i = r.dup && previous ? previous.fiscalDocumentNumber : ++run.docNo;
  const { docNo } = run;
  const day = 21 + (docNo % 28);
  const date = day <= 30 ? `2026-11-${day}` : `2026-12-${String(day - 30).padStart(2, '0')}`;
  const inn = r.inn ?? clinic.inn;
  return {
    fiscalDriveNumber: clinic.fn,
    fiscalDocumentNumber: i,
    fiscalSign: r.dup && previous ? previous.fiscalSign : run.tills.fiscalSign(i),
    operationType: r.op ?? 1,
    dateTime: r.dateTime ?? `${date}T${run.tills.time(docNo)}:00`,
    userInn: run.tills.paddedInn(docNo) ? `${inn}  ` : inn,
    user: clinic.name,
    totalSum,
    cashTotalSum: run.tills.paidInCash(docNo) ? totalSum - prepaidSum : 0,
    ecashTotalSum: run.tills.paidInCash(docNo) ? 0 : totalSum - prepaidSum,
    prepaidSum,
    items,
  };
}

interface State {
  remaining: Map<number, number>;
  limit: number | null;
  claimed: Set<string>;
}

/** DOMAIN.md §5 applied to one receipt whose items are labelled by hand. */
function expectOf(letter: Letter, receipt: Fiscal, labels: Label[], state: State) {
  const rejected = (reason: string) => ({
    status: 'rejected',
    reasons: [reason],
    reimbursement: 0,
    cashback: 0,
  });
  const id = `${receipt.fiscalDriveNumber}:${receipt.fiscalDocumentNumber}`;
  const wasClaimed = state.claimed.has(id);
  state.claimed.add(id);
  if (receipt.operationType !== 1) return rejected('NOT_A_SALE');
  if (wasClaimed) return rejected('DUPLICATE_RECEIPT');
  if (receipt.userInn.trim() !== letter.clinic.inn) return rejected('WRONG_CLINIC');
  const day = receipt.dateTime.slice(0, 10);
  if (day < letter.validFrom || day > letter.validUntil) return rejected('OUTSIDE_VALIDITY');
  const reasons = new Set<string>();
  if (receipt.items.reduce((s, i) => s + i.sum, 0) !== receipt.totalSum) reasons.add('SUM_MISMATCH');
  if (receipt.prepaidSum > 0) reasons.add('ADVANCE_OFFSET');
  for (const l of labels) if (typeof l === 'string' && REVIEW[l]) reasons.add(REVIEW[l]!);
  if (labels.includes('x')) reasons.add('NOT_IN_LETTER');
  if ([...reasons].some((r) => r !== 'NOT_IN_LETTER')) {
    return { status: 'manual_review', reasons: sorted(reasons), reimbursement: 0, cashback: 0 };
  }
  if (!labels.some((l) => typeof l === 'number')) return rejected('NOTHING_MATCHED');
  const remaining = new Map(state.remaining);
  let base = 0;
  let paidTotal = 0;
  receipt.items.forEach((item, k) => {
    const l = labels[k];
    if (typeof l !== 'number') return;
    const line = letter.items[l - 1]!;
    const quantity = micro(item.quantity);
    const q = Math.min(quantity, remaining.get(l)!);
    remaining.set(l, remaining.get(l)! - q);
    const paid = div(item.sum * q, quantity);
    const cap = div(line.price * q, 1_000_000);
    if (paid > cap) reasons.add('PRICE_CAPPED');
    if (q < quantity) reasons.add('QUANTITY_EXCEEDED');
    base += Math.min(paid, cap);
    paidTotal += paid;
  });
  const due = base - percent(base, letter.franchisePercent);
  const reimbursement = state.limit === null ? due : Math.min(due, state.limit);
  if (reimbursement < due && reimbursement === 0) return rejected('LIMIT_REACHED');
  if (reimbursement < due) reasons.add('LIMIT_REACHED');
  state.remaining = remaining;
  if (state.limit !== null) state.limit -= reimbursement;
  return {
    status: reasons.size === 0 ? 'approved' : 'partially_approved',
    reasons: sorted(reasons),
    reimbursement,
    cashback: percent(paidTotal, letter.cashbackPercent),
  };
}

function build(run: Run, spec: CaseSpec, caseNo: number) {
  const letter = letterOf(run, spec, caseNo);
  const state: State = {
    remaining: new Map(letter.items.map((l) => [l.line, micro(l.quantity)])),
    limit: letter.remainingLimit,
    claimed: new Set(),
  };
  const receipts: Fiscal[] = [];
  const expected = spec.receipts.map((r) => {
    const receipt = receiptOf(run, spec, r, receipts.at(-1));
    receipts.push(receipt);
    const labels = r.items.map((i) => i[2]);
    for (const l of labels) {
      if (typeof l === 'number' && !letter.items[l - 1]) throw new Error(`${spec.id}: no line ${l}`);
    }
    const e = expectOf(letter, receipt, labels, state);
    if (r.want && (r.want[0] !== e.reimbursement || r.want[1] !== e.cashback)) {
      throw new Error(`${spec.id}: by hand ${r.want} but the rules give ${e.reimbursement},${e.cashback}`);
    }
    return { class: r.cls ?? spec.cls, ...e, labels, note: r.note };
  });
  return { id: spec.id, letter, receipts, expected };
}

/** Writes <dir>/corpus/<class>.json and prints the counts by class, status and reason. */
export function buildCorpus(corpus: CorpusSpec): void {
  const names = new Map(readJson<NameEntry[]>(join(corpus.dir, 'names.json')).map((n) => [n.id, n]));
  const run: Run = { ...corpus, names, docNo: corpus.firstDocNo };
  const ids = new Set<string>();
  const byClass = new Map<string, ReturnType<typeof build>[]>();
  corpus.cases.forEach((spec, k) => {
    if (ids.has(spec.id)) throw new Error(`duplicate case id ${spec.id}`);
    ids.add(spec.id);
    const list = byClass.get(spec.cls) ?? [];
    list.push(build(run, spec, k + 1));
    byClass.set(spec.cls, list);
  });
  const out = join(corpus.dir, 'corpus');
  mkdirSync(out, { recursive: true });
  const counts: Record<string, number> = {};
  const statuses: Record<string, number> = {};
  const reasons: Record<string, number> = {};
  for (const [cls, cases] of byClass) {
    writeFileSync(join(out, `${cls}.json`), `${JSON.stringify(cases, null, 1)}\n`);
    for (const c of cases)
      for (const e of c.expected) {
        counts[e.class] = (counts[e.class] ?? 0) + 1;
        statuses[e.status] = (statuses[e.status] ?? 0) + 1;
        for (const r of e.reasons) reasons[r] = (reasons[r] ?? 0) + 1;
      }
  }
  const receiptsTotal = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`cases=${corpus.cases.length} receipts=${receiptsTotal}`);
  console.log('by class:', counts);
  console.log('by expected status:', statuses);
  console.log('reasons:', reasons);
  if (corpus.minHandChecked === undefined) return;
  const checkedByHand = corpus.cases.flatMap((s) => s.receipts).filter((r) => r.want).length;
  if (checkedByHand < corpus.minHandChecked) {
    throw new Error(`only ${checkedByHand} receipts carry hand-worked amounts`);
  }
  console.log(`receipts checked against hand-worked amounts: ${checkedByHand}`);
}
