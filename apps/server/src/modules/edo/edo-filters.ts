import { gte, lt, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** Moscow calendar days [from, to] as instants. */
export function period(column: PgColumn, from?: string, to?: string): SQL[] {
  const parts: SQL[] = [];
  if (from) parts.push(gte(column, new Date(`${from}T00:00:00+03:00`)));
  if (to) parts.push(lt(column, new Date(Date.parse(`${to}T00:00:00+03:00`) + 86_400_000)));
  return parts;
}

/** An ilike pattern that finds the text as typed: %, _ and \ match themselves. */
export const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
