import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  clinicA,
  clinicB,
  ctx,
  doctor,
  newCase,
  orgs,
  PRICES,
  programId,
  republish,
  services,
  setUpConsoleWorld,
} from '../../../test/console-world.ts';
import {
  attachClinics,
  loggedIn,
  makeClinic,
  makeInsured,
  makeOrganisations,
  type TestClient,
} from '../../../test/harness.ts';
import { outboxMessages } from '../../db/schema/index.ts';

setUpConsoleWorld();

describe('coverage check', () => {
  it('says covered, excluded, needs approval and not covered, with the limit left', async () => {
    const { caseId } = await newCase();
    const res = await doctor.post(
      `/api/console/cases/${caseId}/coverage`,
      services('B01.047.001', 'B01.001.001', 'A05.23.009', 'A06.09.007'),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().lines.map((l: { verdict: string }) => l.verdict)).toEqual([
      'covered',
      'excluded',
      'needs_approval',
      'not_covered',
    ]);
    expect(res.json()).toMatchObject({ annualLimit: 1_000_000, annualLeft: 1_000_000, allAllowed: false });
  });

  it('refuses to issue a letter for excluded or unapproved services, and accepts an approved one', async () => {
    const { caseId } = await newCase();
    const excluded = await doctor.post(`/api/console/cases/${caseId}/letters`, {
      ...services('B01.001.001'),
      clinicId: clinicA.id,
    });
    expect(excluded.statusCode).toBe(422);
    expect(excluded.json().code).toBe('NOT_COVERED');
    const unapproved = await doctor.post(`/api/console/cases/${caseId}/letters`, {
      ...services('A05.23.009'),
      clinicId: clinicA.id,
    });
    expect(unapproved.json().code).toBe('NOT_COVERED');
    const approved = await doctor.post(`/api/console/cases/${caseId}/letters`, {
      ...services('A05.23.009'),
      approvedCodes: ['A05.23.009'],
      clinicId: clinicA.id,
    });
    expect(approved.statusCode).toBe(201);
  });

  it('refuses a letter over the annual limit, counting letters issued and releasing cancelled ones', async () => {
    const { caseId } = await newCase();
    const mri = await doctor.post(`/api/console/cases/${caseId}/letters`, {
      ...services('A05.23.009'),
      approvedCodes: ['A05.23.009'],
      clinicId: clinicA.id,
    });
    expect(mri.statusCode).toBe(201);
    const usi = await doctor.post(`/api/console/cases/${caseId}/letters`, {
      ...services('A04.16.001'),
      clinicId: clinicA.id,
    });
    expect(usi.statusCode).toBe(422);
    expect(usi.json()).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      details: { annualLeft: 210_000, insurerShare: 340_000 },
    });
    const blood = await doctor.post(`/api/console/cases/${caseId}/letters`, {
      ...services('B03.016.003'),
      clinicId: clinicA.id,
    });
    expect(blood.statusCode).toBe(201);
    expect((await doctor.get(`/api/console/cases/${caseId}`)).json().program.annualLeft).toBe(135_000);
    await doctor.post(`/api/letters/${mri.json().id}/cancel`, { reason: 'Пациент отказался от МРТ' });
    expect((await doctor.get(`/api/console/cases/${caseId}`)).json().program.annualLeft).toBe(925_000);
  });
});

describe('clinic ranking', () => {
  it('ranks by rating, price of the chosen services and cashback, and flags missing services', async () => {
    const { caseId } = await newCase();
    const partial = await makeClinic(ctx.deps, [PRICES[0]!], { rating: '9.9' });
    await attachClinics(ctx.deps, programId, [partial.id]);
    const res = await doctor.post(
      `/api/console/cases/${caseId}/clinics`,
      services('B01.047.001', 'B03.016.003'),
    );
    const ranked = res.json() as {
      clinicId: string;
      total: number;
      cashbackPercent: number;
      missing: string[];
    }[];
    const a = ranked.find((r) => r.clinicId === clinicA.id)!;
    const b = ranked.find((r) => r.clinicId === clinicB.id)!;
    expect(a).toMatchObject({ total: 325_000, cashbackPercent: 5, missing: [] });
    expect(b).toMatchObject({ total: 305_000, cashbackPercent: 3, missing: [] });
    expect(ranked.at(-1)).toMatchObject({ clinicId: partial.id, missing: ['B03.016.003'] });
    const outside = await makeClinic(ctx.deps, PRICES, { rating: '10.0', cashback: 10 });
    const again = (
      await doctor.post(`/api/console/cases/${caseId}/clinics`, services('B01.047.001'))
    ).json() as { clinicId: string }[];
    expect(again.some((r) => r.clinicId === outside.id)).toBe(false);
  });

  it('a higher cashback raises an otherwise equal clinic', async () => {
    const { caseId } = await newCase();
    const low = await makeClinic(ctx.deps, [PRICES[0]!], { rating: '7.0', cashback: 3 });
    const high = await makeClinic(ctx.deps, [PRICES[0]!], { rating: '7.0', cashback: 7 });
    await attachClinics(ctx.deps, programId, [low.id, high.id]);
    const ranked = (
      await doctor.post(`/api/console/cases/${caseId}/clinics`, services('B01.047.001'))
    ).json() as { clinicId: string }[];
    const order = ranked.map((r) => r.clinicId);
    expect(order.indexOf(high.id)).toBeLessThan(order.indexOf(low.id));
  });
});

