import { CONSENT_TEXTS } from '@remed/core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, makeUser, TestClient, type TestContext } from '../../../test/harness.ts';
import { auditLog, consents, contracts, policies, programs } from '../../db/schema/index.ts';
import { claimsWorld } from '../claims/claims.fixtures.ts';

let world: Awaited<ReturnType<typeof claimsWorld>>;
let ctx: TestContext;
beforeAll(async () => {
  world = await claimsWorld();
  ctx = world.ctx;
});
afterAll(() => world.close());

/** The consent every registered person has: inserted as registration leaves it. */
async function registered(personId: string) {
  const id = ctx.deps.ids.uuid();
  await ctx.deps.database.db.insert(consents).values({
    id,
    insuredPersonId: personId,
    kind: 'data_processing',
    textVersion: CONSENT_TEXTS.data_processing.version,
    acceptedAt: ctx.clock.now(),
    method: 'registration',
    ip: '10.0.0.7',
    userAgent: 'test-browser',
  });
  return id;
}

async function employerUserFor(policyNumber: string) {
  const [row] = await ctx.deps.database.db
    .select({ holder: contracts.policyholderId })
    .from(policies)
    .innerJoin(programs, eq(programs.id, policies.programId))
    .innerJoin(contracts, eq(contracts.id, programs.contractId))
    .where(eq(policies.number, policyNumber));
  return (await loggedIn(ctx, ['policyholder_user'], { policyholderId: row!.holder })).client;
}

describe('the registry of consents', () => {
  it('shows what was consented to and how; the employer consent is withdrawn once and takes effect', async () => {
    const a = await world.withLetter();
    const b = await world.withLetter();
    const processing = await registered(a.insured.personId);
    const give = await a.client.request({
      method: 'PUT',
      url: '/api/me/consents/employer-sharing',
      payload: { accept: true },
      headers: { 'user-agent': 'Mozilla/5.0 test' },
    });
    expect(give.statusCode).toBe(200);
    const employer = await employerUserFor(a.insured.policyNumber);
    const before = (await employer.get('/api/employer/payouts')).json();
    expect(before.employees.map((e: { policyNumber: string }) => e.policyNumber)).toContain(
      a.insured.policyNumber,
    );
    expect(before.employees.map((e: { policyNumber: string }) => e.policyNumber)).not.toContain(
      b.insured.policyNumber,
    );

    const list = (await a.client.get('/api/me/personal-data/consents')).json();
    const sharing = list.find((c: { kind: string }) => c.kind === 'employer_sharing');
    const main = list.find((c: { kind: string }) => c.kind === 'data_processing');
    expect(main).toMatchObject({
      id: processing,
      method: 'registration',
      ip: '10.0.0.7',
      withdrawable: false,
    });
    expect(main.categories.join(' ')).toMatch(/Сведения о здоровье.*ст\. 10 152-ФЗ/);
    expect(sharing).toMatchObject({ method: 'account', userAgent: 'Mozilla/5.0 test', withdrawable: true });
    expect(sharing.consequences).toMatch(/работодатель сразу перестанет видеть/);

    const refused = await a.client.post(`/api/me/personal-data/consents/${processing}/withdraw`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('CONSENT_NOT_WITHDRAWABLE');
    expect((await b.client.post(`/api/me/personal-data/consents/${sharing.id}/withdraw`)).statusCode).toBe(
      404,
    );

    const first = await a.client.post(`/api/me/personal-data/consents/${sharing.id}/withdraw`);
    expect(first.statusCode).toBe(200);
    ctx.clock.advance(60_000);
    const second = await a.client.post(`/api/me/personal-data/consents/${sharing.id}/withdraw`);
    expect(second.json().withdrawnAt).toBe(first.json().withdrawnAt);
    const audit = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'consent.withdrawn'), eq(auditLog.entityId, sharing.id)));
    expect(audit).toHaveLength(1);
    const [row] = await ctx.deps.database.db.select().from(consents).where(eq(consents.id, sharing.id));
    expect(row).toMatchObject({ withdrawnMethod: 'account' });

    const after = (await employer.get('/api/employer/payouts')).json();
    expect(after.employees.map((e: { policyNumber: string }) => e.policyNumber)).not.toContain(
      a.insured.policyNumber,
    );
  });

  it('lets only the person and the admin read a person’s consents', async () => {
    const a = await world.withLetter();
    await registered(a.insured.personId);
    const clinic = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [world.clinic.id] })).client;
    expect((await clinic.get('/api/me/personal-data/consents')).statusCode).toBe(403);
    expect(
      (await clinic.get(`/api/admin/personal-data/persons/${a.insured.personId}/consents`)).statusCode,
    ).toBe(403);
    const admin = (await loggedIn(ctx, ['admin'])).client;
    const seen = await admin.get(`/api/admin/personal-data/persons/${a.insured.personId}/consents`);
    expect(seen.json()).toHaveLength(1);
    expect(
      (await admin.get(`/api/admin/personal-data/persons/${ctx.deps.ids.uuid()}/consents`)).statusCode,
    ).toBe(404);
    expect((await new TestClient(ctx.app).get('/api/me/personal-data/consents')).statusCode).toBe(401);
  });
});

