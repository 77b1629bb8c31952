import { INSURED_COLUMNS } from '@remed/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anyText,
  csvText,
  damaged,
  FUZZ_RUNS,
  noiseAsTable,
  onlyTypedErrors,
  TABLE_REFUSALS,
  unstorable,
} from '../../../test/fuzz.ts';
import { loadConfig } from '../../config.ts';
import { type InsuredFile, insuredRows } from './insured-import-check.ts';
import { insuredImportLimits } from './insured-import-limits.ts';
import { writeTable } from './table-files.ts';

const HEADER = INSURED_COLUMNS.map((c) => c.title);
const limits = insuredImportLimits(loadConfig({ NODE_ENV: 'test' }));

/** Every row is either a valid insured person or its list of issues; the file as a whole may be refused. */
async function read(content: Buffer, format: 'csv' | 'xlsx') {
  const file: InsuredFile = { content, format, limits, today: '2026-11-20' };
  const problems: string[] = [];
  const rows = await onlyTypedErrors(async () => {
    const all = [];
    for await (const r of insuredRows(file, (p) => problems.push(p))) all.push(r);
    return all;
  }, TABLE_REFUSALS);
  for (const p of problems) expect(p.length).toBeGreaterThan(0);
  for (const r of rows ?? []) {
    expect(Number.isInteger(r.line)).toBe(true);
    if (r.row) {
      expect(r.issues).toEqual([]);
      expect(r.row.birthDate).toMatch(/^\d{4}-\d\d-\d\d$/);
      for (const v of Object.values(r.row)) if (typeof v === 'string') expect(unstorable(v)).toBe(false);
    } else {
      expect(r.issues.length).toBeGreaterThan(0);
      for (const i of r.issues) expect(i.problem.length).toBeGreaterThan(0);
    }
  }
}

describe('insured list files under random input', { timeout: 60_000 }, () => {
  it('CSV text of any shape', async () => {
    await fc.assert(
      fc.asyncProperty(csvText(HEADER), async (text) => read(Buffer.from(text, 'utf8'), 'csv')),
      FUZZ_RUNS,
    );
  });

  it('random bytes given as CSV or as XLSX', async () => {
    await fc.assert(
      fc.asyncProperty(noiseAsTable, ({ bytes, format }) => read(bytes, format)),
      FUZZ_RUNS,
    );
  });

  it('a damaged copy of a real list, and any cells written by the module’s own writer', async () => {
    const real = await writeTable('xlsx', 'Застрахованные', HEADER, [INSURED_COLUMNS.map((c) => c.example)]);
    await fc.assert(
      fc.asyncProperty(damaged(real), (b) => read(b, 'xlsx')),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('csv' as const, 'xlsx' as const),
        fc.array(fc.array(anyText, { minLength: HEADER.length, maxLength: HEADER.length }), { maxLength: 6 }),
        async (format, rows) => read(await writeTable(format, 'Застрахованные', HEADER, rows), format),
      ),
      { numRuns: 60 },
    );
  });
});