describe('guarantee letter', () => {
  let letterId: string;
  let insuredClient: TestClient;

  it('freezes the clinic prices, notifies by e-mail with the PDF and shows in the insured app', async () => {
    const c = await newCase();
    insuredClient = c.client;
    const res = await doctor.post(`/api/console/cases/${c.caseId}/letters`, {
      ...services('B01.047.001', 'B03.016.003'),
      clinicId: clinicA.id,
      validDays: 30,
    });
    expect(res.statusCode).toBe(201);
    letterId = res.json().id;
    const letter = (await insuredClient.get(`/api/letters/${letterId}`)).json();
    expect(letter).toMatchObject({
      status: 'issued',
      validFrom: '2026-11-20',
      validUntil: '2026-12-20',
      total: 325_000,
      cashbackPercent: 5,
      franchisePercent: 0,
    });
    expect(letter.number).toMatch(/^ГП-2026-\d{6}$/);
    expect(letter.items.map((i: { code: string; price: number }) => [i.code, i.price])).toEqual([
      ['B01.047.001', 250_000],
      ['B03.016.003', 75_000],
    ]);

    // The clinic publishes a new price from today: the letter keeps the price it was issued with.
    await republish(clinicA.id, 'B01.047.001', '9 999,00', '2026-11-20');
    const after = (await insuredClient.get(`/api/letters/${letterId}`)).json();
    expect(after.items[0].price).toBe(250_000);
    expect(after.total).toBe(325_000);

    const person = (await insuredClient.get('/api/letters')).json();
    expect(person.map((l: { id: string }) => l.id)).toContain(letterId);
    const mails = await ctx.deps.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.channel, 'email'));
    const mail = mails.find((m) => m.subject?.includes(letter.number))!;
    expect(mail).toBeDefined();
    expect(mail.attachments).toEqual([
      expect.objectContaining({ filename: `${letter.number}.pdf`, contentType: 'application/pdf' }),
    ]);
    expect(mail.body).toContain('Итого: 3\u00a0250,00\u00a0₽');
  });

  it('renders a Cyrillic PDF whose totals equal the letter', async () => {
    const res = await insuredClient.get(`/api/letters/${letterId}/pdf`);
    expect(res.headers['content-type']).toBe('application/pdf');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remed-pdf-'));
    const file = path.join(dir, 'letter.pdf');
    fs.writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Гарантийное письмо № ГП-2026-');
    expect(text).toContain('Иванова Мария Петровна');
    expect(text).toContain('Прием (осмотр, консультация)');
    expect(text).toContain('врача-терапевта первичный');
    expect(text.replace(/\u00a0/g, ' ')).toMatch(/Итого\s+3 250,00 ₽/);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(dir, 'page')]);
    const png = fs.readdirSync(dir).find((f) => f.endsWith('.png'))!;
    expect(fs.statSync(path.join(dir, png)).size).toBeGreaterThan(10_000);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exports the letter as remed.guarantee-letter/v1', async () => {
    const res = await insuredClient.get(`/api/letters/${letterId}/export.json`);
    expect(res.json()).toMatchObject({
      format: 'remed.guarantee-letter/v1',
      issuedAt: '2026-11-20T10:00:00+03:00',
      validFrom: '2026-11-20',
      validUntil: '2026-12-20',
      clinic: { inn: clinicA.inn },
      franchisePercent: 0,
      cashbackPercent: 5,
      remainingLimit: expect.any(Number),
      items: [
        { line: 1, code: 'B01.047.001', clinicCode: '1.1', price: 250_000, quantity: 1 },
        { line: 2, code: 'B03.016.003', clinicCode: '1.2', price: 75_000, quantity: 1 },
      ],
    });
  });

  it('is visible only to its insured person, its clinic, the console and the insurer', async () => {
    const stranger = (await newCase()).client;
    expect((await stranger.get(`/api/letters/${letterId}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/letters/${letterId}/pdf`)).statusCode).toBe(404);
    expect((await stranger.get('/api/letters')).json().some((l: { id: string }) => l.id === letterId)).toBe(
      false,
    );
    const ownClinic = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinicA.id] })).client;
    const otherClinic = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinicB.id] })).client;
    expect((await ownClinic.get(`/api/letters/${letterId}`)).statusCode).toBe(200);
    expect((await otherClinic.get(`/api/letters/${letterId}`)).statusCode).toBe(404);
    expect(
      (await otherClinic.get('/api/letters'))
        .json()
        .every((l: { clinic: { id: string } }) => l.clinic.id === clinicB.id),
    ).toBe(true);
    const insurer = (await loggedIn(ctx, ['insurer_user'], { insurerId: orgs.insurer.id })).client;
    expect((await insurer.get(`/api/letters/${letterId}`)).statusCode).toBe(200);
    const otherOrgs = await makeOrganisations(ctx.deps);
    const otherInsurer = (await loggedIn(ctx, ['insurer_user'], { insurerId: otherOrgs.insurer.id })).client;
    expect((await otherInsurer.get(`/api/letters/${letterId}`)).statusCode).toBe(404);
    const employer = (await loggedIn(ctx, ['policyholder_user'], { policyholderId: orgs.policyholder.id }))
      .client;
    expect((await employer.get(`/api/letters/${letterId}`)).statusCode).toBe(403);
    expect((await insuredClient.get('/api/console/requests')).statusCode).toBe(403);
    expect((await ownClinic.post(`/api/letters/${letterId}/cancel`, { reason: 'попытка' })).statusCode).toBe(
      403,
    );
  });

  it('extends and cancels with a reason, audited; a cancelled letter cannot change again', async () => {
    const short = await doctor.post(`/api/letters/${letterId}/extend`, {
      validUntil: '2026-12-01',
      reason: 'раньше',
    });
    expect(short.json().code).toBe('VALIDATION_FAILED');
    const ext = await doctor.post(`/api/letters/${letterId}/extend`, {
      validUntil: '2027-01-15',
      reason: 'Запись к врачу на январь',
    });
    expect(ext.json()).toMatchObject({ validUntil: '2027-01-15', status: 'issued' });
    const cancel = await doctor.post(`/api/letters/${letterId}/cancel`, { reason: 'Выдано повторно' });
    expect(cancel.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Выдано повторно' });
    expect((await doctor.post(`/api/letters/${letterId}/cancel`, { reason: 'ещё раз' })).json().code).toBe(
      'INVALID_STATE',
    );
    const admin = (await loggedIn(ctx, ['admin'])).client;
    const audit = (await admin.get(`/api/admin/audit?entityType=guarantee_letter&entityId=${letterId}`))
      .json()
      .items.map((i: { action: string }) => i.action);
    expect(audit).toEqual([
      'guarantee_letter.cancelled',
      'guarantee_letter.extended',
      'guarantee_letter.issued',
    ]);
    const mails = await ctx.deps.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.channel, 'email'));
    expect(mails.some((m) => m.subject === `Гарантийное письмо ${cancel.json().number} отменено`)).toBe(true);
  });
});

