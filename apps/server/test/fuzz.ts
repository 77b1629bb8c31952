import fc from 'fast-check';
import { isAppError } from '../src/platform/errors.ts';

/** Bounded so the suite stays quick; a failure prints its seed and the shrunk input to replay it. */
export const FUZZ_RUNS = { numRuns: 120 };

/** Text as people and broken programs produce it: Unicode, raw code units, control characters, NUL. */
export const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', ' ', '\u0000', '\ufeff', '"', ';', '\r\n', '=1+1', '1 250,50', '00001', '\ud800', '∞'),
);

/** A CSV as a spreadsheet or a careless script writes it: a header, then rows with any cells and separators. */
export const csvText = (header: readonly string[]) =>
  fc
    .record({
      sep: fc.constantFrom(';', ',', '\t'),
      eol: fc.constantFrom('\r\n', '\n', '\r'),
      bom: fc.boolean(),
      header: fc.oneof<fc.Arbitrary<string[]>[]>(
        fc.constant([...header]),
        fc.shuffledSubarray([...header]),
        fc.array(anyText, { maxLength: 6 }),
      ),
      rows: fc.array(fc.array(anyText, { maxLength: header.length + 2 }), { maxLength: 12 }),
      quote: fc.boolean(),
    })
    .map(({ sep, eol, bom, header: h, rows, quote }) => {
      const cell = (c: string) => (quote ? `"${c.replace(/"/g, '""')}"` : c);
      const lines: string[][] = [h, ...rows];
      return `${bom ? '\ufeff' : ''}${lines.map((r) => r.map(cell).join(sep)).join(eol)}`;
    });

/** Bytes of a real file with some flipped, some cut off, or noise appended: what a damaged download looks like. */
export const damaged = (file: Buffer) =>
  fc
    .record({
      flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
      cut: fc.option(fc.nat(), { nil: null }),
      tail: fc.uint8Array({ maxLength: 64 }),
    })
    .map(({ flips, cut, tail }) => {
      const b = Buffer.from(file);
      for (const [at, v] of flips) b[at % b.length] = v;
      const kept = cut === null ? b : b.subarray(0, cut % (b.length + 1));
      return Buffer.concat([kept, Buffer.from(tail)]);
    });

/** The typed refusals a table file reader may give instead of rows. */
export const TABLE_REFUSALS = [
  'VALIDATION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'TABLE_UNREADABLE',
  'TABLE_TOO_MANY_ROWS',
  'TABLE_CELL_TOO_LONG',
  'TABLE_ROW_TOO_LONG',
  'TABLE_UNPACKED_TOO_LARGE',
] as const;

/** Runs a parser and lets through only the module's own typed refusals; anything else fails the property. */
export async function onlyTypedErrors<T>(run: () => Promise<T>, codes: readonly string[]): Promise<T | null> {
  try {
    return await run();
  } catch (e) {
    if (isAppError(e) && codes.includes(e.code) && e.message.length > 0) return null;
    throw e;
  }
}

/** Strings that PostgreSQL would refuse or mangle: NUL and unpaired surrogates. */
export const unstorable = (s: string) => /\0|\p{Cs}/u.test(s);

/** Random bytes sent as a table file in either format an upload takes. */
export const noiseAsTable = fc.record({
  bytes: fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)),
  format: fc.constantFrom('csv' as const, 'xlsx' as const),
});
