import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect } from 'vitest';
import { runPriceListImport } from '../src/modules/price-lists/import-price-list-file.ts';
import {
  createTestContext,
  loggedIn,
  makeClinic,
  multipartBody,
  type TestClient,
  type TestContext,
} from './harness.ts';

// The bindings below are live: the test files read them after beforeAll has set them.
export const HEADER = ['Код клиники', 'Код услуги 804н', 'Наименование услуги', 'Цена, руб.', 'Примечание'];
export const THERAPIST = 'Прием (осмотр, консультация) врача-терапевта первичный';

export async function xlsx(rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Прейскурант');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function sheets(content: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => ({
    name: ws.name,
    rows: ws
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1)),
  }));
}

export let ctx: TestContext;
export let clinicA: { id: string };
export let clinicB: { id: string };
export let userA: TestClient;
export let userB: TestClient;
export let admin: TestClient;

/** Registers the world of the price-list tests: two clinics with a price list each, their people, the admin. */
export function setUpPriceListsWorld() {
  beforeAll(async () => {
    ctx = await createTestContext({ LOGIN_RATE_PER_MINUTE: '1000' });
    clinicA = await makeClinic(ctx.deps, [
      ['B01.047.001', THERAPIST, 2500],
      ['A04.16.001', 'Ультразвуковое исследование органов брюшной полости (комплексное)', 3400],
      ['A06.09.007', 'Рентгенография легких', 1900],
    ]);
    clinicB = await makeClinic(ctx.deps, [['B01.047.001', THERAPIST, 2400]]);
    userA = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinicA.id] })).client;
    userB = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinicB.id] })).client;
    admin = (await loggedIn(ctx, ['admin'])).client;
  });
  afterAll(() => ctx.close());
}

export const api = (clinicId: string, path = '') => `/api/clinics/${clinicId}/price-lists${path}`;

/** Uploads a price-list file as `client` and, when it was taken, runs its check by hand. */
async function uploadIn(
  world: TestContext,
  client: TestClient,
  clinicId: string,
  name: string,
  content: Buffer,
) {
  const res = await client.request({
    method: 'POST',
    url: api(clinicId, '/uploads'),
    ...multipartBody({}, { field: 'file', name, content }),
  });
  if (res.statusCode === 202) await runPriceListImport(world.deps, res.json().id);
  return res;
}

/** The upload's answer and, when it was taken, the version it made as the cabinet shows it. */
export async function uploadAndView(
  world: TestContext,
  client: TestClient,
  clinicId: string,
  name: string,
  content: Buffer,
) {
  const res = await uploadIn(world, client, clinicId, name, content);
  const view = res.statusCode < 300 ? (await client.get(api(clinicId, `/${res.json().id}`))).json() : null;
  return { res, view };
}

export const upload = (client: TestClient, clinicId: string, name: string, content: Buffer) =>
  uploadIn(ctx, client, clinicId, name, content);

export async function uploaded(rows: (string | number)[][], clinicId = clinicA.id, client = userA) {
  const res = await upload(client, clinicId, 'prices.xlsx', await xlsx([HEADER, ...rows]));
  expect(res.statusCode).toBe(202);
  return (await client.get(api(clinicId, `/${res.json().id}`))).json();
}

export const put = (client: TestClient, url: string, payload: unknown) =>
  client.request({ method: 'PUT', url, payload: payload as Record<string, unknown> });
