import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachClinics,
  TestClient as Client,
  createTestContext,
  loggedIn,
  makeClinic,
  makeInsured,
  makeOrganisations,
  makeProgram,
  type TestClient,
  type TestContext,
} from '../../../test/harness.ts';
import { auditLog, clinics } from '../../db/schema/index.ts';
import { recomputeRatings } from '../rating/recompute-ratings.ts';

const THERAPIST: [string, string, number] = [
  'B01.047.001',
  'Прием (осмотр, консультация) врача-терапевта первичный',
  2500,
];

let ctx: TestContext;
let programId: string;
let clinicA: { id: string; inn: string };
let clinicB: { id: string; inn: string };
let userA: TestClient;
let userB: TestClient;
let doctor: TestClient;

beforeAll(async () => {
  ctx = await createTestContext({ LOGIN_RATE_PER_MINUTE: '1000' });
  const orgs = await makeOrganisations(ctx.deps);
  ({ programId } = await makeProgram(ctx.deps, orgs));
  clinicA = await makeClinic(ctx.deps, [THERAPIST]);
  clinicB = await makeClinic(ctx.deps, [THERAPIST], { cashback: 4 });
  await attachClinics(ctx.deps, programId, [clinicA.id, clinicB.id]);
  userA = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinicA.id] })).client;
  userB = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinicB.id] })).client;
  doctor = (await loggedIn(ctx, ['console_doctor'])).client;
});
afterAll(() => ctx.close());

const url = (clinicId: string) => `/api/clinics/${clinicId}/cashback`;

/** A letter issued today at the clinic for a therapist visit, as the console doctor does it. */
async function letterAt(clinicId: string, by: TestClient = doctor) {
  const insured = await makeInsured(ctx.deps, programId);
  const req = await by.post('/api/console/requests', {
    policyNumber: insured.policyNumber,
    complaint: 'Болит горло',
  });
  const caseId = (await by.post(`/api/console/requests/${req.json().id}/case`)).json().id;
  const letter = await by.post(`/api/console/cases/${caseId}/letters`, {
    services: [{ serviceCode: 'B01.047.001', quantity: 1 }],
    approvedCodes: [],
    clinicId,
  });
  expect(letter.statusCode).toBe(201);
  return (await by.get(`/api/letters/${letter.json().id}`)).json() as { cashbackPercent: number };
}

describe('bonus program: cashback from a date', () => {
  it('a clinic outside the program has no cashback yet', async () => {
    const res = await userA.get(url(clinicA.id));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ today: '2026-11-20', current: null, scheduled: [], history: [] });
  });

  it('sets 7 % from today: applied at once, audited, frozen into the letters issued from now on', async () => {
    const before = await letterAt(clinicA.id);
    expect(before.cashbackPercent).toBe(0);
    const res = await userA.post(url(clinicA.id), { percent: 7, validFrom: '2026-11-20' });
    expect(res.statusCode).toBe(201);
    expect(res.json().current).toEqual({ percent: 7, validFrom: '2026-11-20', validTo: null });
    expect((await letterAt(clinicA.id)).cashbackPercent).toBe(7);
    const [audit] = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'clinic_cashback.scheduled'), eq(auditLog.entityId, clinicA.id)));
    expect(audit).toMatchObject({ before: null, after: { percent: 7, validFrom: '2026-11-20' } });
  });

  it('plans a change, lists it, and a letter keeps the percent of the day it was issued', async () => {
    const res = await userA.post(url(clinicA.id), { percent: 9, validFrom: '2026-12-01' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      current: { percent: 7, validFrom: '2026-11-20', validTo: '2026-11-30' },
      scheduled: [{ percent: 9, validFrom: '2026-12-01', validTo: null }],
      history: [{ percent: 7, validFrom: '2026-11-20' }],
    });
    expect((await letterAt(clinicA.id)).cashbackPercent).toBe(7);
    // The same day again replaces the plan instead of adding a second one.
    const again = await userA.post(url(clinicA.id), { percent: 8, validFrom: '2026-12-01' });
    expect(again.json().scheduled).toEqual([{ percent: 8, validFrom: '2026-12-01', validTo: null }]);
  });

  it('cancels a planned change, but not one in force or one that does not exist', async () => {
    await userA.post(url(clinicA.id), { percent: 10, validFrom: '2026-12-15' });
    const cancelled = await userA.delete(`${url(clinicA.id)}/2026-12-15`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().scheduled.map((s: { validFrom: string }) => s.validFrom)).toEqual(['2026-12-01']);
    const inForce = await userA.delete(`${url(clinicA.id)}/2026-11-20`);
    expect(inForce.statusCode).toBe(409);
    expect(inForce.json().code).toBe('INVALID_STATE');
    const missing = await userA.delete(`${url(clinicA.id)}/2026-12-20`);
    expect(missing.statusCode).toBe(404);
    const [audit] = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'clinic_cashback.cancelled'));
    expect(audit).toMatchObject({ entityId: clinicA.id, before: { percent: 10, validFrom: '2026-12-15' } });
  });

  it('a planned change applies on its day', async () => {
    const clinic = await makeClinic(ctx.deps, [THERAPIST], { cashback: 3 });
    await attachClinics(ctx.deps, programId, [clinic.id]);
    const admin = (await loggedIn(ctx, ['admin'])).client;
    expect((await admin.post(url(clinic.id), { percent: 6, validFrom: '2026-11-21' })).statusCode).toBe(201);
    expect((await letterAt(clinic.id)).cashbackPercent).toBe(3);
    ctx.clock.set(new Date('2026-11-21T06:00:00Z'));
    try {
      // Sessions of yesterday have expired by now: sign in again.
      const nextDoctor = (await loggedIn(ctx, ['console_doctor'])).client;
      const nextAdmin = (await loggedIn(ctx, ['admin'])).client;
      expect((await letterAt(clinic.id, nextDoctor)).cashbackPercent).toBe(6);
      expect((await nextAdmin.get(url(clinic.id))).json().current).toMatchObject({ percent: 6 });
    } finally {
      ctx.clock.set(new Date('2026-11-20T07:00:00Z'));
    }
  });

  it('refuses 1 %, 11 %, a fraction, a past date and a malformed date, naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ percent: 1, validFrom: '2026-11-25' }, 'percent'],
      [{ percent: 11, validFrom: '2026-11-25' }, 'percent'],
      [{ percent: 5.5, validFrom: '2026-11-25' }, 'percent'],
      [{ percent: 5, validFrom: '2026-11-19' }, 'validFrom'],
      [{ percent: 5, validFrom: '20.11.2026' }, 'validFrom'],
      [{ percent: 5, validFrom: '2028-01-01' }, 'validFrom'],
    ];
    for (const [body, field] of cases) {
      const res = await userA.post(url(clinicA.id), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.json().details.fields)).toEqual([field]);
    }
    const past = await userA.post(url(clinicA.id), { percent: 5, validFrom: '2026-11-19' });
    expect(past.json().details.fields.validFrom).toMatch(/20\.11\.2026/);
    expect((await userA.get(url(clinicA.id))).json().current.percent).toBe(7);
  });
});

