import { and, type Column, or, type SQL, sql } from 'drizzle-orm';
import { insuredPersons } from '../../db/schema/index.ts';

/** The insured person's full name with ё read as е, for searching: people type «Семенова» for «Семёнова». */
export const personNameForSearch = sql`translate(concat_ws(' ', ${insuredPersons.lastName}, ${insuredPersons.firstName}, ${insuredPersons.middleName}), 'ёЁ', 'еЕ')`;

/**
 * Every word of the query must appear in one of the columns, so «Иванова 0012» finds Иванова's policy
 * ДМС-0012345. Case and ё/е do not matter; %, _ and \ are taken literally.
 */
export function wordsSearch(q: string | undefined, columns: (SQL | Column)[]): SQL | undefined {
  const words = (q ?? '').replace(/ё/g, 'е').replace(/Ё/g, 'Е').split(/\s+/).filter(Boolean).slice(0, 6);
  if (!words.length) return undefined;
  return and(
    ...words.map((w) => {
      const like = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return or(...columns.map((c) => sql`${c} ilike ${like}`));
    }),
  );
}
