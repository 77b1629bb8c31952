import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TestClient as Client,
  loggedIn,
  makeClinic,
  type TestClient,
  type TestContext,
} from '../../../test/harness.ts';
import {
  insuredClient,
  makeVisit,
  PrintedReceipts,
  THERAPIST,
  twoClinicsWorld,
} from '../../../test/visits.ts';
import { sqlRows } from '../../db/client.ts';
import { auditLog, clinicRatingSnapshots, clinics, outboxMessages } from '../../db/schema/index.ts';
import { RATING_RECOMPUTE_QUEUE, requestRatingRecompute } from './rating-jobs.ts';
import { recomputeRatings } from './recompute-ratings.ts';

const receipts = new PrintedReceipts();
let ctx: TestContext;
let programId: string;
let clinicA: { id: string; inn: string };
let clinicB: { id: string; inn: string };
let doctor: TestClient;
let userA: TestClient;
let userB: TestClient;
let maria: Awaited<ReturnType<typeof insuredClient>>;
let ivan: Awaited<ReturnType<typeof insuredClient>>;
/** The stars of whichever of two simultaneous ratings won (the database decides, not the test). */
let raced = 0;
/** Stars 1…5 counted over the two ratings of clinic A: the first visit's 5 and the race's winner. */
const distribution = () => [1, 2, 3, 4, 5].map((n) => [5, raced].filter((s) => s === n).length);

beforeAll(async () => {
  ({ ctx, programId, clinicA, clinicB } = await twoClinicsWorld(receipts));
  doctor = (await loggedIn(ctx, ['console_doctor'])).client;
  userA = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinicA.id] })).client;
  userB = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinicB.id] })).client;
  maria = await insuredClient(ctx, programId);
  ivan = await insuredClient(ctx, programId);
});
afterAll(() => ctx.close());

const visit = (
  insured: typeof maria,
  clinic: { id: string; inn: string },
  o: { extraItem?: boolean; sellerInn?: string } = {},
) => makeVisit(ctx, { doctor, receipts, insured, clinic, ...o });

