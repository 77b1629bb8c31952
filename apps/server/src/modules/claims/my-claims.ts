import type { ClaimView } from '@remed/core';
import { desc, eq } from 'drizzle-orm';
import { claims } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { claimViews } from './claim-view.ts';
import { insuredPersonOf, ownClaim } from './claims.queries.ts';

/** The insured person's receipts and what became of them, newest first. */
export async function listMyClaims(deps: AppDeps, actor: Actor): Promise<ClaimView[]> {
  const db = deps.database.db;
  const person = await insuredPersonOf(db, actor);
  const rows = await db
    .select()
    .from(claims)
    .where(eq(claims.insuredPersonId, person.id))
    .orderBy(desc(claims.createdAt));
  return claimViews(db, rows);
}

/** One of the person's own claims; another person's is not found. */
export async function showMyClaim(deps: AppDeps, actor: Actor, claimId: string): Promise<ClaimView> {
  const db = deps.database.db;
  const person = await insuredPersonOf(db, actor);
  return (await claimViews(db, [await ownClaim(db, person.id, claimId)]))[0]!;
}
