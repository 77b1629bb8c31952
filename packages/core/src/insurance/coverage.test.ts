import { describe, expect, it } from 'vitest';
import { checkCoverage, coverageOf, type ProgramRules } from './coverage.ts';

const rules: ProgramRules = {
  coveredPrefixes: ['B01.', 'A04.', 'B03.016'],
  coveredCodes: ['A05.10.006'],
  exclusionPrefixes: ['B01.001.', 'A04.20.'],
  approvalPrefixes: ['A05.23.'],
  annualLimit: 5_000_000,
  groupLimits: [{ prefix: 'A04.', name: 'УЗИ', limit: 600_000 }],
  franchisePercent: 10,
};

describe('coverageOf', () => {
  it.each([
    ['B01.047.001', 'covered'],
    ['A05.10.006', 'covered'],
    ['B03.016.003', 'covered'],
    ['B01.001.001', 'excluded'],
    ['A04.20.001', 'excluded'],
    ['A05.23.009', 'needs_approval'],
    ['A06.09.007', 'not_covered'],
  ])('%s is %s', (code, verdict) => {
    expect(coverageOf(rules, code)).toBe(verdict);
  });
});

describe('checkCoverage', () => {
  it('totals, franchise and limits left', () => {
    const r = checkCoverage(
      rules,
      [
        { serviceCode: 'B01.047.001', price: 250_000, quantity: 1 },
        { serviceCode: 'A04.16.001', price: 340_000, quantity: 1 },
      ],
      { annual: 1_000_000, groups: { 'A04.': 100_000 } },
    );
    expect(r.total).toBe(590_000);
    expect(r.franchise).toBe(59_000);
    expect(r.insurerShare).toBe(531_000);
    expect(r.annualLeft).toBe(4_000_000);
    expect(r.groups[0]).toMatchObject({ used: 100_000, requested: 306_000, left: 500_000 });
    expect(r.overLimit).toBe(false);
    expect(r.allAllowed).toBe(true);
  });

  it('flags the annual limit and a group limit being exceeded', () => {
    const annual = checkCoverage(rules, [{ serviceCode: 'B01.047.001', price: 250_000, quantity: 2 }], {
      annual: 4_700_000,
      groups: {},
    });
    expect(annual.annualLeft).toBe(300_000);
    expect(annual.overLimit).toBe(true);
    const group = checkCoverage(rules, [{ serviceCode: 'A04.16.001', price: 340_000, quantity: 1 }], {
      annual: 0,
      groups: { 'A04.': 400_000 },
    });
    expect(group.overLimit).toBe(true);
  });

  it('needs the doctor approval for approval services and refuses excluded ones', () => {
    const lines = [{ serviceCode: 'A05.23.009', price: 790_000, quantity: 1 }];
    expect(checkCoverage(rules, lines, { annual: 0, groups: {} }).allAllowed).toBe(false);
    expect(checkCoverage(rules, lines, { annual: 0, groups: {} }, ['A05.23.009']).allAllowed).toBe(true);
    const excluded = checkCoverage(
      rules,
      [{ serviceCode: 'B01.001.001', price: 1, quantity: 1 }],
      { annual: 0, groups: {} },
      ['B01.001.001'],
    );
    expect(excluded.allAllowed).toBe(false);
  });

  it('treats a null limit as no limit and rounds the franchise half up', () => {
    const r = checkCoverage(
      { ...rules, annualLimit: null, franchisePercent: 5 },
      [{ serviceCode: 'B01.047.001', price: 10_010, quantity: 1 }],
      {
        annual: 99_999_999,
        groups: {},
      },
    );
    expect(r.annualLeft).toBeNull();
    expect(r.franchise).toBe(501);
    expect(r.overLimit).toBe(false);
  });
});
