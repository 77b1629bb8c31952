import { describe, expect, it } from 'vitest';
import { MONTH_NAMES, MONTH_SHORT_NAMES, monthShort, monthTitle } from './months.ts';

describe('months', () => {
  it.each([
    ['2026-01', 'январь 2026', 'янв 26'],
    ['2026-05', 'май 2026', 'май 26'],
    ['2026-11', 'ноябрь 2026', 'ноя 26'],
    ['2030-12', 'декабрь 2030', 'дек 30'],
  ])('%s is «%s», «%s» on an axis', (month, title, short) => {
    expect(monthTitle(month)).toBe(title);
    expect(monthShort(month)).toBe(short);
  });

  it('has twelve of each', () => {
    expect(MONTH_NAMES).toHaveLength(12);
    expect(MONTH_SHORT_NAMES).toHaveLength(12);
  });
});
