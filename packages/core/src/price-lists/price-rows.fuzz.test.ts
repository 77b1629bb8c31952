import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INSURED_COLUMNS, mapInsuredHeader, validateInsuredRow } from '../insurance/insured-row.ts';
import { mapPriceListHeader, PRICE_LIST_COLUMNS } from './columns.ts';
import { parsePriceRub } from './price.ts';
import { checkPriceRow, validatePriceList } from './validate.ts';

const RUNS = { numRuns: 300 };
const cell = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.stringMatching(/^[AB]\d{2}\.\d{3}\.\d{3}$/),
  fc.stringMatching(/^-?\d{0,7}([.,]\d{0,3})?$/),
  fc.stringMatching(/^\d{2}\.\d{2}\.\d{4}$/),
  fc.constantFrom('', ' ', '∞', 'NaN', '1e308', '-0', '1 250,50 ₽', '0x10', '31.02.2026', 'М', 'ж'),
);
/** A header row: random cells mixed with the titles of the real columns. */
const headerRow = (columns: readonly { title: string }[], maxLength: number) =>
  fc.array(fc.oneof(cell, fc.constantFrom(...columns.map((c) => c.title))), { maxLength });
const holds = <T>(input: fc.Arbitrary<T>, check: (value: T) => void) =>
  fc.assert(fc.property(input, check), RUNS);
const priceRow = fc.record({
  clinicCode: cell,
  serviceCode: cell,
  name: cell,
  price: cell,
  note: fc.option(cell, { nil: undefined }),
});

describe('price list rows under random input', () => {
  it('a price reads as whole kopecks within the limit, or as a reason', () => {
    holds(cell, (text) => {
      const r = parsePriceRub(text);
      if (r.ok) expect(Number.isSafeInteger(r.kopecks) && r.kopecks >= 0).toBe(true);
      else expect(r.message.length).toBeGreaterThan(0);
    });
  });

  it('a row is checked into issues, never a crash; a row without errors has a price', () => {
    holds(priceRow, (input) => {
      const { row, issues } = checkPriceRow(input);
      for (const i of issues) expect(i.message.length).toBeGreaterThan(0);
      if (!issues.some((i) => i.severity === 'error')) expect(Number.isSafeInteger(row.price)).toBe(true);
    });
  });

  it('a whole list: every issue names a row of the list (or the list), duplicates included', () => {
    holds(fc.array(priceRow, { maxLength: 15 }), (rows) => {
      const lines = rows.map((r, n) => ({ ...r, line: n + 2 }));
      const check = validatePriceList(lines);
      for (const i of check.issues) expect(i.row === null || lines.some((l) => l.line === i.row)).toBe(true);
    });
  });

  it('any header maps to known columns or names the missing ones', () => {
    holds(headerRow(PRICE_LIST_COLUMNS, 10), (header) => {
      const r = mapPriceListHeader(header);
      if (r.ok) for (const i of Object.values(r.index)) expect(i).toBeLessThan(header.length);
      else expect(r.missing.length).toBeGreaterThan(0);
    });
  });
});

describe('insured list rows under random input', () => {
  const keys = INSURED_COLUMNS.map((c) => c.key);
  it('a row is a person with ISO dates or a list of issues', () => {
    holds(fc.dictionary(fc.constantFrom(...keys), cell), (raw) => {
      const r = validateInsuredRow(raw, '2026-11-20');
      if (!r.ok) {
        expect(r.issues.length).toBeGreaterThan(0);
        return;
      }
      expect(r.row.birthDate).toMatch(/^\d{4}-\d\d-\d\d$/);
      expect(r.row.validFrom <= r.row.validTo).toBe(true);
    });
  });

  it('any header maps or names the missing columns', () => {
    holds(headerRow(INSURED_COLUMNS, 12), (header) => {
      const r = mapInsuredHeader(header);
      if (!r.ok) expect(r.missing.length).toBeGreaterThan(0);
    });
  });
});
