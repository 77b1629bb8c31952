import { PRICE_LIST_COLUMNS } from '@remed/core';
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
import { writeTable } from '../insurance/table-files.ts';
import { priceListTemplate, readPriceListFile } from './price-list-files.ts';

const HEADER = PRICE_LIST_COLUMNS.map((c) => c.title);

/** Whatever the file, the reader answers rows, a reason, or one of its typed refusals. */
async function read(content: Buffer, format: 'csv' | 'xlsx') {
  const r = await onlyTypedErrors(() => readPriceListFile(content, format), TABLE_REFUSALS);
  if (!r) return;
  if (!r.ok) {
    expect(r.message.length).toBeGreaterThan(0);
    return;
  }
  let previous = 1;
  for (const row of r.rows) {
    expect(row.line).toBeGreaterThan(previous);
    previous = row.line;
    for (const k of ['clinicCode', 'serviceCode', 'name', 'price'] as const) {
      expect(typeof row[k]).toBe('string');
      // Draft rows are stored as read: a NUL here would fail the import job's insert.
      expect(unstorable(row[k]), `${k} ${JSON.stringify(row[k])}`).toBe(false);
    }
  }
  return r.rows;
}

describe('price list files under random input', { timeout: 60_000 }, () => {
  it('CSV text of any shape: rows, a reason or a typed refusal, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(csvText(HEADER), async (text) => {
        await read(Buffer.from(text, 'utf8'), 'csv');
      }),
      FUZZ_RUNS,
    );
  });

  it('random bytes given as CSV or as XLSX', async () => {
    await fc.assert(
      fc.asyncProperty(noiseAsTable, async ({ bytes, format }) => {
        await read(bytes, format);
      }),
      FUZZ_RUNS,
    );
  });

  it('a damaged copy of the real template, in either format', async () => {
    const xlsx = await priceListTemplate('xlsx');
    const csv = await priceListTemplate('csv');
    await fc.assert(
      fc.asyncProperty(damaged(xlsx), async (b) => {
        await read(b, 'xlsx');
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(damaged(csv), async (b) => {
        await read(b, 'csv');
      }),
      { numRuns: 60 },
    );
  });

  it('reads any list written by the module’s own writer', async () => {
    const cell = anyText.filter((s) => !unstorable(s));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('csv' as const, 'xlsx' as const),
        fc.array(fc.tuple(cell, cell, cell, cell, cell), { minLength: 1, maxLength: 8 }),
        async (format, rows) => {
          const file = await writeTable(format, 'Прейскурант', HEADER, rows);
          const back = await read(file, format);
          if (!back) return;
          expect(back.length).toBeLessThanOrEqual(rows.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});
