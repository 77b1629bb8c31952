import { type HomeSummary, moscowDate } from '@remed/core';
import { count, eq, gt, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { auditLog, outboxMessages, sessions, users } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { itemsInForce } from '../price-lists/price-list-versions.queries.ts';

const one = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0;

/** Figures for the home page of each role the user has. */
export async function homeSummary(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  actor: Actor,
): Promise<HomeSummary> {
  const user = actor.user!;
  const db = deps.database.db;
  const now = deps.clock.now();
  const result: HomeSummary = {};
  if (user.roles.includes('admin')) result.admin = await adminFigures(db, now);
  if (user.roles.includes('clinic_user') && user.clinics.length) {
    const counts = await itemsInForce(
      db,
      moscowDate(now),
      user.clinics.map((c) => c.id),
    );
    result.clinics = user.clinics.map((c) => ({ ...c, priceItems: counts.get(c.id) ?? 0 }));
  }
  return result;
}

async function adminFigures(db: DbOrTx, now: Date): Promise<HomeSummary['admin']> {
  const dayStart = new Date(now);
  dayStart.setUTCHours(0, 0, 0, 0);
  return {
    users: await one(db.select({ n: count() }).from(users)),
    blockedUsers: await one(db.select({ n: count() }).from(users).where(isNotNull(users.blockedAt))),
    activeSessions: await one(db.select({ n: count() }).from(sessions).where(gt(sessions.expiresAt, now))),
    outboxPending: await one(
      db.select({ n: count() }).from(outboxMessages).where(eq(outboxMessages.status, 'pending')),
    ),
    auditToday: await one(db.select({ n: count() }).from(auditLog).where(gt(auditLog.at, dayStart))),
  };
}
