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
  makeOrganisations,
  makeProgram,
  TestClient,
  type TestContext,
  unique,
} from '../../../test/harness.ts';
import { auditLog, insuredPersons, policies } from '../../db/schema/index.ts';

let ctx: TestContext;
let clinicA: { id: string };
let clinicB: { id: string };
let onlyA: string;
let both: string;
let onlyB: string;
let userA: TestClient;
let userAId: string;

/** A person on a program's list with one policy; dates as the insurer sent them. */
async function person(
  programId: string,
  name: [string, string, string | null],
  dates: { validFrom: string; validTo: string; detachedOn?: string },
) {
  const id = ctx.deps.ids.uuid();
  const now = ctx.deps.clock.now();
  await ctx.deps.database.db.insert(insuredPersons).values({
    id,
    lastName: name[0],
    firstName: name[1],
    middleName: name[2],
    birthDate: '1980-05-17',
    sex: 'female',
    phone: '+79160000000',
    email: `${unique()}@insured.ru`,
    createdAt: now,
    updatedAt: now,
  });
  const number = `ДМС-${unique()}`;
  await ctx.deps.database.db.insert(policies).values({
    id: ctx.deps.ids.uuid(),
    number,
    programId,
    insuredPersonId: id,
    validFrom: dates.validFrom,
    validTo: dates.validTo,
    detachedOn: dates.detachedOn ?? null,
    createdAt: now,
    updatedAt: now,
  });
  return number;
}

let semenovaPolicy: string;

beforeAll(async () => {
  // The test clock reads 20.11.2026.
  ctx = await createTestContext({ LOGIN_RATE_PER_MINUTE: '1000' }, { jobs: 'off' });
  const orgs = await makeOrganisations(ctx.deps);
  const price: [string, string, number] = ['B01.047.001', 'Прием врача-терапевта первичный', 2500];
  clinicA = await makeClinic(ctx.deps, [price]);
  clinicB = await makeClinic(ctx.deps, [price]);
  onlyA = (await makeProgram(ctx.deps, orgs, { name: 'Стандарт' })).programId;
  both = (await makeProgram(ctx.deps, orgs, { name: 'Премиум' })).programId;
  onlyB = (await makeProgram(ctx.deps, orgs, { name: 'Эконом' })).programId;
  await attachClinics(ctx.deps, onlyA, [clinicA.id]);
  await attachClinics(ctx.deps, both, [clinicA.id, clinicB.id]);
  await attachClinics(ctx.deps, onlyB, [clinicB.id]);
  semenovaPolicy = await person(onlyA, ['Семёнова', 'Ольга', 'Игоревна'], {
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
  });
  await person(onlyA, ['Петров', 'Иван', null], {
    validFrom: '2026-03-01',
    validTo: '2026-12-31',
    detachedOn: '2026-10-15',
  });
  await person(onlyA, ['Сидоров', 'Олег', 'Петрович'], { validFrom: '2025-01-01', validTo: '2025-12-31' });
  await person(both, ['Кузнецова', 'Анна', 'Павловна'], { validFrom: '2026-11-01', validTo: '2027-10-31' });
  await person(onlyB, ['Чужой', 'Пациент', null], { validFrom: '2026-01-01', validTo: '2026-12-31' });
  const a = await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinicA.id] });
  userA = a.client;
  userAId = a.user.id;
});
afterAll(() => ctx.close());

const names = (res: { json(): { items: { fullName: string }[] } }) => res.json().items.map((p) => p.fullName);
const list = (query = '', client = userA, clinicId = clinicA.id) =>
  client.get(`/api/clinics/${clinicId}/patients${query}`);

