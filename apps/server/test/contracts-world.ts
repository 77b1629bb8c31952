import { afterAll, beforeAll, expect } from 'vitest';
import { makeClinicWithRequisites, signatureCode } from './edo-fixtures.ts';
import { createTestContext, loggedIn, type TestClient, type TestContext } from './harness.ts';

// The bindings below are live: the test files read them after beforeAll has set them.
export let ctx: TestContext;
export let admin: Awaited<ReturnType<typeof loggedIn>>;

/** Registers the world of the contract tests: a test context and the service's admin, signed in. */
export function setUpContractsWorld() {
  beforeAll(async () => {
    ctx = await createTestContext({ LOGIN_RATE_PER_MINUTE: '1000' });
    admin = await loggedIn(ctx, ['admin']);
  });
  afterAll(() => ctx.close());
}

/** A clinic with full requisites and one of its staff, signed in. */
export async function clinicWithUser() {
  const clinic = await makeClinicWithRequisites(ctx.deps);
  const staff = await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinic.id] });
  return { clinic, staff, base: `/api/clinics/${clinic.id}/contracts` };
}

export async function createdByClinic() {
  const c = await clinicWithUser();
  const res = await c.staff.client.post(c.base, {});
  expect(res.statusCode, res.body).toBe(201);
  return { ...c, contract: res.json(), url: `${c.base}/${res.json().id}` };
}

export async function sign(
  client: TestClient,
  url: string,
  recipient: string,
  opts: { hash?: string; code?: string; post?: string } = {},
) {
  const code = opts.code ?? (await signatureCode(ctx, client, url, recipient));
  const hash = opts.hash ?? (await client.get(url)).json().pdfSha256;
  return client.post(`${url}/sign`, { code, documentHash: hash, signerPost: opts.post ?? 'Главный врач' });
}

/** Clinic signs, then the service countersigns. */
export async function signedContract() {
  const c = await createdByClinic();
  expect((await sign(c.staff.client, c.url, c.staff.user.email)).statusCode).toBe(200);
  const done = await sign(admin.client, c.url, admin.user.email, { post: 'Директор по договорной работе' });
  expect(done.statusCode, done.body).toBe(200);
  return c;
}
