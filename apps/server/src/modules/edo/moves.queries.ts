import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import type { clinicContracts, clinicDocuments } from '../../db/schema/index.ts';

/**
 * Moves a contract or a document on only if its status is still the one read, so that two people acting at
 * once cannot both move it; false when someone else did first.
 */
export async function moveIfUnchanged<T extends typeof clinicContracts | typeof clinicDocuments>(
  tx: DbOrTx,
  table: T,
  read: { id: string; status: string },
  set: PgUpdateSetSource<T>,
  also?: SQL,
): Promise<boolean> {
  const moved = await tx
    .update(table)
    .set(set)
    .where(and(eq(table.id, read.id), sql`${table.status} = ${read.status}`, also))
    .returning({ id: table.id });
  return moved.length > 0;
}
