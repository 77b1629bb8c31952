import { sql } from 'drizzle-orm';
import { type DbOrTx, sqlRows } from '../db/client.ts';

/**
 * How long an import's worker may go without a sign of life before it is taken for dead. Workers renew it
 * with every progress write; the longest step without one (reading a large file, the final transaction) must
 * fit in it.
 */
const IMPORT_LEASE_SECONDS = 300;
/** Runs of one import before the sweep stops retrying it: a file that kills the worker every time. */
export const IMPORT_MAX_ATTEMPTS = 3;

/** The end of a lease taken now, by the database clock (workers on several machines must agree). */
export const leaseFromNow = () => sql`now() + ${`${IMPORT_LEASE_SECONDS} seconds`}::interval`;

/** The run's lease was taken by another run (the sweep found it dead) or its row is gone: it stops quietly. */
export class LeaseLost extends Error {
  constructor() {
    super('Загрузку продолжил другой обработчик');
    this.name = 'LeaseLost';
  }
}

export const IMPORT_GAVE_UP =
  'Загрузка несколько раз прервалась и не закончилась. Проверьте файл (не слишком ли он большой, открывается ли в Excel) и загрузите его снова или удалите эту загрузку.';

/** The database's clock, which leases are measured by. */
export async function databaseNow(db: DbOrTx): Promise<Date> {
  const [row] = await sqlRows<{ now: string }>(db, sql`select now()::text as now`);
  return new Date(row!.now);
}
