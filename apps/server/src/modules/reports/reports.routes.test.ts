import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient as Client, loggedIn, type TestClient, type TestContext } from '../../../test/harness.ts';
import { insuredClient, makeVisit, PrintedReceipts, twoClinicsWorld } from '../../../test/visits.ts';
import { REPORT_COLUMNS, RUB_FORMAT } from './report-xlsx.ts';

const receipts = new PrintedReceipts();
let ctx: TestContext;
let clinicA: { id: string; inn: string };
let clinicB: { id: string; inn: string };
let userA: TestClient;
let userB: TestClient;

/** Receipts at A over three months (the test clock moves), and one at B that A must never see. */
beforeAll(async () => {
  let programId: string;
  ({ ctx, programId, clinicA, clinicB } = await twoClinicsWorld(receipts));
  const maria = await insuredClient(ctx, programId);
  const ivan = await insuredClient(ctx, programId);
  /** Moves the test clock; sessions of an earlier month have expired, so everyone signs in again. */
  const at = async (iso: string) => {
    ctx.clock.set(new Date(iso));
    for (const p of [maria, ivan]) await p.client.login(p.user!.email);
    return (await loggedIn(ctx, ['console_doctor'])).client;
  };
  const visit = (
    doctor: TestClient,
    insured: typeof maria,
    clinic: { id: string; inn: string },
    o: { extraItem?: boolean; sellerInn?: string } = {},
  ) => makeVisit(ctx, { doctor, receipts, insured, clinic, ...o });

  const sep = await at('2026-09-15T07:00:00Z');
  expect((await visit(sep, maria, clinicA)).status).toBe('approved');
  const oct = await at('2026-10-10T07:00:00Z');
  expect((await visit(oct, maria, clinicA, { extraItem: true })).status).toBe('partially_approved');
  expect((await visit(oct, ivan, clinicA)).status).toBe('approved');
  expect((await visit(oct, ivan, clinicB)).status).toBe('approved');
  const nov = await at('2026-11-20T07:00:00Z');
  expect((await visit(nov, ivan, clinicA, { sellerInn: '7700000000' })).status).toBe('rejected');

  userA = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinicA.id] })).client;
  userB = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinicB.id] })).client;
});
afterAll(() => ctx.close());

const report = (client: TestClient, clinicId: string, q = '') =>
  client.get(`/api/clinics/${clinicId}/reports/monthly${q}`);

describe('monthly report of a clinic', () => {
  it('counts patients, what they paid, reimbursement and cashback by the month of the receipt', async () => {
    const res = await report(userA, clinicA.id, '?from=2026-08&to=2026-11');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ clinic: { id: clinicA.id }, from: '2026-08', to: '2026-11' });
    expect(body.months).toEqual([
      { month: '2026-08', patients: 0, receipts: 0, paid: 0, reimbursed: 0, cashback: 0 },
      { month: '2026-09', patients: 1, receipts: 1, paid: 250_000, reimbursed: 250_000, cashback: 12_500 },
      // The shoe covers were paid but not reimbursed; cashback is on what matched the letter.
      { month: '2026-10', patients: 2, receipts: 2, paid: 501_500, reimbursed: 500_000, cashback: 25_000 },
      // A receipt from another seller: the patient came, no money was approved.
      { month: '2026-11', patients: 1, receipts: 0, paid: 0, reimbursed: 0, cashback: 0 },
    ]);
    // Two different people over the period, not 1 + 2 + 1.
    expect(body.total).toEqual({
      patients: 2,
      receipts: 3,
      paid: 751_500,
      reimbursed: 750_000,
      cashback: 37_500,
    });
  });

  it('by default covers the last twelve months up to the current one', async () => {
    const body = (await report(userA, clinicA.id)).json();
    expect(body).toMatchObject({ from: '2025-12', to: '2026-11' });
    expect(body.months).toHaveLength(12);
    expect(body.total.receipts).toBe(3);
  });

  it('refuses a reversed, too long or malformed period, naming the field', async () => {
    const cases: [string, string][] = [
      ['?from=2026-11&to=2026-09', 'from'],
      ['?from=2023-01&to=2026-11', 'from'],
      ['?from=2026-13', 'from'],
      ['?to=26-11', 'to'],
    ];
    for (const [q, field] of cases) {
      const res = await report(userA, clinicA.id, q);
      expect(res.statusCode, q).toBe(400);
      expect(Object.keys(res.json().details.fields)).toEqual([field]);
    }
  });

  it('exports a real workbook: header row, money as numbers in rubles with the ruble format', async () => {
    const res = await userA.get(`/api/clinics/${clinicA.id}/reports/monthly.xlsx?from=2026-09&to=2026-11`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="report-2026-09-2026-11.xlsx"; filename\*=UTF-8''/,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Отчёт')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...REPORT_COLUMNS]);
    expect(sheet.rowCount).toBe(5);
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(['октябрь 2026', 2, 2, 5015, 5000, 250]);
    const paid = sheet.getCell('D3');
    expect(typeof paid.value).toBe('number');
    expect(paid.numFmt).toBe(RUB_FORMAT);
    expect(sheet.getCell('F5').numFmt).toBe(RUB_FORMAT);
    expect((sheet.getRow(5).values as unknown[]).slice(1)).toEqual(['Итого', 2, 3, 7515, 7500, 375]);
    expect(wb.getWorksheet('Об отчёте')!.getCell('B1').value).toBe(
      (await report(userA, clinicA.id)).json().clinic.name,
    );
  });

  it('clinic B never reads clinic A’s report or its file; other roles 403, anonymous 401', async () => {
    const paths = ['reports/monthly', 'reports/monthly.xlsx'];
    for (const p of paths) {
      expect((await userB.get(`/api/clinics/${clinicA.id}/${p}`)).statusCode).toBe(403);
      for (const role of ['insured', 'console_doctor', 'insurer_user'] as const) {
        const c = (await loggedIn(ctx, [role])).client;
        expect((await c.get(`/api/clinics/${clinicA.id}/${p}`)).statusCode, role).toBe(403);
      }
      expect((await new Client(ctx.app).get(`/api/clinics/${clinicA.id}/${p}`)).statusCode).toBe(401);
    }
    const own = (await report(userB, clinicB.id, '?from=2026-10&to=2026-10')).json();
    expect(own.total).toMatchObject({ patients: 1, receipts: 1, paid: 250_000 });
    const admin = (await loggedIn(ctx, ['admin'])).client;
    expect((await report(admin, clinicA.id)).statusCode).toBe(200);
    expect((await report(admin, ctx.deps.ids.uuid())).statusCode).toBe(404);
  });
});