describe('visit ratings by the insured person', () => {
  it('rates an approved visit once, with a comment; the second time is refused', async () => {
    const claim = await visit(maria, clinicA);
    expect(claim.status).toBe('approved');
    const before = await maria.client.get(`/api/me/claims/${claim.id}/feedback`);
    expect(before.json()).toEqual({ canRate: true, canComplain: true, rating: null, complaint: null });

    const res = await maria.client.post(`/api/me/claims/${claim.id}/rating`, {
      stars: 5,
      comment: '  Врач выслушал и всё объяснил  ',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      canRate: false,
      rating: { stars: 5, comment: 'Врач выслушал и всё объяснил' },
    });
    const again = await maria.client.post(`/api/me/claims/${claim.id}/rating`, { stars: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CONFLICT');
    const [audit] = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'visit_rating.created'));
    expect(audit).toMatchObject({ after: { claimId: claim.id, clinicId: clinicA.id, stars: 5 } });
  });

  it('two ratings of one visit at the same moment: one wins', async () => {
    const claim = await visit(maria, clinicA);
    const both = await Promise.all([
      maria.client.post(`/api/me/claims/${claim.id}/rating`, { stars: 4 }),
      maria.client.post(`/api/me/claims/${claim.id}/rating`, { stars: 2 }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    raced = both[0]!.statusCode === 201 ? 4 : 2;
  });

  it('an insured person cannot rate or see the feedback of someone else’s visit', async () => {
    const claim = await visit(maria, clinicA);
    expect((await ivan.client.post(`/api/me/claims/${claim.id}/rating`, { stars: 1 })).statusCode).toBe(404);
    expect((await ivan.client.get(`/api/me/claims/${claim.id}/feedback`)).statusCode).toBe(404);
    expect(
      (await ivan.client.post(`/api/me/claims/${claim.id}/complaint`, { text: 'Чужая жалоба на клинику' }))
        .statusCode,
    ).toBe(404);
    expect((await maria.client.get(`/api/me/claims/${claim.id}/feedback`)).json().canRate).toBe(true);
  });

  it('a rejected receipt cannot be rated, but can be complained about', async () => {
    const claim = await visit(ivan, clinicA, { sellerInn: '7700000000' });
    expect(claim.status).toBe('rejected');
    const feedback = (await ivan.client.get(`/api/me/claims/${claim.id}/feedback`)).json();
    expect(feedback).toMatchObject({ canRate: false, canComplain: true });
    const res = await ivan.client.post(`/api/me/claims/${claim.id}/rating`, { stars: 3 });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('INVALID_STATE');
  });

  it('checks the stars and the comment, naming the field', async () => {
    const claim = await visit(maria, clinicB);
    for (const body of [{ stars: 0 }, { stars: 6 }, { stars: 4.5 }, {}]) {
      const res = await maria.client.post(`/api/me/claims/${claim.id}/rating`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.json().details.fields)).toEqual(['stars']);
    }
    const long = await maria.client.post(`/api/me/claims/${claim.id}/rating`, {
      stars: 4,
      comment: 'я'.repeat(1001),
    });
    expect(long.json().details.fields).toHaveProperty('comment');
  });

  it('only insured people rate; anonymous gets 401', async () => {
    const claim = await visit(maria, clinicB);
    for (const c of [doctor, userA, (await loggedIn(ctx, ['admin'])).client]) {
      expect((await c.post(`/api/me/claims/${claim.id}/rating`, { stars: 5 })).statusCode).toBe(403);
      expect((await c.get(`/api/me/claims/${claim.id}/feedback`)).statusCode).toBe(403);
    }
    const anonymous = new Client(ctx.app);
    expect((await anonymous.post(`/api/me/claims/${claim.id}/rating`, { stars: 5 })).statusCode).toBe(401);
  });
});

describe('complaints about a clinic', () => {
  let complaintId: string;

  it('the insured person files one complaint per receipt', async () => {
    const claim = await visit(ivan, clinicA, { extraItem: true });
    expect(claim.status).toBe('partially_approved');
    const short = await ivan.client.post(`/api/me/claims/${claim.id}/complaint`, { text: 'плохо' });
    expect(short.statusCode).toBe(400);
    expect(short.json().details.fields).toHaveProperty('text');
    const res = await ivan.client.post(`/api/me/claims/${claim.id}/complaint`, {
      text: 'На кассе заставили оплатить бахилы и не выдали справку',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      canComplain: false,
      complaint: { status: 'new', decisionReason: null },
    });
    complaintId = res.json().complaint.id;
    const twice = await ivan.client.post(`/api/me/claims/${claim.id}/complaint`, {
      text: 'Ещё раз о том же самом случае',
    });
    expect(twice.statusCode).toBe(409);
  });

  it('the console doctor sees it with the person and decides it once, with a reason', async () => {
    const list = await doctor.get('/api/console/complaints');
    expect(list.statusCode).toBe(200);
    const item = (list.json() as { id: string }[]).find((c) => c.id === complaintId);
    expect(item).toMatchObject({
      status: 'new',
      clinic: { id: clinicA.id },
      insuredName: 'Иванова Мария Петровна',
      receiptSum: 251_500,
    });
    const noReason = await doctor.post(`/api/console/complaints/${complaintId}/decision`, {
      justified: true,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details.fields).toHaveProperty('reason');
    const res = await doctor.post(`/api/console/complaints/${complaintId}/decision`, {
      justified: true,
      reason: 'Бахилы не входят в письмо, клиника взяла за них оплату',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'justified', decidedBy: expect.any(String) });
    const sms = await ctx.deps.database.db
      .select({ body: outboxMessages.body })
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, ivan.phone));
    expect(sms.map((m) => m.body)).toContainEqual(
      expect.stringMatching(/жалоба на клинику признана обоснованной/),
    );
    const again = await doctor.post(`/api/console/complaints/${complaintId}/decision`, {
      justified: false,
      reason: 'Передумал',
    });
    expect(again.statusCode).toBe(409);
    expect(
      (
        await doctor.post(`/api/console/complaints/${ctx.deps.ids.uuid()}/decision`, {
          justified: false,
          reason: 'Нет такой',
        })
      ).statusCode,
    ).toBe(404);
    const decided = (await doctor.get('/api/console/complaints?status=decided')).json() as { id: string }[];
    expect(decided.map((c) => c.id)).toContain(complaintId);
    expect(
      ((await doctor.get('/api/console/complaints')).json() as { id: string }[]).map((c) => c.id),
    ).not.toContain(complaintId);
  });

  it('the insured person sees the decision on the receipt', async () => {
    const [row] = await sqlRows<{ claim_id: string }>(
      ctx.deps.database.db,
      sql`select claim_id from clinic_complaints where id = ${complaintId}`,
    );
    const feedback = (await ivan.client.get(`/api/me/claims/${row!.claim_id}/feedback`)).json();
    expect(feedback.complaint).toMatchObject({
      status: 'justified',
      decisionReason: 'Бахилы не входят в письмо, клиника взяла за них оплату',
    });
  });

  it('only console doctors list and decide complaints', async () => {
    for (const c of [userA, maria.client, (await loggedIn(ctx, ['admin'])).client]) {
      expect((await c.get('/api/console/complaints')).statusCode).toBe(403);
      expect(
        (await c.post(`/api/console/complaints/${complaintId}/decision`, { justified: false, reason: 'Нет' }))
          .statusCode,
      ).toBe(403);
    }
    expect((await new Client(ctx.app).get('/api/console/complaints')).statusCode).toBe(401);
  });
});

describe('the clinic rating', () => {
  it('is recomputed from cashback, prices, visit ratings, complaints and extra services', async () => {
    const result = await recomputeRatings(ctx.deps);
    expect(result.clinics).toBeGreaterThanOrEqual(2);
    const res = await userA.get(`/api/clinics/${clinicA.id}/rating`);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ clinicId: clinicA.id, of: result.clinics });
    expect(view.rating).toBeGreaterThan(0);
    expect(view.place).toBeGreaterThanOrEqual(1);
    expect(view.components.cashback).toMatchObject({ percent: 5, score: 0.5 });
    expect(view.components.satisfaction).toMatchObject({ ratings: 2, average: (5 + raced) / 2 });
    expect(view.components.complaints).toMatchObject({ justified: 1 });
    // Compared line by line at A: four receipts, one with shoe covers not in the letter; the receipt of
    // another seller was rejected before any comparison and does not count.
    expect(view.components.extras).toMatchObject({ receipts: 4, withExtras: 1 });
    expect(view.components.complaints).toMatchObject({ visits: 4 });
    expect(view.components.price).toMatchObject({ codes: 1, index: 1 });
    expect(view.history).toEqual([{ day: '2026-11-20', rating: view.rating, place: view.place }]);
    const [row] = await ctx.deps.database.db.select().from(clinics).where(eq(clinics.id, clinicA.id));
    expect(Number(row!.rating)).toBe(view.rating);
    // B has no complaint and no extras: above A.
    const b = (await userB.get(`/api/clinics/${clinicB.id}/rating`)).json();
    expect(b.rating).toBeGreaterThan(view.rating);
    expect(b.place).toBeLessThan(view.place);
  });

  it('a second run the same day replaces the day’s snapshot and logs only what moved', async () => {
    const again = await recomputeRatings(ctx.deps);
    expect(again.changed).toBe(0);
    const rows = await ctx.deps.database.db
      .select()
      .from(clinicRatingSnapshots)
      .where(eq(clinicRatingSnapshots.clinicId, clinicA.id));
    expect(rows).toHaveLength(1);
    const logged = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'clinic_rating.recomputed'));
    expect(logged).toHaveLength(1);
  });

  it('the clinic sees counts and comments of its visits, never who wrote them', async () => {
    const res = await userA.get(`/api/clinics/${clinicA.id}/feedback`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ratings: { count: 2, average: (5 + raced) / 2, distribution: distribution() },
      complaints: { total: 1, pending: 0, justified: 1, unjustified: 0 },
      comments: [{ stars: 5, comment: 'Врач выслушал и всё объяснил' }],
    });
    expect(Object.keys(res.json().comments[0]).sort()).toEqual(['comment', 'createdAt', 'stars']);
    expect(res.body).not.toMatch(/Иванова|Мария|\+7916|claim/i);
  });

  it('clinic A never reads clinic B’s rating or feedback; other roles 403, anonymous 401', async () => {
    for (const path of ['rating', 'feedback']) {
      expect((await userB.get(`/api/clinics/${clinicA.id}/${path}`)).statusCode).toBe(403);
      expect((await userA.get(`/api/clinics/${clinicB.id}/${path}`)).statusCode).toBe(403);
      for (const c of [doctor, maria.client])
        expect((await c.get(`/api/clinics/${clinicA.id}/${path}`)).statusCode).toBe(403);
      expect((await new Client(ctx.app).get(`/api/clinics/${clinicA.id}/${path}`)).statusCode).toBe(401);
    }
    const admin = (await loggedIn(ctx, ['admin'])).client;
    expect((await admin.get(`/api/clinics/${clinicB.id}/rating`)).statusCode).toBe(200);
  });

  it('a clinic never computed yet has an empty rating view', async () => {
    const fresh = await makeClinic(ctx.deps, [['B01.047.001', THERAPIST, 2600]]);
    const user = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [fresh.id] })).client;
    expect((await user.get(`/api/clinics/${fresh.id}/rating`)).json()).toMatchObject({
      rating: null,
      place: null,
      components: null,
      history: [],
    });
  });

  it('events ask for a recomputation, debounced into at most two runs', async () => {
    const count = async () =>
      (
        await sqlRows<{ n: number }>(
          ctx.deps.database.db,
          sql`select count(*)::int as n from pgboss.job where name = ${RATING_RECOMPUTE_QUEUE}`,
        )
      )[0]!.n;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) await requestRatingRecompute(ctx.deps);
    expect((await count()) - before).toBeLessThanOrEqual(2);
  });
});