describe('bonus program: who may see and change it', () => {
  it('a user of clinic B never reads or changes the cashback of clinic A', async () => {
    expect((await userB.get(url(clinicA.id))).statusCode).toBe(403);
    expect((await userB.post(url(clinicA.id), { percent: 2, validFrom: '2026-11-25' })).statusCode).toBe(403);
    expect((await userB.delete(`${url(clinicA.id)}/2026-12-01`)).statusCode).toBe(403);
    expect((await userA.get(url(clinicA.id))).json().scheduled).toHaveLength(1);
    expect((await userB.get(url(clinicB.id))).json().current).toMatchObject({ percent: 4 });
  });

  it('other roles get 403, anonymous 401; a bad or unknown clinic id is 400 or 404', async () => {
    for (const role of ['insured', 'console_doctor', 'insurer_user', 'policyholder_user'] as const) {
      const client = (await loggedIn(ctx, [role])).client;
      expect((await client.get(url(clinicA.id))).statusCode, role).toBe(403);
      expect((await client.post(url(clinicA.id), { percent: 5, validFrom: '2026-11-25' })).statusCode).toBe(
        403,
      );
    }
    const anonymous = new Client(ctx.app);
    expect((await anonymous.get(url(clinicA.id))).statusCode).toBe(401);
    expect((await anonymous.post(url(clinicA.id), { percent: 5, validFrom: '2026-11-25' })).statusCode).toBe(
      401,
    );
    expect((await userA.get(url('not-a-uuid'))).statusCode).toBe(400);
    const admin = (await loggedIn(ctx, ['admin'])).client;
    expect((await admin.get(url(ctx.deps.ids.uuid()))).statusCode).toBe(404);
    expect((await admin.get(url(clinicA.id))).statusCode).toBe(200);
  });
});

describe('the console ranking follows the bonus program', () => {
  it('puts a clinic with 7 % above an otherwise equal clinic with 3 %', async () => {
    const seven = await makeClinic(ctx.deps, [THERAPIST]);
    const three = await makeClinic(ctx.deps, [THERAPIST]);
    await attachClinics(ctx.deps, programId, [seven.id, three.id]);
    const network = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [seven.id, three.id] })).client;
    expect((await network.post(url(seven.id), { percent: 7, validFrom: '2026-11-20' })).statusCode).toBe(201);
    expect((await network.post(url(three.id), { percent: 3, validFrom: '2026-11-20' })).statusCode).toBe(201);
    await recomputeRatings(ctx.deps);
    const ratings = await ctx.deps.database.db
      .select({ id: clinics.id, rating: clinics.rating })
      .from(clinics);
    const rating = (id: string) => Number(ratings.find((r) => r.id === id)!.rating);
    expect(rating(seven.id)).toBeGreaterThan(rating(three.id));

    const insured = await makeInsured(ctx.deps, programId);
    const req = await doctor.post('/api/console/requests', {
      policyNumber: insured.policyNumber,
      complaint: 'Температура',
    });
    const caseId = (await doctor.post(`/api/console/requests/${req.json().id}/case`)).json().id;
    const res = await doctor.post(`/api/console/cases/${caseId}/clinics`, {
      services: [{ serviceCode: 'B01.047.001', quantity: 1 }],
    });
    expect(res.statusCode).toBe(200);
    const ranked = res.json() as {
      clinicId: string;
      cashbackPercent: number;
      total: number;
      score: number;
    }[];
    const high = ranked.findIndex((r) => r.clinicId === seven.id);
    const low = ranked.findIndex((r) => r.clinicId === three.id);
    expect(ranked[high]).toMatchObject({ cashbackPercent: 7, total: 250_000 });
    expect(ranked[low]).toMatchObject({ cashbackPercent: 3, total: 250_000 });
    expect(high).toBeLessThan(low);
    expect(ranked[high]!.score).toBeGreaterThan(ranked[low]!.score);
  });
});
