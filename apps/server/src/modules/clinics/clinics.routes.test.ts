import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, loggedIn, TestClient, type TestContext } from '../../../test/harness.ts';
import {
  clinicRequisites,
  partySuggestion,
  serveDirectory,
  validAccount,
  withWrongKey,
} from '../../../test/requisites.ts';
import { auditLog, clinics, userAgreements, userClinics } from '../../db/schema/index.ts';
import type { DadataSimulatorState } from '../../integrations/directory/dadata-simulator.ts';

let ctx: TestContext;
let directory: DadataSimulatorState;
beforeAll(async () => {
  ctx = await createTestContext({ LOGIN_RATE_PER_MINUTE: '1000' }, { jobs: 'off' });
  directory = await serveDirectory(ctx);
});
afterAll(() => ctx.close());

/** A clinic with full requisites, as if registered, and its employee signed in. */
async function clinicWithUser() {
  const requisites = clinicRequisites();
  const id = ctx.deps.ids.uuid();
  const { inn, ...rest } = requisites;
  await ctx.deps.database.db.insert(clinics).values({ id, inn, ...rest, phone: '+74951234567' });
  const { client, user } = await loggedIn(ctx, ['clinic_user'], { clinicIds: [id] });
  return { id, requisites, client, user };
}

describe('requisites of the selected clinic', () => {
  it('shows and changes them with the same checks, and audits what changed', async () => {
    const a = await clinicWithUser();
    const shown = await a.client.get(`/api/clinics/${a.id}/requisites`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ id: a.id, inn: a.requisites.inn, bik: '044525225' });

    const account = validAccount();
    const changed = await a.client.request({
      method: 'PUT',
      url: `/api/clinics/${a.id}/requisites`,
      payload: { ...a.requisites, settlementAccount: account, headName: 'Сидоров Пётр Ильич' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ settlementAccount: account, headName: 'Сидоров Пётр Ильич' });
    const [audit] = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'clinic.requisites_updated'), eq(auditLog.entityId, a.id)));
    expect(audit?.actorUserId).toBe(a.user.id);
    expect(audit?.before).toEqual({
      headName: a.requisites.headName,
      settlementAccount: a.requisites.settlementAccount,
    });
    expect(audit?.after).toEqual({ headName: 'Сидоров Пётр Ильич', settlementAccount: account });
  });

  it('names the wrong field and keeps the ИНН', async () => {
    const a = await clinicWithUser();
    const put = (body: object) =>
      a.client.request({ method: 'PUT', url: `/api/clinics/${a.id}/requisites`, payload: body });
    const wrongKey = await put({ ...a.requisites, settlementAccount: withWrongKey(validAccount()) });
    expect(wrongKey.statusCode).toBe(400);
    expect(Object.keys(wrongKey.json().details.fields)).toEqual(['settlementAccount']);
    const corr = await put({ ...a.requisites, correspondentAccount: '30101810400000000226' });
    expect(Object.keys(corr.json().details.fields)).toEqual(['correspondentAccount']);
    const otherInn = await put({ ...a.requisites, inn: clinicRequisites().inn });
    expect(otherInn.statusCode).toBe(400);
    expect(otherInn.json().details.fields.inn).toMatch(/ИНН изменить нельзя/);
  });

  it('is closed to another clinic, to other roles and to anonymous visitors', async () => {
    const a = await clinicWithUser();
    const b = await clinicWithUser();
    expect((await a.client.get(`/api/clinics/${b.id}/requisites`)).statusCode).toBe(403);
    const write = await a.client.request({
      method: 'PUT',
      url: `/api/clinics/${b.id}/requisites`,
      payload: { ...b.requisites, headName: 'Захватчиков Захар' },
    });
    expect(write.statusCode).toBe(403);
    const [still] = await ctx.deps.database.db.select().from(clinics).where(eq(clinics.id, b.id));
    expect(still?.headName).toBe(b.requisites.headName);

    for (const role of ['insured', 'console_doctor', 'insurer_user', 'policyholder_user'] as const) {
      const { client } = await loggedIn(ctx, [role]);
      expect((await client.get(`/api/clinics/${a.id}/requisites`)).statusCode).toBe(403);
    }
    expect((await new TestClient(ctx.app).get(`/api/clinics/${a.id}/requisites`)).statusCode).toBe(401);
    const { client: admin } = await loggedIn(ctx, ['admin']);
    expect((await admin.get(`/api/clinics/${a.id}/requisites`)).statusCode).toBe(200);
    expect((await a.client.get(`/api/clinics/${ctx.deps.ids.uuid()}/requisites`)).statusCode).toBe(403);
    expect((await a.client.get('/api/clinics/not-a-uuid/requisites')).statusCode).toBe(400);
  });
});

