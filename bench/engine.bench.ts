/**
 * Adjudication engine throughput: N receipts of 5 items against one 5-line letter.
 * Run: npx tsx bench/engine.bench.ts [N]
 * The baseline is JSON.parse(JSON.stringify(receipt)) of the same receipt: a floor that any per-receipt
 * work costs, so the ratio shows how many "receipt copies" one adjudication is worth on this machine.
 */
import {
  adjudicateReceipt,
  clearServiceNameMemo,
  type FiscalReceipt,
  type GuaranteeLetter,
  guaranteeLetterSchema,
  initialState,
} from '@remed/core';
import { paidByCard } from './fiscal-receipt.ts';

const N = Number(process.argv[2] ?? 20_000);
const TARGET = 20_000;

const letter: GuaranteeLetter = guaranteeLetterSchema.parse({
  format: 'remed.guarantee-letter/v1',
  number: 'ГП-2026-000123',
  issuedAt: '2026-11-20T10:00:00+03:00',
  validFrom: '2026-11-20',
  validUntil: '2026-12-20',
  policyNumber: 'ДМС-0012345',
  insuredName: 'Иванова Мария Петровна',
  clinic: { inn: '7701234560', name: 'ООО «Клиника Здоровье»' },
  franchisePercent: 10,
  cashbackPercent: 5,
  remainingLimit: 5_000_000,
  items: [
    {
      line: 1,
      code: 'B01.047.001',
      clinicCode: '1.01',
      name: 'Прием (осмотр, консультация) врача-терапевта первичный',
      price: 250000,
      quantity: 1,
    },
    {
      line: 2,
      code: 'A04.16.001',
      name: 'Ультразвуковое исследование органов брюшной полости (комплексное)',
      price: 300000,
      quantity: 1,
    },
    { line: 3, name: 'Общий (клинический) анализ крови', price: 60000, quantity: 2 },
    { line: 4, name: 'Удаление зуба простое с анестезией', price: 400000, quantity: 1 },
    { line: 5, name: 'Массаж спины взрослый', price: 150000, quantity: 10 },
  ],
});

// Till names as they come: clinic codes, abbreviations, a code in brackets, a truncation, an extra.
const ITEMS = [
  { name: '1.01 Конс. терапевта перв.', price: 260000, quantity: 1, sum: 260000 },
  { name: '[A04.16.001] УЗИ органов брюшной полости', price: 300000, quantity: 1, sum: 300000 },
  { name: 'ОАК', price: 60000, quantity: 3, sum: 180000 },
  { name: 'Массаж спины взрослый', price: 150000, quantity: 1.5, sum: 225000 },
  { name: 'Бахилы', price: 1500, quantity: 1, sum: 1500 },
];

function receipt(i: number): FiscalReceipt {
  const items = ITEMS.map((it) => ({ ...it, nds: 6, paymentType: 4, productType: 4 }));
  return {
    fn: '9282000100254567',
    i,
    fp: 371532793 + i,
    operationType: 1,
    dateTime: '2026-11-25T10:30:00',
    userInn: '7701234560',
    user: 'ООО «Клиника Здоровье»',
    ...paidByCard(items),
  };
}

const receipts = Array.from({ length: N }, (_, k) => receipt(k + 1));
const state = initialState(letter);

function perSecond(work: (r: FiscalReceipt) => unknown): number {
  let sink = 0;
  for (const r of receipts.slice(0, Math.min(2_000, N))) sink += work(r) ? 1 : 0;
  const started = performance.now();
  for (const r of receipts) sink += work(r) ? 1 : 0;
  const seconds = (performance.now() - started) / 1000;
  if (sink < 0) console.log(sink);
  return N / seconds;
}

const first = adjudicateReceipt(letter, receipts[0]!, state);
console.log(
  `sample decision: ${first.decision.status} ${first.decision.reasons.join(',')} ${first.decision.reimbursement}`,
);

const cold = perSecond((r) => {
  clearServiceNameMemo();
  return adjudicateReceipt(letter, r, state).decision;
});
const engine = perSecond((r) => adjudicateReceipt(letter, r, state).decision);
const baseline = perSecond((r) => JSON.parse(JSON.stringify(r)));
const ratio = engine / baseline;
const round = (x: number) => Math.round(x);

console.log(`receipts: ${N}, 5 items each, letter of 5 lines`);
console.log(`engine:   ${round(engine)} receipts/s (target ≥ ${TARGET})`);
console.log(`engine, every item name normalised afresh: ${round(cold)} receipts/s`);
console.log(`baseline: ${round(baseline)} receipts/s (JSON.parse+JSON.stringify of the same receipt)`);
console.log(
  `engine_receipts_per_s=${round(engine)} baseline_per_s=${round(baseline)} ratio=${ratio.toFixed(3)}`,
);