describe('the log of views of health data', () => {
  it('records the console doctor and the clinic, not the person; each person sees only their own', async () => {
    const a = await world.withLetter();
    const b = await world.withLetter();
    const letter = (await a.client.get(`/api/letters/${a.letterId}`)).json();
    expect((await a.client.get('/api/me/personal-data/views')).json().items).toEqual([]);

    const doctorUser = await makeUser(ctx.deps, { roles: ['console_doctor'] });
    const doctor = new TestClient(ctx.app);
    await doctor.login(doctorUser.email);
    expect((await doctor.get(`/api/letters/${a.letterId}`)).statusCode).toBe(200);
    expect((await doctor.get(`/api/console/cases/${letter.caseId}`)).statusCode).toBe(200);
    const clinic = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [world.clinic.id] })).client;
    expect((await clinic.get(`/api/clinics/${world.clinic.id}/letters?q=${letter.number}`)).statusCode).toBe(
      200,
    );

    const mine = (await a.client.get('/api/me/personal-data/views')).json().items;
    expect(mine.map((v: { purpose: string }) => v.purpose)).toEqual([
      'Гарантийные письма клиники',
      'Рассмотрение обращения и выдача гарантийного письма',
      'Просмотр гарантийного письма',
    ]);
    expect(mine[2]).toMatchObject({
      viewerRole: 'Врач пульта',
      recordType: 'letter',
      recordLabel: letter.number,
    });
    expect(mine[0]).toMatchObject({ viewerRole: 'Сотрудник клиники', organisation: letter.clinic.name });
    const theirs = (await b.client.get('/api/me/personal-data/views')).json().items;
    expect(theirs.some((v: { recordLabel: string }) => v.recordLabel === letter.number)).toBe(false);

    const admin = (await loggedIn(ctx, ['admin'])).client;
    const byDoctor = (await admin.get(`/api/admin/personal-data/views?userId=${doctorUser.id}`)).json();
    expect(byDoctor.items).toHaveLength(2);
    expect(byDoctor.items[0]).toMatchObject({
      insuredPersonId: a.insured.personId,
      insuredName: letter.insuredName,
    });
    const page1 = (
      await admin.get(`/api/admin/personal-data/views?personId=${a.insured.personId}&limit=2`)
    ).json();
    expect(page1.items).toHaveLength(2);
    const page2 = (
      await admin.get(
        `/api/admin/personal-data/views?personId=${a.insured.personId}&limit=2&before=${page1.next}`,
      )
    ).json();
    expect(page2.items.map((v: { id: string }) => v.id)).not.toContain(page1.items[0].id);
    expect(page2.next).toBeNull();
    expect([...page1.items, ...page2.items]).toHaveLength(3);
    const future = await admin.get(
      `/api/admin/personal-data/views?personId=${a.insured.personId}&from=2030-01-01`,
    );
    expect(future.json().items).toEqual([]);
    expect((await admin.get('/api/admin/personal-data/views?before=yesterday')).statusCode).toBe(400);
    expect((await clinic.get('/api/admin/personal-data/views')).statusCode).toBe(403);
  });

  it('logs every row of a batch of concurrent reads, each committed before its answer', async () => {
    const a = await world.withLetter();
    const doctorUser = await makeUser(ctx.deps, { roles: ['console_doctor'] });
    const doctor = new TestClient(ctx.app);
    await doctor.login(doctorUser.email);
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => doctor.get(`/api/letters/${a.letterId}/export.json`)),
    );
    expect(answers.every((r) => r.statusCode === 200)).toBe(true);
    const admin = (await loggedIn(ctx, ['admin'])).client;
    const logged = (
      await admin.get(`/api/admin/personal-data/views?userId=${doctorUser.id}&limit=50`)
    ).json();
    expect(logged.items).toHaveLength(12);
    expect(new Set(logged.items.map((v: { purpose: string }) => v.purpose))).toEqual(
      new Set(['Печать или выгрузка гарантийного письма']),
    );
  });
});
