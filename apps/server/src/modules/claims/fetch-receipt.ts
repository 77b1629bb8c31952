import { eq } from 'drizzle-orm';
import { claims } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { adjudicateLookup } from './adjudicate-receipt.ts';
import { runClaimEffects } from './claim-jobs.ts';
import { lockLetter } from './letter-lock.ts';

/**
 * The fetch job: asks the source again for a waiting claim; a slow or failing source never rejects it: it
 * waits, and a job asks again with a growing pause.
 */
export async function fetchReceipt(deps: AppDeps, claimId: string) {
  const db = deps.database.db;
  const [waiting] = await db.select().from(claims).where(eq(claims.id, claimId));
  if (waiting?.status !== 'waiting_receipt') return;
  const answer = await deps.receiptSource.lookup({
    dateTime: waiting.qrDateTime,
    sum: waiting.qrSum,
    fn: waiting.fn,
    i: waiting.fd,
    fp: waiting.fp,
    n: waiting.operationType,
  });
  const out = await db.transaction(async (tx) => {
    const locked = await lockLetter(tx, waiting.letterId);
    const [claim] = await tx.select().from(claims).where(eq(claims.id, claimId)).for('update');
    if (claim?.status !== 'waiting_receipt') return null;
    return adjudicateLookup(deps, tx, { locked, claim, isNew: false, audits: [] }, answer);
  });
  if (out) await runClaimEffects(deps, out.effects, claimId);
}
