/**
 * Scores the adjudication engine on the labelled corpus of real clinic service names (bench/adjudication).
 * Run: npx tsx bench/adjudication.bench.ts [--json] [--strict] [--corpus DIR]
 * A measurement: exits 0 whatever the score; with --strict it exits 1 when any receipt is overpaid.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreRenderings, scoreVariants } from './adjudication/renderings.ts';
import { type Expected, isRight, type Row, scoreCorpus } from './adjudication/score.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const corpusArg = args.indexOf('--corpus');
const here = dirname(fileURLToPath(import.meta.url));
const corpusDir = resolve(
  corpusArg >= 0 && args[corpusArg + 1] ? args[corpusArg + 1]! : join(here, 'adjudication/corpus'),
);
const renderings = scoreRenderings(join(here, 'adjudication/names.json'));
const variants = ['names.json', 'holdout/names.json'].map((f) =>
  scoreVariants(join(here, 'adjudication', f)),
);
const { figures, rows, right, statusRight, cleanToReview, clean, overpaid, overpaidKopecks, errors } =
  scoreCorpus(corpusDir);

const fmt = (d: Row['got'] | Expected | null) =>
  d ? `${d.status} [${d.reasons.join(',')}] ${d.reimbursement}/${d.cashback}` : 'invalid input';

const pctOf = (n: number) => Math.round((n / renderings.total) * 1000) / 10;

if (flag('--json')) {
  console.log(JSON.stringify({ ...figures, renderings, variants }, null, 2));
} else {
  console.log(`corpus: ${corpusDir}`);
  console.log(`cases: ${figures.cases}, receipts: ${figures.receipts}, invalid inputs: ${errors.length}`);
  console.log(`accuracy (status, reasons, reimbursement, cashback): ${figures.accuracy} % (${right.length})`);
  console.log(`status-only accuracy: ${figures.statusAccuracy} % (${statusRight.length})`);
  console.log(`auto rate (expected approved/partial/rejected decided without review): ${figures.autoRate} %`);
  console.log(
    `clean receipts sent to review: ${cleanToReview.length} of ${clean.length} (${figures.cleanToReview.percent} %)`,
  );
  console.log(
    `overpaid receipts: ${overpaid.length}, overpaid total: ${(overpaidKopecks / 100).toFixed(2)} ₽`,
  );
  for (const [cls, c] of Object.entries(figures.byClass))
    console.log(`  ${cls}: ${c.right}/${c.receipts} right (${c.accuracy} %)`);
  if (figures.wrong.length > 0) {
    console.log('\nwrong receipts (case #receipt | expected | got | first item):');
    for (const w of rows.filter((r) => !isRight(r))) {
      console.log(`${w.caseId} #${w.index} | ${fmt(w.expected)} | ${w.error ?? fmt(w.got)} | ${w.item}`);
    }
  }
  const c = renderings.counts;
  console.log(
    `\ntill renderings of the real names: ${renderings.total}; own line ${pctOf(c.right)} %, wrong line ${c.wrong_line}, ` +
      `to a person ${pctOf(c.near_miss + c.ambiguous + c.unidentified)} %, not in letter ${c.not_in_letter}`,
  );
  for (const w of renderings.wrong) console.log(`  wrong line: «${w.till}» (${w.name}) → ${w.got}`);
  const made = variants.reduce((n, v) => n + v.total, 0);
  const paid = variants.flatMap((v) => v.paid);
  console.log(
    `other variants made from the real names of both corpora: ${made}; paid as the original line: ${paid.length}`,
  );
  for (const p of paid) console.log(`  paid: «${p.till}» as «${p.name}»`);
  console.log(
    `\nadjudication_accuracy=${figures.accuracy} status_accuracy=${figures.statusAccuracy} auto_rate=${figures.autoRate} clean_to_review=${cleanToReview.length} overpaid=${overpaid.length} overpaid_rub=${(overpaidKopecks / 100).toFixed(2)}`,
  );
}

process.exitCode = flag('--strict') && overpaid.length > 0 ? 1 : 0;
