import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, type TestClient } from '../../../test/harness.ts';
import { auditLog, payouts } from '../../db/schema/index.ts';
import { setUpClaimsWorld, world } from '../claims/claims.fixtures.ts';

setUpClaimsWorld();
let admin: TestClient;
beforeAll(async () => {
  admin = (await loggedIn(world.ctx, ['admin'])).client;
});

const DAY = 24 * 3_600_000;
const posts = () => world.yookassa.requests.filter((r) => r.method === 'POST').length;
const searches = (payoutId: string) =>
  world.yookassa.requests.filter(
    (r) => r.path.startsWith('/v3/payouts/search') && r.path.includes(encodeURIComponent(payoutId)),
  ).length;

/**
 * Runs `fn` a day and more later by the service's clock, then comes back, so that sessions and letters made
 * at the test's own time stay valid for what follows.
 */
async function later<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  world.ctx.clock.advance(ms);
  try {
    return await fn();
  } finally {
    world.ctx.clock.advance(-ms);
  }
}

describe('a payout older than the provider keeps its key', () => {
  it('is looked up first and, unknown there, waits for a person instead of being created again', async () => {
    const { client, claim, payout } = await world.unsentPayout();
    const before = posts();
    await later(DAY + 60_000, async () => {
      await world.services().payouts.send(payout.id);
      expect(posts()).toBe(before);
      expect(searches(payout.id)).toBe(1);
      const [row] = await world.payoutsFor(claim.id);
      expect(row).toMatchObject({
        status: 'created',
        reviewReason: expect.stringMatching(/не знает эту выплату/),
      });
      // Neither another job nor the sweep sends it now.
      await world.services().payouts.send(payout.id);
      expect(await world.services().payouts.sweep()).toBe(0);
    });
    expect(posts()).toBe(before);
    expect((await client.get(`/api/me/claims/${claim.id}`)).json().status).toBe('payout_pending');

    const queue = await admin.get('/api/admin/payouts/review');
    expect(queue.statusCode).toBe(200);
    expect(queue.json().find((q: { id: string }) => q.id === payout.id)).toMatchObject({
      claimId: claim.id,
      amount: payout.amount,
      idempotenceKey: payout.idempotenceKey,
    });
    expect((await client.get('/api/admin/payouts/review')).statusCode).toBe(403);
    const url = `/api/admin/payouts/${payout.id}/review`;
    const vague = await admin.post(url, { outcome: 'not_paid', note: '' });
    expect(vague.statusCode).toBe(400);
    expect(vague.json().code).toBe('VALIDATION_FAILED');
    const decision = { outcome: 'not_paid', note: 'Выписка ЮKassa за 20.11: выплаты нет' };
    expect((await admin.post(url, decision)).statusCode).toBe(200);
    // The same request twice: the payout is decided once.
    const again = await admin.post(url, decision);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_STATE');
    expect((await client.get(`/api/me/claims/${claim.id}`)).json().status).toBe('payout_failed');
    const audit = await world.ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, payout.id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['payout.review_requested', 'payout.canceled']),
    );

    // The person retries: a new payout with a new key, paid once.
    expect((await client.post(`/api/me/claims/${claim.id}/retry-payout`)).statusCode).toBe(200);
    await world.pay(claim.id);
    expect((await client.get(`/api/me/claims/${claim.id}`)).json().status).toBe('paid');
    const rows = await world.payoutsFor(claim.id);
    expect(rows.map((r) => r.status).sort()).toEqual(['canceled', 'succeeded']);
    expect((await world.ledgerFor(claim.id)).filter((l) => l.kind === 'payout')).toHaveLength(1);
  });

  it('known to the provider, is reconciled from its answer: paid once, no second creation', async () => {
    const { client, claim, payout } = await world.unsentPayout();
    // The call reached the provider, but the process stopped before it stored the answer.
    await world.ctx.deps.payoutProvider.create({
      idempotenceKey: payout.idempotenceKey,
      amount: payout.amount,
      phone: payout.phone,
      bankId: payout.bankId,
      description: 'Возмещение',
      metadata: { claimId: claim.id, payoutId: payout.id },
    });
    // The provider has forgotten the key: a blind resend would have paid a second time.
    world.yookassa.expireKeys();
    const before = posts();
    const made = world.yookassa.payouts.size;
    await later(DAY + 60_000, () => world.services().payouts.send(payout.id));
    expect(posts()).toBe(before);
    expect(world.yookassa.payouts.size).toBe(made);
    expect(searches(payout.id)).toBe(1);
    expect((await client.get(`/api/me/claims/${claim.id}`)).json().status).toBe('paid');
    expect((await world.ledgerFor(claim.id)).filter((l) => l.kind === 'payout')).toHaveLength(1);
  });

  it('an accepted payout is polled by its id, never created again, however late its job', async () => {
    const { claim, payout } = await world.unsentPayout();
    world.yookassa.settleAfterMs = 60_000;
    try {
      await world.services().payouts.send(payout.id);
      expect((await world.payoutsFor(claim.id))[0]!.status).toBe('pending');
      const before = posts();
      await later(2 * DAY, () => world.services().payouts.send(payout.id));
      expect(posts()).toBe(before);
      expect(searches(payout.id)).toBe(0);
      expect((await world.payoutsFor(claim.id))[0]!.status).toBe('pending');
    } finally {
      world.yookassa.settleAfterMs = 0;
    }
  });

  it('the provider is down when asked: nothing is decided and the job tries again later', async () => {
    const { claim, payout } = await world.unsentPayout();
    world.yookassa.behaviour.failNext = 1;
    await later(DAY + 60_000, async () => {
      await expect(world.services().payouts.send(payout.id)).rejects.toThrow(/HTTP 500/);
      const [row] = await world.payoutsFor(claim.id);
      expect(row).toMatchObject({ status: 'created', reviewReason: null, attempts: 1 });
      await world.services().payouts.send(payout.id);
    });
    expect(
      (await world.ctx.deps.database.db.select().from(payouts).where(eq(payouts.id, payout.id)))[0]!
        .reviewReason,
    ).toMatch(/не знает/);
  });
});
