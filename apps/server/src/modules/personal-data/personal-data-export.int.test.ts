import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, TestClient, type TestContext } from '../../../test/harness.ts';
import { auditLog, claims, helpRequests, insuredPersons, payouts, users } from '../../db/schema/index.ts';
import { claimsWorld } from '../claims/claims.fixtures.ts';

let world: Awaited<ReturnType<typeof claimsWorld>>;
let ctx: TestContext;
let tmp: string;
beforeAll(async () => {
  world = await claimsWorld();
  ctx = world.ctx;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'remed-pd-'));
});
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await world.close();
});

function pdfText(content: Buffer): string {
  const file = path.join(tmp, `${ctx.deps.ids.uuid()}.pdf`);
  fs.writeFileSync(file, content);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ');
}

/** A person whose receipt for the therapist visit has been paid. */
async function withPaidClaim() {
  const w = await world.withLetter();
  const qr = world.tillReceipt([
    { name: 'Прием (осмотр, консультация) врача-терапевта первичный', price: 250_000 },
  ]);
  const claim = (
    await w.client.post('/api/me/claims', { letterId: w.letterId, qr, source: 'camera' })
  ).json();
  await world.pay(claim.id);
  return { ...w, claimId: claim.id as string };
}

describe('export of a person’s data', () => {
  it('gives the person their claims, letters and views as PDF and JSON, and nothing of anyone else', async () => {
    const a = await withPaidClaim();
    const b = await world.withLetter();
    const bLetter = (await b.client.get(`/api/letters/${b.letterId}`)).json();
    const aLetter = (await a.client.get(`/api/letters/${a.letterId}`)).json();
    await world.doctor.get(`/api/letters/${a.letterId}`);

    const json = await a.client.get('/api/me/personal-data/export.json');
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toMatch(
      /^attachment; .*filename\*=UTF-8''personal-data-2026-11-20\.json$/,
    );
    const data = json.json();
    expect(data.format).toBe('remed.personal-data/v1');
    expect(data.person.fullName).toBe('Иванова Мария Петровна');
    expect(data.letters.map((l: { number: string }) => l.number)).toEqual([aLetter.number]);
    expect(data.claims).toHaveLength(1);
    expect(data.claims[0]).toMatchObject({ id: a.claimId, status: 'paid', reimbursement: 250_000 });
    expect(data.claims[0].fiscal.fn).toBe('9282000100254567');
    expect(data.payouts[0]).toMatchObject({ status: 'succeeded' });
    expect(data.views.some((v: { purpose: string }) => v.purpose === 'Просмотр гарантийного письма')).toBe(
      true,
    );
    expect(json.body).not.toContain(bLetter.number);

    const pdf = await a.client.get('/api/me/personal-data/export.pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Сведения о персональных данных');
    expect(text).toContain('Иванова Мария Петровна');
    expect(text).toContain(aLetter.number);
    expect(text).toContain('2 500,00');
    expect(text).toContain('9282000100254567');
    expect(text).toContain('Кто смотрел ваши медицинские данные');
    expect(text).not.toContain(bLetter.number);

    const audit = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'personal_data.exported'));
    expect(audit.filter((r) => r.entityId === a.insured.personId)).toHaveLength(2);
  });

  it('lets the admin export a person on a written request, and logs it as a view', async () => {
    const a = await world.withLetter();
    const { client: admin, user } = await loggedIn(ctx, ['admin']);
    const url = `/api/admin/personal-data/persons/${a.insured.personId}/export.json`;
    const noBasis = await admin.get(url);
    expect(noBasis.statusCode).toBe(400);
    expect(noBasis.json().code).toBe('VALIDATION_FAILED');
    const ok = await admin.get(`${url}?basis=${encodeURIComponent('Заявление № 7 от 19.11.2026')}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().person.fullName).toBe('Иванова Мария Петровна');
    const views = (await a.client.get('/api/me/personal-data/views')).json().items;
    expect(views[0]).toMatchObject({
      purpose: 'Выгрузка всех данных по письменному запросу',
      viewerRole: 'Администратор',
    });
    const [audit] = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, user.id), eq(auditLog.action, 'personal_data.exported')));
    expect(audit).toMatchObject({ action: 'personal_data.exported' });
    expect(audit!.after).toMatchObject({ by: 'admin', basis: 'Заявление № 7 от 19.11.2026' });
    const clinic = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [world.clinic.id] })).client;
    expect((await clinic.get(`${url}?basis=abcdef`)).statusCode).toBe(403);
    expect((await a.client.get(`${url}?basis=abcdef`)).statusCode).toBe(403);
  });
});

describe('erasure', () => {
  it('is refused while a receipt is not yet paid, naming it', async () => {
    const w = await world.withLetter();
    const qr = world.tillReceipt([{ name: 'Общий (клинический) анализ крови развернутый', price: 75_000 }]);
    expect(
      (await w.client.post('/api/me/claims', { letterId: w.letterId, qr, source: 'camera' })).statusCode,
    ).toBe(201);
    await world.doctor.post(`/api/letters/${w.letterId}/cancel`, { reason: 'Лечение окончено' });
    const admin = (await loggedIn(ctx, ['admin'])).client;
    const refused = await admin.post(`/api/admin/personal-data/persons/${w.insured.personId}/erase`, {
      basis: 'Заявление № 10 от 20.11.2026',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().details.reasons).toEqual([
      expect.stringMatching(/^Чек от 20\.11\.2026 ещё не закрыт: /),
    ]);
    const [person] = await ctx.deps.database.db
      .select()
      .from(insuredPersons)
      .where(eq(insuredPersons.id, w.insured.personId));
    expect(person!.erasedAt).toBeNull();
  });

  it('is refused while a letter is in force, then pseudonymises and keeps the money', async () => {
    const a = await withPaidClaim();
    const letter = (await a.client.get(`/api/letters/${a.letterId}`)).json();
    const admin = (await loggedIn(ctx, ['admin'])).client;
    const url = `/api/admin/personal-data/persons/${a.insured.personId}/erase`;
    expect((await admin.post(url, { basis: '' })).statusCode).toBe(400);

    const refused = await admin.post(url, { basis: 'Заявление № 8 от 20.11.2026' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('ERASURE_BLOCKED');
    expect(refused.json().details.reasons).toEqual([
      `Гарантийное письмо № ${letter.number} действует до ${letter.validUntil.split('-').reverse().join('.')}`,
    ]);
    expect((await a.client.get('/api/me/personal-data/consents')).statusCode).toBe(200);

    expect(
      (await world.doctor.post(`/api/letters/${a.letterId}/cancel`, { reason: 'Лечение окончено' }))
        .statusCode,
    ).toBe(200);
    const done = await admin.post(url, { basis: 'Заявление № 8 от 20.11.2026' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ keptUntil: '2031-12-31', financialRecordsKept: 1 });

    const db = ctx.deps.database.db;
    const [person] = await db.select().from(insuredPersons).where(eq(insuredPersons.id, a.insured.personId));
    expect(person).toMatchObject({
      lastName: 'Обезличено',
      middleName: null,
      phone: null,
      email: null,
      payoutPhone: null,
      birthDate: '1985-01-01',
    });
    const [claim] = await db.select().from(claims).where(eq(claims.id, a.claimId));
    expect(claim).toMatchObject({
      reimbursement: 250_000,
      qrSum: 250_000,
      fn: '9282000100254567',
      status: 'paid',
    });
    const [payout] = await db.select().from(payouts).where(eq(payouts.claimId, a.claimId));
    expect(payout!.amount).toBe(262_500);
    expect(payout!.phone).toBe('+7********67');
    const [request] = await db
      .select()
      .from(helpRequests)
      .where(eq(helpRequests.insuredPersonId, a.insured.personId));
    expect(request!.complaint).toBe('[удалено по запросу]');
    const [user] = await db.select().from(users).where(eq(users.id, a.insured.user!.id));
    expect(user!.blockedAt).not.toBeNull();
    expect(user!.fullName).toBe('Обезличено');

    const login = await new TestClient(ctx.app).post('/api/auth/login', {
      login: a.insured.user!.email,
      password: a.insured.user!.password,
    });
    expect(login.statusCode).toBe(401);
    expect((await a.client.get('/api/me/personal-data/consents')).statusCode).toBe(401);
    const again = await admin.post(url, { basis: 'Заявление № 8 от 20.11.2026' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_STATE');
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'insured_person.erased'));
    expect(audit).toMatchObject({ entityId: a.insured.personId });
    const clinic = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [world.clinic.id] })).client;
    expect((await clinic.post(url, { basis: 'Заявление № 9' })).statusCode).toBe(403);
  });
});
