import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, timestamp, type UpdateDeleteAction, uuid } from 'drizzle-orm/pg-core';

/** Every table's key: a uuid the application makes (platform/ids.ts), never the database. */
export const id = () => uuid('id').primaryKey();

/** A moment in time; every timestamp keeps its time zone so the server's own zone never leaks in. */
export const at = <N extends string>(name: N) => timestamp(name, { withTimezone: true });

export const createdAt = () => at('created_at').notNull();
export const updatedAt = () => at('updated_at').notNull();

type ReferenceActions = { onDelete?: UpdateDeleteAction; onUpdate?: UpdateDeleteAction };

/** A reference that may be empty (or is emptied when its target goes, with `onDelete: 'set null'`). */
export const ref = <N extends string>(name: N, target: () => AnyPgColumn, actions?: ReferenceActions) =>
  uuid(name).references(target, actions);

/** A reference the row cannot exist without. */
export const requiredRef = <N extends string>(
  name: N,
  target: () => AnyPgColumn,
  actions?: ReferenceActions,
) => uuid(name).notNull().references(target, actions);

/** A CHECK that the column holds one of a closed list (the values are ours, never input). */
export const oneOf = (name: string, column: AnyPgColumn, values: readonly string[]) =>
  check(name, sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(','))})`);
