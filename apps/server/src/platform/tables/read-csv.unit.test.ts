import { describe, expect, it } from 'vitest';
import { readCsv } from './read-csv.ts';
import type { TableLimits } from './table-limits.ts';
import { testLimits } from './tables.fixtures.ts';

async function rows(text: string | Buffer, limits: TableLimits = testLimits()) {
  const out: { line: number; cells: string[] }[] = [];
  for await (const r of readCsv(typeof text === 'string' ? Buffer.from(text) : text, limits)) out.push(r);
  return out;
}

async function refusal(promise: Promise<unknown>) {
  const e = (await promise.then(
    () => null,
    (err: unknown) => err,
  )) as { code: string; message: string } | null;
  if (!e) throw new Error('expected a refusal');
  return e;
}

describe('streaming CSV reader', () => {
  it('reads «;» or «,», quotes, a BOM, and numbers lines as the file does, skipping empty ones', async () => {
    expect(await rows('\uFEFFКод;Наименование\n1.01;"Приём; первичный"\n\n;;\n2.01; УЗИ \n')).toEqual([
      { line: 1, cells: ['Код', 'Наименование'] },
      { line: 2, cells: ['1.01', 'Приём; первичный'] },
      { line: 5, cells: ['2.01', 'УЗИ'] },
    ]);
    expect(await rows('a,b\n1,"2,5"\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2,5'] },
    ]);
  });

  it('reads Windows-1251 from Excel, and UTF-8 whose character is cut by the 64 KB chunk border', async () => {
    const cp1251 = Buffer.from([0xd4, 0xe0, 0xec, 0xe8, 0xeb, 0xe8, 0xff, 0x3b, 0xc8, 0xec, 0xff, 0x0a]);
    expect(await rows(cp1251)).toEqual([{ line: 1, cells: ['Фамилия', 'Имя'] }]);
    for (const pad of [0, 1, 2]) {
      const name = 'Ё'.repeat(40_000);
      const text = `${'x'.repeat(pad)};${name}\n`;
      expect(await rows(text)).toEqual([{ line: 1, cells: ['x'.repeat(pad), name] }]);
    }
  });

  it('refuses the row after the limit, a long cell, a runaway quote and a file over the size limit', async () => {
    const many = `${Array.from({ length: 30 }, (_, i) => `${i};строка`).join('\n')}\n`;
    const seen: number[] = [];
    const e = await refusal(
      (async () => {
        for await (const r of readCsv(Buffer.from(many), testLimits({ maxRows: 10 }))) seen.push(r.line);
      })(),
    );
    expect(e).toMatchObject({
      code: 'TABLE_TOO_MANY_ROWS',
      message: expect.stringMatching(/^В файле больше 10 строк/),
    });
    expect(seen).toHaveLength(11);
    expect(await rows(many, testLimits({ maxRows: 29 }))).toHaveLength(30);

    const cell = await refusal(rows(`a;b\n1;${'ж'.repeat(101)}\n`, testLimits({ maxCellChars: 100 })));
    expect(cell).toMatchObject({
      code: 'TABLE_CELL_TOO_LONG',
      message: expect.stringMatching(/^В строке 2 /),
    });
    const quote = await refusal(
      rows(`a;b\n1;"не закрыта\n${'2;3\n'.repeat(500)}`, testLimits({ maxRowChars: 1000 })),
    );
    expect(quote).toMatchObject({
      code: 'TABLE_ROW_TOO_LONG',
      message: expect.stringMatching(/^Строка 2 длиннее 1\s000 символов/),
    });
    const wide = await refusal(
      rows(`${Array.from({ length: 30 }, () => 'x').join(';')}\n`, testLimits({ maxColumns: 20 })),
    );
    expect(wide.code).toBe('TABLE_ROW_TOO_LONG');
    const big = await refusal(rows('a;b\n1;2\n', testLimits({ maxFileBytes: 4 })));
    expect(big.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