describe('attachment lists of a clinic', () => {
  it('lists the people of the programs that include the clinic, with only what the clinic needs', async () => {
    const res = await list();
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(4);
    expect(names(res)).toEqual([
      'Кузнецова Анна Павловна',
      'Петров Иван',
      'Семёнова Ольга Игоревна',
      'Сидоров Олег Петрович',
    ]);
    const semenova = res.json().items[2];
    expect(semenova).toEqual({
      policyId: expect.any(String),
      fullName: 'Семёнова Ольга Игоревна',
      birthDate: '1980-05-17',
      policyNumber: semenovaPolicy,
      program: { id: onlyA, name: 'Стандарт' },
      insurerName: expect.any(String),
      attachedOn: '2026-01-01',
      detachedOn: null,
      state: 'attached',
    });
    // A detached person keeps the day of detachment; an ended policy detaches the day after its end.
    expect(res.json().items[1]).toMatchObject({ detachedOn: '2026-10-15', state: 'detached' });
    expect(res.json().items[3]).toMatchObject({ detachedOn: '2026-01-01', state: 'detached' });
    expect(JSON.stringify(res.json())).not.toMatch(/79160000000|insured\.ru/);
  });

  it('filters by state, period, program and words of the name or policy', async () => {
    expect(names(await list('?state=attached'))).toEqual([
      'Кузнецова Анна Павловна',
      'Семёнова Ольга Игоревна',
    ]);
    expect(names(await list('?state=detached'))).toEqual(['Петров Иван', 'Сидоров Олег Петрович']);
    expect(names(await list('?state=attached&from=2026-10-01&to=2026-11-30'))).toEqual([
      'Кузнецова Анна Павловна',
    ]);
    expect(names(await list('?state=detached&from=2026-10-01'))).toEqual(['Петров Иван']);
    expect(names(await list('?from=2026-10-01&to=2026-11-30'))).toEqual([
      'Кузнецова Анна Павловна',
      'Петров Иван',
    ]);
    expect(names(await list(`?programId=${both}`))).toEqual(['Кузнецова Анна Павловна']);
    expect(names(await list(`?q=${encodeURIComponent('семенова ольга')}`))).toEqual([
      'Семёнова Ольга Игоревна',
    ]);
    expect(names(await list(`?q=${encodeURIComponent(semenovaPolicy.slice(-6))}`))).toEqual([
      'Семёнова Ольга Игоревна',
    ]);
    expect(names(await list('?q=%25'))).toEqual([]);
    const page = await list('?limit=1&offset=1');
    expect([page.json().total, names(page)]).toEqual([4, ['Петров Иван']]);
  });

  it('says which field of the filter is wrong', async () => {
    const res = await list('?from=2026-11-30&to=2026-10-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields).toEqual({ to: 'Конец периода раньше начала' });
    expect((await list('?state=gone')).statusCode).toBe(400);
  });

  it('offers the programs that include the clinic as a filter', async () => {
    const res = await userA.get(`/api/clinics/${clinicA.id}/patients/programs`);
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .map((p: { id: string }) => p.id)
        .sort(),
    ).toEqual([onlyA, both].sort());
  });

  it('exports the filtered list to XLSX and CSV that read back, and audits the export', async () => {
    const xlsx = await userA.get(`/api/clinics/${clinicA.id}/patients/export.xlsx?state=attached`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toMatch(
      /attachment; filename="prikreplennye-2026-11-20\.xlsx"/,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.read(Readable.from([xlsx.rawPayload]));
    const sheet = wb.worksheets[0]!;
    const rows = sheet.getSheetValues().slice(1) as unknown[][];
    expect(rows.map((r) => r.slice(1))).toEqual([
      [
        'ФИО',
        'Дата рождения',
        'Номер полиса',
        'Программа',
        'Страховая компания',
        'Прикреплён с',
        'Откреплён с',
        'Состояние',
      ],
      [
        'Кузнецова Анна Павловна',
        '17.05.1980',
        expect.any(String),
        'Премиум',
        expect.any(String),
        '01.11.2026',
        '',
        'прикреплён',
      ],
      [
        'Семёнова Ольга Игоревна',
        '17.05.1980',
        semenovaPolicy,
        'Стандарт',
        expect.any(String),
        '01.01.2026',
        '',
        'прикреплён',
      ],
    ]);

    const csv = await userA.get(`/api/clinics/${clinicA.id}/patients/export.csv?state=detached`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const records = parse(csv.rawPayload, { bom: true, delimiter: ';' }) as string[][];
    expect(records.map((r) => [r[0], r[6], r[7]])).toEqual([
      ['ФИО', 'Откреплён с', 'Состояние'],
      ['Петров Иван', '15.10.2026', 'откреплён'],
      ['Сидоров Олег Петрович', '01.01.2026', 'откреплён'],
    ]);

    const audit = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'clinic.patients_exported'), eq(auditLog.actorUserId, userAId)));
    expect(audit.map((a) => a.after)).toEqual([
      { format: 'xlsx', filter: { state: 'attached' }, rows: 2 },
      { format: 'csv', filter: { state: 'detached' }, rows: 2 },
    ]);
  });

  it('never shows one clinic the patients of another, nor to other roles or anonymous visitors', async () => {
    const b = `/api/clinics/${clinicB.id}/patients`;
    for (const url of [b, `${b}/programs`, `${b}/export.xlsx`, `${b}/export.csv`])
      expect((await userA.get(url)).statusCode).toBe(403);
    const { client: userB } = await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinicB.id] });
    expect(names(await list('', userB, clinicB.id))).toEqual(['Кузнецова Анна Павловна', 'Чужой Пациент']);
    for (const role of ['insured', 'console_doctor', 'insurer_user'] as const) {
      const { client } = await loggedIn(ctx, [role]);
      expect((await list('', client)).statusCode).toBe(403);
      expect((await client.get(`/api/clinics/${clinicA.id}/patients/export.csv`)).statusCode).toBe(403);
    }
    const anonymous = new TestClient(ctx.app);
    expect((await list('', anonymous)).statusCode).toBe(401);
    expect((await anonymous.get(`/api/clinics/${clinicA.id}/patients/export.csv`)).statusCode).toBe(401);
    const { client: admin } = await loggedIn(ctx, ['admin']);
    expect((await list('', admin)).json().total).toBe(4);
  });
});
