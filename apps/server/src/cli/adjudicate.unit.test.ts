import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { adjudicateCommand } from './adjudicate.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => path.join(here, 'fixtures', name);
const LETTER = fixture('letter.json');
const RECEIPTS = [
  'receipt-1-fns-app.json',
  'receipt-2-aggregator.json',
  'receipt-3-export.json',
  'receipt-4-refund.json',
].map(fixture);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'remed-adjudicate-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
function tmpFile(name: string, content: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
}

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await adjudicateCommand(args, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
  });
  return { code, stdout, stderr };
}

const EXPECTED = [
  ['9282000100254567:11401', 'partially_approved', ['NOT_IN_LETTER', 'PRICE_CAPPED'], 250000, 15500],
  ['9282000100254567:11415', 'approved', [], 360000, 18000],
  ['9282000100254567:11430', 'partially_approved', ['QUANTITY_EXCEEDED'], 60000, 3000],
  ['9282000100254567:11431', 'rejected', ['NOT_A_SALE'], 0, 0],
  ['9282000100254567:11401', 'rejected', ['DUPLICATE_RECEIPT'], 0, 0],
];

type Printed = {
  receipt: string;
  status: string;
  reasons: string[];
  reimbursement: number;
  cashback: number;
};
const brief = (decisions: Printed[]) =>
  decisions.map((d) => [d.receipt, d.status, d.reasons, d.reimbursement, d.cashback]);

describe('remed adjudicate', () => {
  it('prints one §5.1 decision per receipt, carrying the letter state in order', async () => {
    const args = ['--letter', LETTER, ...[...RECEIPTS, RECEIPTS[0]!].flatMap((r) => ['--receipt', r])];
    const { code, stdout, stderr } = await run(args);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const decisions = JSON.parse(stdout) as Printed[];
    expect(brief(decisions)).toEqual(EXPECTED);
    expect(Object.keys(decisions[0]!)).toEqual([
      'receipt',
      'status',
      'reasons',
      'paid',
      'reimbursement',
      'cashback',
      'lines',
    ]);
    expect(decisions[0]).toMatchObject({
      paid: 311500,
      lines: [
        { item: 0, letterLine: 1, paid: 310000, approved: 250000, reason: 'PRICE_CAPPED' },
        { item: 1, letterLine: null, paid: 1500, approved: 0, reason: 'NOT_IN_LETTER' },
      ],
    });
  });

  it('accepts --flag=value', async () => {
    const { code } = await run([`--letter=${LETTER}`, `--receipt=${RECEIPTS[1]}`]);
    expect(code).toBe(0);
  });

  const notLetter = tmpFile('not-letter.json', JSON.stringify({ format: 'remed.guarantee-letter/v2' }));
  const badJson = tmpFile('bad.json', '{ "items": [');
  const notReceipt = tmpFile('not-receipt.json', JSON.stringify({ hello: 'world' }));
  const missing = path.join(tmp, 'missing.json');
  // The FNS app exports a whole list of receipts into one file.
  const several = path.resolve(
    here,
    '../../../../reference/receipts/09_fns_app_share_three_receipts_2022.json',
  );

  it.each([
    ['no arguments', [], 'укажите --letter'],
    ['no receipt', ['--letter', LETTER], 'хотя бы один --receipt'],
    ['no letter', ['--receipt', RECEIPTS[0]!], 'укажите --letter'],
    ['a flag without a value', ['--letter', LETTER, '--receipt'], 'после --receipt укажите файл'],
    ['an unknown flag', ['--letter', LETTER, '--receipt', RECEIPTS[0]!, '--fast'], 'неизвестный аргумент'],
    ['two letters', ['--letter', LETTER, '--letter', LETTER, '--receipt', RECEIPTS[0]!], 'дважды'],
    ['a missing letter file', ['--letter', missing, '--receipt', RECEIPTS[0]!], 'файл не найден'],
    ['a missing receipt file', ['--letter', LETTER, '--receipt', missing], 'файл не найден'],
    ['bad JSON', ['--letter', badJson, '--receipt', RECEIPTS[0]!], 'это не JSON'],
    ['not a letter', ['--letter', notLetter, '--receipt', RECEIPTS[0]!], 'это не гарантийное письмо'],
    [
      'a receipt given as the letter',
      ['--letter', RECEIPTS[0]!, '--receipt', RECEIPTS[0]!],
      'не гарантийное',
    ],
    ['not a receipt', ['--letter', LETTER, '--receipt', notReceipt], 'не кассовый чек'],
    ['a letter given as a receipt', ['--letter', LETTER, '--receipt', LETTER], 'не кассовый чек'],
    [
      'a file of several receipts',
      ['--letter', LETTER, '--receipt', several],
      'В файле 3 чека: загрузите по одному',
    ],
  ])('exits 2 with one line on stderr for %s', async (_title, args, message) => {
    const { code, stdout, stderr } = await run(args as string[]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('runs as `remed adjudicate` from the command line', { timeout: 60_000 }, () => {
    const bin = path.resolve(here, '../../bin/remed.js');
    const r = spawnSync(
      process.execPath,
      [bin, 'adjudicate', '--letter', LETTER, ...RECEIPTS.flatMap((f) => ['--receipt', f])],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(brief(JSON.parse(r.stdout) as Printed[])).toEqual(EXPECTED.slice(0, 4));
  });
});
