import { z } from 'zod';

/**
 * The query fields many lists share: a period of days or months, its order, and paging. Each list keeps
 * its own page size, so the size is a parameter; the hints are the ones people see under the fields.
 */

/** A calendar day typed by a person, with the hint shown when it does not parse. */
export const isoDateInput = z.iso.date('Дата в формате ГГГГ-ММ-ДД');

/** A calendar month, YYYY-MM. */
export const monthInput = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Месяц в формате ГГГГ-ММ');

/** A period whose either end may be left open. */
export const optionalPeriod = <T extends z.ZodType>(day: T) => ({ from: day.optional(), to: day.optional() });

/** The refinement that refuses a period ending before it starts; the message stands under the end field. */
export const endNotBeforeStart = <S extends string, E extends string>(start: S, end: E) =>
  [
    // Takes any object so that a schema generic over its other fields can use it too.
    (v: object) => {
      const period = v as Partial<Record<S | E, string>>;
      const from = period[start];
      const to = period[end];
      return !from || !to || from <= to;
    },
    { message: 'Конец периода раньше начала', path: [end] },
  ] satisfies [unknown, unknown];

/** How many rows one page may ask for, and how many it gets when it does not say. */
export const pageLimit = (max: number, byDefault: number) =>
  z.coerce.number().int().min(1).max(max).default(byDefault);

/** Offset paging: how many rows to return and how many to skip. */
export const offsetPaging = (max: number, byDefault: number) => ({
  limit: pageLimit(max, byDefault),
  offset: z.coerce.number().int().min(0).default(0),
});
