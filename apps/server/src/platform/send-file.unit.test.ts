import { describe, expect, it } from 'vitest';
import { contentDisposition } from './send-file.ts';

describe('contentDisposition', () => {
  it('gives old clients an ASCII name and every browser the real Cyrillic one', () => {
    expect(contentDisposition('Проверка прейскуранта.xlsx')).toBe(
      `attachment; filename="_.xlsx"; filename*=UTF-8''${encodeURIComponent('Проверка прейскуранта.xlsx')}`,
    );
  });

  it('keeps a plain name as it is and cannot be broken out of by quotes or line breaks', () => {
    expect(contentDisposition('report-2026-11.xlsx', 'inline')).toBe(
      `inline; filename="report-2026-11.xlsx"; filename*=UTF-8''report-2026-11.xlsx`,
    );
    const header = contentDisposition('a"b\r\nSet-Cookie: x.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toMatch(/^attachment; filename="a_b_Set-Cookie_x.pdf"; /);
  });
});
