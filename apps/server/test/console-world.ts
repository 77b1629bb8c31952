import { afterAll, beforeAll, expect } from 'vitest';
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
} from './harness.ts';

// The bindings below are live: the test files read them after beforeAll has set them.
export const PRICES: [string, string, number][] = [
  ['B01.047.001', 'Прием (осмотр, консультация) врача-терапевта первичный', 2500],
  ['B03.016.003', 'Общий (клинический) анализ крови развернутый', 750],
  ['A04.16.001', 'Ультразвуковое исследование органов брюшной полости (комплексное)', 3400],
  ['B01.001.001', 'Прием (осмотр, консультация) врача-акушера-гинеколога первичный', 3000],
  ['A05.23.009', 'Магнитно-резонансная томография головного мозга', 7900],
  ['A06.09.007', 'Рентгенография легких', 1900],
];

export let ctx: TestContext;
export let doctor: TestClient;
export let programId: string;
export let clinicA: { id: string; inn: string };
export let clinicB: { id: string; inn: string };
export let orgs: Awaited<ReturnType<typeof makeOrganisations>>;

/** Registers the world of the console tests: a program with two clinics at slightly different prices, a doctor. */
export function setUpConsoleWorld() {
  beforeAll(async () => {
    // Sessions outlive the day the price test moves the clock by.
    ctx = await createTestContext({ LOGIN_RATE_PER_MINUTE: '1000', SESSION_TTL_HOURS: '72' });
    orgs = await makeOrganisations(ctx.deps);
    ({ programId } = await makeProgram(ctx.deps, orgs, { annualLimit: 1_000_000 }));
    clinicA = await makeClinic(ctx.deps, PRICES, { cashback: 5, rating: '8.0' });
    clinicB = await makeClinic(
      ctx.deps,
      PRICES.map(([c, n, r]) => [c, n, r - 100] as [string, string, number]),
      { cashback: 3, rating: '8.0' },
    );
    await attachClinics(ctx.deps, programId, [clinicA.id, clinicB.id]);
    doctor = (await loggedIn(ctx, ['console_doctor'])).client;
  });
  afterAll(() => ctx.close());
}

export async function newCase(opts: { email?: string | null } = {}) {
  const insured = await makeInsured(ctx.deps, programId, { withUser: true, email: opts.email });
  const client = new TestClient(ctx.app);
  await client.login(insured.user!.email);
  const reqId = (
    await doctor.post('/api/console/requests', {
      policyNumber: insured.policyNumber,
      complaint: 'Болит горло, температура 38',
    })
  ).json().id;
  const caseId = (await doctor.post(`/api/console/requests/${reqId}/case`)).json().id;
  return { insured, client, caseId };
}

/** The clinic's own user copies the version in force, changes one price and publishes it from `from`. */
export async function republish(clinicId: string, code: string, price: string, from: string) {
  const clinicUser = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinicId] })).client;
  const base = `/api/clinics/${clinicId}/price-lists`;
  const current = (await clinicUser.get(base)).json().currentId;
  const draft = (await clinicUser.post(`${base}/drafts`, { fromVersionId: current })).json();
  const rows = (await clinicUser.get(`${base}/${draft.id}/rows?q=${code}`)).json().items;
  const row = rows.find((r: { serviceCode: string }) => r.serviceCode === code);
  const saved = await clinicUser.request({
    method: 'PUT',
    url: `${base}/${draft.id}/rows/${row.id}`,
    payload: { ...row, price },
  });
  expect(saved.statusCode).toBe(200);
  const published = await clinicUser.post(`${base}/${draft.id}/publish`, { effectiveFrom: from });
  expect(published.statusCode).toBe(200);
}

export const services = (...codes: string[]) => ({
  services: codes.map((serviceCode) => ({ serviceCode, quantity: 1 })),
  approvedCodes: [] as string[],
});
