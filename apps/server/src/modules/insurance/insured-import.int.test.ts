import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  loggedIn,
  makeOrganisations,
  makeProgram,
  multipartBody,
  type TestClient,
  type TestContext,
} from '../../../test/harness.ts';
import { insuredImports, insuredPersons, outboxMessages, policies } from '../../db/schema/index.ts';
import { runInsuredImport } from './import-insured-file.ts';
import { INSURED_HEADER, insuredPerson, uploadInsuredList } from './insured-list.fixtures.ts';

const HEADER = INSURED_HEADER;
const person = (n: number, prefix: string) => insuredPerson(n, prefix, { digits: 6, email: true });

async function xlsx(rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Список');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const csv = (rows: (string | number)[][]) => Buffer.from(rows.map((r) => r.join(';')).join('\n'));

let ctx: TestContext;
let insurer: TestClient;
let programId: string;
let otherInsurer: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  const orgs = await makeOrganisations(ctx.deps);
  ({ programId } = await makeProgram(ctx.deps, orgs));
  insurer = (await loggedIn(ctx, ['insurer_user'], { insurerId: orgs.insurer.id })).client;
  const others = await makeOrganisations(ctx.deps);
  otherInsurer = (await loggedIn(ctx, ['insurer_user'], { insurerId: others.insurer.id })).client;
});
afterAll(() => ctx.close());

const upload = (client: TestClient, name: string, content: Buffer, mode = 'all_or_nothing') =>
  uploadInsuredList(ctx, client, programId, { name, content, mode });

