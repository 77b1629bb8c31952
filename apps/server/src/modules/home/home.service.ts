import { moscowDate } from '@remed/core';
import { count, eq, gt, isNotNull } from 'drizzle-orm';
import { auditLog, outboxMessages, sessions, users } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { itemsInForce } from '../price-lists/price-list-versions.queries.ts';

/** Figures for the home page of each role. */
export function homeService(deps: AppDeps) {
  const db = deps.database.db;
  const { clock } = deps;
  const one = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0;

  return {
    async summary(actor: Actor) {
      const user = actor.user!;
      const result: {
        admin?: {
          users: number;
          blockedUsers: number;
          activeSessions: number;
          outboxPending: number;
          auditToday: number;
        };
        clinics?: { id: string; name: string; priceItems: number }[];
      } = {};
      if (user.roles.includes('admin')) {
        const dayStart = new Date(clock.now());
        dayStart.setUTCHours(0, 0, 0, 0);
        result.admin = {
          users: await one(db.select({ n: count() }).from(users)),
          blockedUsers: await one(db.select({ n: count() }).from(users).where(isNotNull(users.blockedAt))),
          activeSessions: await one(
            db.select({ n: count() }).from(sessions).where(gt(sessions.expiresAt, clock.now())),
          ),
          outboxPending: await one(
            db.select({ n: count() }).from(outboxMessages).where(eq(outboxMessages.status, 'pending')),
          ),
          auditToday: await one(db.select({ n: count() }).from(auditLog).where(gt(auditLog.at, dayStart))),
        };
      }
      if (user.roles.includes('clinic_user') && user.clinics.length) {
        const counts = await itemsInForce(
          db,
          moscowDate(clock.now()),
          user.clinics.map((c) => c.id),
        );
        result.clinics = user.clinics.map((c) => ({
          ...c,
          priceItems: counts.get(c.id) ?? 0,
        }));
      }
      return result;
    },
  };
}

export type HomeService = ReturnType<typeof homeService>;
