import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachClinics,
  createTestContext,
  loggedIn,
  makeClinic,
  makeInsured,
  makeOrganisations,
  makeProgram,
  TestClient,
  type TestContext,
} from '../../../test/harness.ts';
import { auditLog, guaranteeLetters, insuredPersons } from '../../db/schema/index.ts';

const PRICES: [string, string, number][] = [
  ['B01.047.001', 'Прием (осмотр, консультация) врача-терапевта первичный', 2500],
  ['B03.016.003', 'Общий (клинический) анализ крови развернутый', 750],
];

let ctx: TestContext;
let doctor: TestClient;
let userA: TestClient;
let programId: string;
let clinicA: { id: string };
let clinicB: { id: string };
const letters: Record<'active' | 'cancelled' | 'expired' | 'other', { id: string; number: string }> =
  {} as never;
let yoPolicy: string;

async function issue(clinicId: string, lastName?: string) {
  const insured = await makeInsured(ctx.deps, programId);
  if (lastName)
    await ctx.deps.database.db
      .update(insuredPersons)
      .set({ lastName })
      .where(eq(insuredPersons.id, insured.personId));
  const reqId = (
    await doctor.post('/api/console/requests', { policyNumber: insured.policyNumber, complaint: 'Горло' })
  ).json().id;
  const caseId = (await doctor.post(`/api/console/requests/${reqId}/case`)).json().id;
  const res = await doctor.post(`/api/console/cases/${caseId}/letters`, {
    services: [{ serviceCode: 'B01.047.001', quantity: 1 }],
    approvedCodes: [],
    clinicId,
  });
  const id = res.json().id as string;
  const { number } = (await doctor.get(`/api/letters/${id}`)).json();
  return { id, number: number as string, policy: insured.policyNumber };
}

beforeAll(async () => {
  // The test clock reads 20.11.2026, 10:00 in Moscow.
  ctx = await createTestContext({ LOGIN_RATE_PER_MINUTE: '1000' });
  const orgs = await makeOrganisations(ctx.deps);
  ({ programId } = await makeProgram(ctx.deps, orgs));
  clinicA = await makeClinic(ctx.deps, PRICES);
  clinicB = await makeClinic(ctx.deps, PRICES);
  await attachClinics(ctx.deps, programId, [clinicA.id, clinicB.id]);
  doctor = (await loggedIn(ctx, ['console_doctor'])).client;
  const yo = await issue(clinicA.id, 'Семёнова');
  letters.active = yo;
  yoPolicy = yo.policy;
  letters.cancelled = await issue(clinicA.id);
  await doctor.post(`/api/letters/${letters.cancelled.id}/cancel`, { reason: 'Пациент отказался' });
  letters.expired = await issue(clinicA.id);
  // Issued at 01:30 on 6 October in Moscow, which is still 5 October in UTC; ended on 1 November.
  await ctx.deps.database.db
    .update(guaranteeLetters)
    .set({ issuedAt: new Date('2026-10-05T22:30:00Z'), validFrom: '2026-10-06', validUntil: '2026-11-01' })
    .where(eq(guaranteeLetters.id, letters.expired.id));
  letters.other = await issue(clinicB.id);
  userA = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinicA.id] })).client;
});
afterAll(() => ctx.close());

const numbers = (res: { json(): { items: { number: string }[] } }) => res.json().items.map((l) => l.number);
const list = (query = '', client = userA, clinicId = clinicA.id) =>
  client.get(`/api/clinics/${clinicId}/letters${query}`);