describe('insured list import', () => {
  it('serves the template in both formats, with the column headers', async () => {
    const x = await insurer.get('/api/insurance/insured-template.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect((wb.worksheets[0]!.getRow(1).values as string[]).slice(1)).toEqual(HEADER);
    const c = await insurer.get('/api/insurance/insured-template.csv');
    expect(c.body.startsWith(`\uFEFF${HEADER.join(';')}`)).toBe(true);
  });

  it('rejects a file that is not a table, or has no required columns, saying what is wrong', async () => {
    const notXlsx = await upload(insurer, 'list.xlsx', Buffer.from('this is not a zip'));
    expect(notXlsx.view.status).toBe('failed');
    expect(notXlsx.view.issues[0].problem).toMatch(/XLSX/);
    const wrongHeader = await upload(
      insurer,
      'list.csv',
      csv([
        ['ФИО', 'Телефон'],
        ['Иванов Иван', '+79160000000'],
      ]),
    );
    expect(wrongHeader.view.status).toBe('rejected');
    expect(wrongHeader.view.issues[0].problem).toMatch(/нет столбцов: Номер полиса, Фамилия/);
    const pdf = await upload(insurer, 'list.pdf', Buffer.from('%PDF'));
    expect(pdf.res.statusCode).toBe(400);
  });

  it('imports nothing when 3 of 500 rows are bad, and reports row, column and problem', async () => {
    const rows = [HEADER, ...Array.from({ length: 500 }, (_, i) => person(i + 1, 'A'))];
    rows[10]![4] = '31.02.1985';
    rows[200]![5] = 'X';
    rows[450]![0] = rows[449]![0]!;
    const { view } = await upload(insurer, 'list.xlsx', await xlsx(rows));
    expect(view.status).toBe('rejected');
    expect(view.errorRows).toBe(3);
    expect(view.issues).toEqual([
      { row: 11, column: 'Дата рождения', problem: '«31.02.1985» — не дата; нужен формат ДД.ММ.ГГГГ' },
      { row: 201, column: 'Пол', problem: 'укажите «М» или «Ж»' },
      { row: 451, column: 'Номер полиса', problem: 'полис уже встречался в строке 450' },
    ]);
    const stored = await ctx.deps.database.db
      .select()
      .from(policies)
      .where(eq(policies.programId, programId));
    expect(stored).toHaveLength(0);

    const report = await insurer.get(`/api/insurance/imports/${view.id}/report.csv`);
    expect(report.body).toContain('11;Дата рождения;"«31.02.1985» — не дата; нужен формат ДД.ММ.ГГГГ"');
    const xreport = await insurer.get(`/api/insurance/imports/${view.id}/report.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xreport.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(4);

    const partial = await upload(insurer, 'list.xlsx', await xlsx(rows), 'valid_rows');
    expect(partial.view).toMatchObject({ status: 'done', created: 497, errorRows: 3, totalRows: 500 });
  });

  it('re-import updates people by policy number and detaches those who left', async () => {
    const first = [HEADER, ...Array.from({ length: 20 }, (_, i) => person(i + 1, 'B'))];
    const a = await upload(insurer, 'b.csv', csv(first));
    expect(a.view).toMatchObject({ status: 'done', created: 20, updated: 0 });
    const invitations = await ctx.deps.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, '+79160000001'));
    expect(invitations.length).toBeGreaterThanOrEqual(1);
    expect(invitations[0]!.body).toMatch(/Зарегистрируйтесь/);

    const second = [HEADER, ...Array.from({ length: 15 }, (_, i) => person(i + 1, 'B'))];
    second[1]![1] = 'Сидоров';
    const b = await upload(insurer, 'b.csv', csv(second), 'valid_rows');
    expect(b.view.issues).toEqual([]);
    expect(b.view).toMatchObject({ status: 'done', created: 0, updated: 15 });
    expect(b.view.detached).toBeGreaterThanOrEqual(5);
    const [renamed] = await ctx.deps.database.db
      .select({ lastName: insuredPersons.lastName })
      .from(policies)
      .innerJoin(insuredPersons, eq(insuredPersons.id, policies.insuredPersonId))
      .where(eq(policies.number, 'B-000001'));
    expect(renamed!.lastName).toBe('Сидоров');
    const [left] = await ctx.deps.database.db.select().from(policies).where(eq(policies.number, 'B-000020'));
    expect(left!.detachedOn).toBe('2026-11-20');

    const back = await upload(insurer, 'b.csv', csv(first), 'valid_rows');
    expect(back.view.updated).toBe(20);
    const [returned] = await ctx.deps.database.db
      .select()
      .from(policies)
      .where(eq(policies.number, 'B-000020'));
    expect(returned!.detachedOn).toBeNull();
  });

  it('an addition (detachMissing=false) adds and updates without detaching anyone', async () => {
    const attached = async () =>
      (await ctx.deps.database.db.select().from(policies).where(eq(policies.programId, programId))).filter(
        (p) => !p.detachedOn,
      ).length;
    const before = await attached();
    const body = multipartBody(
      { mode: 'valid_rows', detachMissing: 'false' },
      { field: 'file', name: 'add.csv', content: csv([HEADER, person(1, 'ADD')]) },
    );
    const res = await insurer.request({
      method: 'POST',
      url: `/api/insurance/programs/${programId}/imports`,
      ...body,
    });
    expect(res.json().detachMissing).toBe(false);
    await runInsuredImport(ctx.deps, res.json().id);
    const view = (await insurer.get(`/api/insurance/imports/${res.json().id}`)).json();
    expect(view).toMatchObject({ status: 'done', created: 1, detached: 0 });
    expect(await attached()).toBe(before + 1);
  });

  it('reads a CSV saved by Excel in Windows-1251', async () => {
    const text = [HEADER, person(1, 'W')].map((r) => r.join(';')).join('\r\n');
    const cp1251 = Buffer.from(
      [...text].map((ch) => {
        const code = ch.charCodeAt(0);
        if (code < 128) return code;
        if (ch === 'Ё') return 0xa8;
        if (ch === 'ё') return 0xb8;
        return code - 0x410 + 0xc0;
      }),
    );
    const { view } = await upload(insurer, 'w.csv', cp1251, 'valid_rows');
    expect(view).toMatchObject({ status: 'done', created: 1, errorRows: 0 });
  });

  it('another insurer cannot upload to this program or read its imports', async () => {
    const body = multipartBody({}, { field: 'file', name: 'x.csv', content: csv([HEADER, person(1, 'Z')]) });
    const res = await otherInsurer.request({
      method: 'POST',
      url: `/api/insurance/programs/${programId}/imports`,
      ...body,
    });
    expect(res.statusCode).toBe(404);
    const [someImport] = await ctx.deps.database.db.select().from(insuredImports).limit(1);
    expect((await otherInsurer.get(`/api/insurance/imports/${someImport!.id}`)).statusCode).toBe(404);
    expect((await otherInsurer.get(`/api/insurance/programs/${programId}/insured`)).statusCode).toBe(404);
    const mine = await insurer.get(`/api/insurance/programs/${programId}/insured?q=Сидоров`);
    expect(mine.json().total).toBe(0);
  });
});
