import crypto from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestContext, loggedIn, makeOrganisations, TestClient, type TestContext } from './harness.ts';

// The bindings below are live: the test files read them after beforeAll has set them.
export let ctx: TestContext;
export let clinicA: string;
export let clinicB: string;
export let userA: TestClient;
export let userA2: TestClient;
export let userB: TestClient;
export let doctor: TestClient;
export let doctor2: TestClient;
export let admin: TestClient;
export let insurer: TestClient;
export let insured: TestClient;
export let anonymous: TestClient;
export let userAEmail: string;

/** Registers the shared world of the chat tests: two clinics, their people, the service and other roles. */
export function setUpChatWorld() {
  beforeAll(async () => {
    ctx = await createTestContext({ LOGIN_RATE_PER_MINUTE: '1000' });
    const orgs = await makeOrganisations(ctx.deps);
    clinicA = orgs.clinic.id;
    clinicB = orgs.clinic2.id;
    const a = await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinicA] });
    userA = a.client;
    userAEmail = a.user.email;
    userA2 = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinicA] })).client;
    userB = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinicB] })).client;
    doctor = (await loggedIn(ctx, ['console_doctor'])).client;
    doctor2 = (await loggedIn(ctx, ['console_doctor'])).client;
    admin = (await loggedIn(ctx, ['admin'])).client;
    insurer = (await loggedIn(ctx, ['insurer_user'], { insurerId: orgs.insurer.id })).client;
    insured = (await loggedIn(ctx, ['insured'])).client;
    anonymous = new TestClient(ctx.app);
  });
  afterAll(() => ctx.close());
}

export const base = (clinicId: string) => `/api/clinics/${clinicId}/chat`;
export const uuid = () => crypto.randomUUID();

export async function openThread(client: TestClient, clinicId: string, department = 'general') {
  const res = await client.post(`${base(clinicId)}/threads`, { department });
  expect([200, 201]).toContain(res.statusCode);
  return res.json() as { id: string; unread: number; readUpTo: { clinic: number; service: number } };
}

export async function say(client: TestClient, url: string, body: string) {
  const res = await client.post(url, { clientId: uuid(), body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; seq: number };
}

/** A thread of its own for a test: a fresh clinic pair keeps every test's counters apart. */
export async function freshClinic() {
  const orgs = await makeOrganisations(ctx.deps);
  const member = await loggedIn(ctx, ['clinic_user'], { clinicIds: [orgs.clinic.id] });
  return { clinicId: orgs.clinic.id, client: member.client, email: member.user.email };
}
