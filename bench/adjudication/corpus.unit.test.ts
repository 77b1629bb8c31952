import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scoreRenderings, scoreVariants } from './renderings.ts';
import { scoreCorpus } from './score.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** Every letter and receipt of the corpus read, and nothing paid above what its labels allow. */
function expectAllReadNoneOverpaid(figures: ReturnType<typeof scoreCorpus>['figures']) {
  expect(figures.invalidInputs).toBe(0);
  expect(figures.overpaid).toEqual({ receipts: 0, rubles: 0 });
}

// The bar for the engine, held on our own labelled corpus of real price-list names: a change of
// the lexicon or the matching rules that pays for a wrong service, or sends clean receipts to people, fails.
describe('the adjudication engine on the labelled corpus', () => {
  const { figures } = scoreCorpus(join(here, 'corpus'));

  it('reads every letter and receipt', () => {
    expect(figures.invalidInputs).toBe(0);
    expect(figures.receipts).toBeGreaterThanOrEqual(300);
  });

  it('never pays more than the labels allow', () => {
    expect(figures.overpaid).toEqual({ receipts: 0, rubles: 0 });
  });

  it('decides at least 97 % right and 95 % of the receipts that need no person without one', () => {
    expect(figures.accuracy).toBeGreaterThanOrEqual(97);
    expect(figures.autoRate).toBeGreaterThanOrEqual(95);
  });
});

describe('the engine on till renderings of the real names', () => {
  const { total, counts } = scoreRenderings(join(here, 'names.json'));

  it('never matches a rendering to another line of the letter', () => {
    expect(total).toBeGreaterThan(2500);
    expect(counts.wrong_line).toBe(0);
  });

  it('recognises at least 95 % of them as their own line', () => {
    expect(counts.right / total).toBeGreaterThanOrEqual(0.95);
  });
});

// Built by another hand from nine other price lists, without looking at the engine (holdout/README.md).
describe('the adjudication engine on the held-out corpus', () => {
  const { figures } = scoreCorpus(join(here, 'holdout/corpus'));

  it('never pays more than the labels allow, and decides at least 95 % right', () => {
    expectAllReadNoneOverpaid(figures);
    expect(figures.accuracy).toBeGreaterThanOrEqual(95);
  });
});

// The third, built blind from six more lists on 2 December (holdout2/README.md).
describe('the adjudication engine on the second held-out corpus', () => {
  const { figures } = scoreCorpus(join(here, 'holdout2/corpus'));

  it('never pays more than the labels allow, and decides at least 97 % right', () => {
    expectAllReadNoneOverpaid(figures);
    expect(figures.accuracy).toBeGreaterThanOrEqual(97);
    expect(figures.autoRate).toBeGreaterThanOrEqual(95);
  });
});

describe('the engine on variants made from the real names', () => {
  it.each(['names.json', 'holdout/names.json'])('pays none of them as the original line (%s)', (file) => {
    const { total, paid } = scoreVariants(join(here, file));
    expect(total).toBeGreaterThan(1500);
    expect(paid).toEqual([]);
  });
});
