import type { Role, ViewPurpose, ViewRecordType } from '@remed/core';
import type { Database } from '../db/client.ts';
import { healthDataViews } from '../db/schema/index.ts';
import type { Actor } from './actor.ts';
import type { Clock } from './clock.ts';

interface ViewEntry {
  insuredPersonId: string;
  recordType: ViewRecordType;
  recordId: string;
  recordLabel?: string | null;
}

/** The role a reader acted in: the most specific of their roles that may read someone else's data. */
const ROLE_ORDER: readonly Role[] = [
  'console_doctor',
  'clinic_user',
  'insurer_user',
  'policyholder_user',
  'oms_rep',
  'admin',
];
const INSERT_CHUNK = 1000;
const FLUSH_AT = 500;

type Row = typeof healthDataViews.$inferInsert;

/**
 * Group commit: the rows of every request that reads within one turn of the event loop go to the database in one
 * insert, and each request answers only after that insert committed — so a view is never lost when the data was
 * shown, and a failed insert fails the read instead of leaving it unlogged.
 */
class ViewLogWriter {
  private pending: Row[] = [];
  private waiters: { resolve(): void; reject(e: unknown): void }[] = [];
  private scheduled = false;

  constructor(private readonly database: Database) {}

  write(rows: Row[]): Promise<void> {
    if (!rows.length) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.pending.push(...rows);
      this.waiters.push({ resolve, reject });
      if (this.pending.length >= FLUSH_AT) void this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const rows = this.pending.splice(0);
    const waiters = this.waiters.splice(0);
    if (!rows.length) return;
    try {
      for (let i = 0; i < rows.length; i += INSERT_CHUNK)
        await this.database.db.insert(healthDataViews).values(rows.slice(i, i + INSERT_CHUNK));
      for (const w of waiters) w.resolve();
    } catch (e) {
      for (const w of waiters) w.reject(e);
    }
  }
}

const writers = new WeakMap<Database, ViewLogWriter>();

function organisationOf(actor: Actor, role: Role, clinicName: string | undefined): string | null {
  const u = actor.user!;
  if (role === 'clinic_user') return clinicName ?? (u.clinics.map((c) => c.name).join(', ') || null);
  if (role === 'insurer_user') return u.insurer?.name ?? null;
  if (role === 'policyholder_user') return u.policyholder?.name ?? null;
  return null;
}

/**
 * Records that `actor` was shown these records of people's health data, for `purpose`. A person reading their own
 * data is not logged: a user with no role but `insured` can only ever reach their own records.
 */
export async function logHealthViews(
  deps: { database: Database; clock: Clock },
  actor: Actor,
  purpose: ViewPurpose,
  entries: readonly ViewEntry[],
  opts: { clinicName?: string } = {},
): Promise<void> {
  const u = actor.user;
  if (!u || !entries.length) return;
  const role = ROLE_ORDER.find((r) => u.roles.includes(r));
  if (!role) return;
  let writer = writers.get(deps.database);
  if (!writer) {
    writer = new ViewLogWriter(deps.database);
    writers.set(deps.database, writer);
  }
  const at = deps.clock.now();
  const organisation = organisationOf(actor, role, opts.clinicName);
  await writer.write(
    entries.map((e) => ({
      at,
      insuredPersonId: e.insuredPersonId,
      viewerUserId: u.id,
      viewerName: u.fullName,
      viewerRole: role,
      organisation,
      recordType: e.recordType,
      recordId: e.recordId,
      recordLabel: e.recordLabel ?? null,
      purpose,
      requestId: actor.requestId,
      ip: actor.ip,
    })),
  );
}