describe('guarantee letters of the selected clinic', () => {
  it('lists the letters addressed to the clinic, newest first, with their state', async () => {
    const res = await list();
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(3);
    expect(numbers(res)).toEqual([letters.cancelled.number, letters.active.number, letters.expired.number]);
    expect(res.json().items.map((l: { status: string }) => l.status)).toEqual([
      'cancelled',
      'issued',
      'expired',
    ]);
  });

  it('filters by state, by the Moscow day of issue, and by number, name (ё = е) or policy', async () => {
    expect(numbers(await list('?status=issued'))).toEqual([letters.active.number]);
    expect(numbers(await list('?status=expired'))).toEqual([letters.expired.number]);
    expect(numbers(await list('?status=cancelled'))).toEqual([letters.cancelled.number]);
    expect(numbers(await list('?from=2026-10-06&to=2026-10-06'))).toEqual([letters.expired.number]);
    expect(numbers(await list('?to=2026-10-05'))).toEqual([]);
    expect(numbers(await list('?from=2026-11-20'))).toHaveLength(2);
    expect(numbers(await list(`?q=${encodeURIComponent('семенова')}`))).toEqual([letters.active.number]);
    expect(numbers(await list(`?q=${encodeURIComponent(yoPolicy)}`))).toEqual([letters.active.number]);
    expect(numbers(await list(`?q=${encodeURIComponent(letters.expired.number)}`))).toEqual([
      letters.expired.number,
    ]);
    const page = await list('?limit=1&offset=2');
    expect([page.json().total, numbers(page)]).toEqual([3, [letters.expired.number]]);
    const wrong = await list('?from=2026-11-20&to=2026-11-01');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details.fields).toEqual({ to: 'Конец периода раньше начала' });
  });

  it('exports the filtered letters to XLSX and CSV that read back, and audits the export', async () => {
    const xlsx = await userA.get(`/api/clinics/${clinicA.id}/letters/export.xlsx?status=issued`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toMatch(/garantiinye-pisma-2026-11-20\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.read(Readable.from([xlsx.rawPayload]));
    const rows = (wb.worksheets[0]!.getSheetValues().slice(1) as unknown[][]).map((r) => r.slice(1));
    expect(rows).toEqual([
      [
        'Номер',
        'Дата выдачи',
        'Действует с',
        'Действует до',
        'Состояние',
        'Пациент',
        'Номер полиса',
        'Услуги',
        'Сумма, руб.',
      ],
      [
        letters.active.number,
        '20.11.2026',
        '20.11.2026',
        expect.stringMatching(/^\d\d\.\d\d\.2026$/),
        'действует',
        'Семёнова Мария Петровна',
        yoPolicy,
        'B01.047.001 Прием (осмотр, консультация) врача-терапевта первичный × 1',
        2500,
      ],
    ]);

    const csv = await userA.get(`/api/clinics/${clinicA.id}/letters/export.csv`);
    const records = parse(csv.rawPayload, { bom: true, delimiter: ';' }) as string[][];
    expect(records.map((r) => [r[0], r[4], r[8]])).toEqual([
      ['Номер', 'Состояние', 'Сумма, руб.'],
      [letters.cancelled.number, 'отменено', '2500,00'],
      [letters.active.number, 'действует', '2500,00'],
      [letters.expired.number, 'истекло', '2500,00'],
    ]);
    const audit = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'clinic.letters_exported'), eq(auditLog.entityId, clinicA.id)));
    expect(audit.map((a) => (a.after as { rows: number }).rows)).toEqual([1, 3]);
  });

  it('never shows one clinic the letters of another, nor to other roles or anonymous visitors', async () => {
    const b = `/api/clinics/${clinicB.id}/letters`;
    expect((await userA.get(b)).statusCode).toBe(403);
    expect((await userA.get(`${b}/export.xlsx`)).statusCode).toBe(403);
    expect((await userA.get(`/api/letters/${letters.other.id}`)).statusCode).toBe(404);
    expect((await userA.get(`/api/letters/${letters.other.id}/pdf`)).statusCode).toBe(404);
    const { client: userB } = await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinicB.id] });
    expect(numbers(await list('', userB, clinicB.id))).toEqual([letters.other.number]);
    for (const role of ['insured', 'console_doctor', 'insurer_user'] as const) {
      const { client } = await loggedIn(ctx, [role]);
      expect((await list('', client)).statusCode).toBe(403);
    }
    expect((await list('', new TestClient(ctx.app))).statusCode).toBe(401);
    const { client: admin } = await loggedIn(ctx, ['admin']);
    expect((await list('', admin)).json().total).toBe(3);
  });
});
