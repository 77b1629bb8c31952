import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClinicWithRequisites, signatureCode } from '../../../test/edo-fixtures.ts';
import {
  createTestContext,
  loggedIn,
  makeOrganisations,
  makeProgram,
  TestClient,
  type TestContext,
} from '../../../test/harness.ts';
import { auditLog, programClinics, programs } from '../../db/schema/index.ts';
import { insertPublishedVersion } from '../price-lists/price-list-versions.queries.ts';

let ctx: TestContext;
let admin: Awaited<ReturnType<typeof loggedIn>>;
let insurer: Awaited<ReturnType<typeof loggedIn>>;
let programId: string;
let closedProgramId: string;

beforeAll(async () => {
  ctx = await createTestContext({ LOGIN_RATE_PER_MINUTE: '1000' });
  admin = await loggedIn(ctx, ['admin']);
  const orgs = await makeOrganisations(ctx.deps);
  ({ programId } = await makeProgram(ctx.deps, orgs, { name: 'Поликлиника', clinicsMayJoin: true }));
  ({ programId: closedProgramId } = await makeProgram(ctx.deps, orgs, { name: 'Стационар' }));
  insurer = await loggedIn(ctx, ['insurer_user'], { insurerId: orgs.insurer.id });
});
afterAll(() => ctx.close());

/** A registered clinic and its employee; optionally with the contract signed by both sides and prices. */
async function clinicWith(opts: { contract?: boolean; prices?: boolean } = {}) {
  const clinic = await makeClinicWithRequisites(ctx.deps);
  const staff = await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinic.id] });
  if (opts.contract) {
    const created = await staff.client.post(`/api/clinics/${clinic.id}/contracts`, {});
    const url = `/api/clinics/${clinic.id}/contracts/${created.json().id}`;
    for (const [who, email] of [
      [staff.client, staff.user.email],
      [admin.client, admin.user.email],
    ] as const) {
      const code = await signatureCode(ctx, who, url, email);
      const hash = (await who.get(url)).json().pdfSha256;
      const signed = await who.post(`${url}/sign`, { code, documentHash: hash, signerPost: 'Директор' });
      expect(signed.statusCode, signed.body).toBe(200);
    }
  }
  if (opts.prices)
    await insertPublishedVersion(ctx.deps.database.db, ctx.deps.ids, {
      clinicId: clinic.id,
      number: 1,
      effectiveFrom: '2026-01-01',
      at: ctx.clock.now(),
      rows: [['1.01', 'B01.047.001', 'Прием (осмотр, консультация) врача-терапевта первичный', 250_000]],
    });
  return { clinic, staff, base: `/api/clinics/${clinic.id}/programs` };
}

const joined = async (clinicId: string) =>
  (await ctx.deps.database.db.select().from(programClinics).where(eq(programClinics.clinicId, clinicId))).map(
    (r) => r.programId,
  );

describe('a clinic joins a reimbursement program itself', () => {
  it('sees the open programs and what joining needs, and joins once its contract is signed and it has prices', async () => {
    const { clinic, staff, base } = await clinicWith();
    const before = (await staff.client.get(base)).json();
    expect(before.ready).toEqual({ contractSigned: false, priceList: false });
    expect(before.programs.map((p: { id: string }) => p.id)).toContain(programId);
    expect(before.programs.map((p: { id: string }) => p.id)).not.toContain(closedProgramId);
    const refused = await staff.client.post(`${base}/${programId}/join`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('CONTRACT_REQUIRED');
    expect(await joined(clinic.id)).toEqual([]);
  });

  it('needs a price list too, then joins; joining twice changes nothing; leaving is audited', async () => {
    const noPrices = await clinicWith({ contract: true });
    const r = await noPrices.staff.client.post(`${noPrices.base}/${programId}/join`);
    expect(r.json().code).toBe('PRICE_LIST_REQUIRED');

    const { clinic, staff, base } = await clinicWith({ contract: true, prices: true });
    expect((await staff.client.get(base)).json().ready).toEqual({ contractSigned: true, priceList: true });
    expect((await staff.client.post(`${base}/${programId}/join`)).statusCode).toBe(200);
    expect((await staff.client.post(`${base}/${programId}/join`)).statusCode).toBe(200);
    expect(await joined(clinic.id)).toEqual([programId]);
    const list = (await staff.client.get(base)).json();
    expect(list.programs.find((p: { id: string }) => p.id === programId)).toMatchObject({
      joined: true,
      open: true,
    });

    expect((await staff.client.delete(`${base}/${programId}`)).statusCode).toBe(200);
    expect(await joined(clinic.id)).toEqual([]);
    const actions = (
      await ctx.deps.database.db.select().from(auditLog).where(eq(auditLog.entityId, programId))
    )
      .filter(
        (a) =>
          (a.after as { clinicId?: string } | null)?.clinicId === clinic.id ||
          (a.before as { clinicId?: string } | null)?.clinicId === clinic.id,
      )
      .map((a) => a.action);
    expect(actions).toEqual(['program.clinic_joined', 'program.clinic_left']);
  });

  it('cannot join a closed program, nor act for another clinic; other roles and strangers are refused', async () => {
    const a = await clinicWith({ contract: true, prices: true });
    const b = await clinicWith();
    expect((await a.staff.client.post(`${a.base}/${closedProgramId}/join`)).statusCode).toBe(404);
    expect((await b.staff.client.get(a.base)).statusCode).toBe(403);
    expect((await b.staff.client.post(`${a.base}/${programId}/join`)).statusCode).toBe(403);
    expect((await b.staff.client.delete(`${a.base}/${programId}`)).statusCode).toBe(403);
    expect(await joined(a.clinic.id)).toEqual([]);
    for (const role of ['insured', 'console_doctor', 'insurer_user'] as const) {
      const other = await loggedIn(ctx, [role]);
      expect((await other.client.get(a.base)).statusCode).toBe(403);
    }
    expect((await new TestClient(ctx.app).get(a.base)).statusCode).toBe(401);
    expect((await a.staff.client.get('/api/clinics/not-a-uuid/programs')).statusCode).toBe(400);
  });
});

describe('the insurer opens a program to clinics', () => {
  it('only its own programs, audited', async () => {
    const url = `/api/insurance/programs/${closedProgramId}/joining`;
    expect((await insurer.client.patch(url, { clinicsMayJoin: true })).statusCode).toBe(200);
    const [p] = await ctx.deps.database.db.select().from(programs).where(eq(programs.id, closedProgramId));
    expect(p!.clinicsMayJoin).toBe(true);
    const otherInsurer = await loggedIn(ctx, ['insurer_user'], {
      insurerId: (await makeOrganisations(ctx.deps)).insurer.id,
    });
    expect((await otherInsurer.client.patch(url, { clinicsMayJoin: false })).statusCode).toBe(404);
    const clinic = await clinicWith();
    expect((await clinic.staff.client.patch(url, { clinicsMayJoin: false })).statusCode).toBe(403);
    expect((await insurer.client.patch(url, { clinicsMayJoin: 'yes' })).statusCode).toBe(400);
    expect((await insurer.client.patch(url, { clinicsMayJoin: false })).statusCode).toBe(200);
    const audit = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, closedProgramId));
    expect(audit.map((a) => a.action)).toEqual(['program.joining_changed', 'program.joining_changed']);
  });
});
