/** Russian month names in the nominative, as a report heading says them («ноябрь 2026»). */
export const MONTH_NAMES = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
] as const;

/** Three letters each, for chart axes. */
export const MONTH_SHORT_NAMES = [
  'янв',
  'фев',
  'мар',
  'апр',
  'май',
  'июн',
  'июл',
  'авг',
  'сен',
  'окт',
  'ноя',
  'дек',
] as const;

const monthIndex = (month: string) => Number(month.slice(5, 7)) - 1;

/** «2026-11» → «ноябрь 2026». */
export const monthTitle = (month: string) => `${MONTH_NAMES[monthIndex(month)]} ${month.slice(0, 4)}`;

/** «2026-11» → «ноя 26». */
export const monthShort = (month: string) => `${MONTH_SHORT_NAMES[monthIndex(month)]} ${month.slice(2, 4)}`;