describe('a network: one login for several legal entities', () => {
  it('adds another legal entity, links it to the employee and records the agreement', async () => {
    const a = await clinicWithUser();
    const next = clinicRequisites();
    directory.registerParty(partySuggestion(next));
    const res = await a.client.post('/api/clinics', { ...next, userAgreement: true });
    expect(res.statusCode).toBe(200);
    const added = res.json();
    expect(added).toMatchObject({
      inn: next.inn,
      shortName: next.shortName,
      registeredAt: expect.any(String),
    });

    // The very next request knows the new clinic: the switcher lists it and its cabinet opens.
    const session = (await a.client.get('/api/auth/session')).json();
    expect(session.user.clinics.map((c: { id: string }) => c.id).sort()).toEqual([a.id, added.id].sort());
    expect((await a.client.get(`/api/clinics/${added.id}/requisites`)).statusCode).toBe(200);

    const db = ctx.deps.database.db;
    const [agreement] = await db.select().from(userAgreements).where(eq(userAgreements.clinicId, added.id));
    expect(agreement).toMatchObject({ userId: a.user.id, otpCodeId: null, confirmedContact: null });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'clinic.added_to_network'), eq(auditLog.entityId, added.id)));
    expect(audit?.after).toMatchObject({ directory: 'active', inn: next.inn });
  });

  it('never links an employee to a clinic that exists already, theirs or another’s', async () => {
    const a = await clinicWithUser();
    const b = await clinicWithUser();
    const other = await a.client.post('/api/clinics', { ...b.requisites, userAgreement: true });
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({
      code: 'CLINIC_ALREADY_REGISTERED',
      details: { fields: { inn: expect.stringMatching(/уже зарегистрирована/) } },
    });
    const links = await ctx.deps.database.db
      .select()
      .from(userClinics)
      .where(eq(userClinics.userId, a.user.id));
    expect(links.map((l) => l.clinicId)).toEqual([a.id]);
    expect((await a.client.get(`/api/clinics/${b.id}/requisites`)).statusCode).toBe(403);

    const own = await a.client.post('/api/clinics', { ...a.requisites, userAgreement: true });
    expect(own.statusCode).toBe(409);
    expect(own.json().details.fields.inn).toMatch(/уже есть в вашей сети/);
  });

  it('refuses a liquidating company and an unaccepted agreement', async () => {
    const a = await clinicWithUser();
    const closing = clinicRequisites();
    directory.registerParty(partySuggestion(closing, 'LIQUIDATING'));
    const res = await a.client.post('/api/clinics', { ...closing, userAgreement: true });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('COMPANY_INACTIVE');
    const unsigned = await a.client.post('/api/clinics', { ...clinicRequisites(), userAgreement: false });
    expect(unsigned.statusCode).toBe(400);
    expect(Object.keys(unsigned.json().details.fields)).toEqual(['userAgreement']);
  });

  it('is for clinic employees only', async () => {
    const body = { ...clinicRequisites(), userAgreement: true };
    expect((await new TestClient(ctx.app).post('/api/clinics', body)).statusCode).toBe(401);
    for (const role of ['admin', 'insured', 'insurer_user'] as const) {
      const { client } = await loggedIn(ctx, [role]);
      expect((await client.post('/api/clinics', body)).statusCode).toBe(403);
    }
    const rows = await ctx.deps.database.db.select().from(clinics).where(eq(clinics.inn, body.inn));
    expect(rows).toHaveLength(0);
  });
});