describe('console basics', () => {
  it('finds services by misspelled name and by code prefix', async () => {
    const byName = (await doctor.get('/api/console/services?q=терапевт первичн')).json();
    expect(byName[0]).toMatchObject({ serviceCode: 'B01.047.001' });
    const yo = (await doctor.get(`/api/console/services?q=${encodeURIComponent('приём терапевта')}`)).json();
    expect(yo[0]).toMatchObject({ serviceCode: 'B01.047.001' });
    const typo = (await doctor.get(`/api/console/services?q=${encodeURIComponent('терапефта')}`)).json();
    expect(typo.map((s: { serviceCode: string }) => s.serviceCode)).toContain('B01.047.001');
    const byCode = (await doctor.get('/api/console/services?q=A04.16')).json();
    expect(byCode[0].serviceCode).toBe('A04.16.001');
    const icd = (await doctor.get('/api/console/icd10?q=J06')).json();
    expect(icd[0]).toEqual({ code: 'J06.9', name: 'Острая инфекция верхних дыхательных путей неуточнённая' });
  });

  it('records a diagnosis and refuses a malformed ICD-10 code', async () => {
    const { caseId } = await newCase();
    expect(
      (await doctor.patch(`/api/console/cases/${caseId}`, { icd10Code: 'j06.9', icd10Text: 'ОРВИ' }))
        .statusCode,
    ).toBe(200);
    expect((await doctor.get(`/api/console/cases/${caseId}`)).json()).toMatchObject({
      icd10Code: 'J06.9',
      icd10Text: 'ОРВИ',
    });
    const bad = await doctor.patch(`/api/console/cases/${caseId}`, { icd10Code: 'ОРВИ' });
    expect(bad.json().details.fields).toHaveProperty('icd10Code');
  });

  it('opening a case twice returns the same case; unknown policy is a field error', async () => {
    const insured = await makeInsured(ctx.deps, programId);
    const reqId = (
      await doctor.post('/api/console/requests', {
        policyNumber: insured.policyNumber,
        complaint: 'Звонок: болит спина',
      })
    ).json().id;
    const a = (await doctor.post(`/api/console/requests/${reqId}/case`)).json().id;
    const b = (await doctor.post(`/api/console/requests/${reqId}/case`)).json().id;
    expect(a).toBe(b);
    const unknown = await doctor.post('/api/console/requests', {
      policyNumber: 'НЕТ-ТАКОГО',
      complaint: 'что-то',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().details.fields).toHaveProperty('policyNumber');
  });
});
