import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  makeInsured,
  makeOrganisations,
  makeProgram,
  TestClient,
  type TestContext,
} from '../../../test/harness.ts';
import { consents, insuredPersons, outboxMessages } from '../../db/schema/index.ts';

let ctx: TestContext;
let programId: string;

beforeAll(async () => {
  ctx = await createTestContext({ LOGIN_RATE_PER_MINUTE: '1000' });
  ({ programId } = await makeProgram(ctx.deps, await makeOrganisations(ctx.deps)));
});
afterAll(() => ctx.close());

async function lastCode(phone: string) {
  const [m] = await ctx.deps.database.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.recipient, phone), eq(outboxMessages.channel, 'sms')))
    .orderBy(desc(outboxMessages.createdAt));
  return /код для регистрации (\d{6})/.exec(m?.body ?? '')?.[1] ?? null;
}

const setEmployerSharing = (c: TestClient, accept: boolean) =>
  c.request({ method: 'PUT', url: '/api/me/consents/employer-sharing', payload: { accept } });

const spelled = (phone: string) =>
  `8 ${phone.slice(2, 5)} ${phone.slice(5, 8)}-${phone.slice(8, 10)}-${phone.slice(10)}`;

describe('insured registration by phone', () => {
  it('registers with the code, stores both consents with version, time and IP, and logs in', async () => {
    const { phone, personId } = await makeInsured(ctx.deps, programId);
    const c = new TestClient(ctx.app, { 'x-forwarded-for': '10.0.0.7' });
    const sent = await c.post('/api/onboarding/code', { phone: spelled(phone) });
    expect(sent.statusCode).toBe(200);
    const code = await lastCode(phone);
    expect(code).toMatch(/^\d{6}$/);
    const verified = await c.post('/api/onboarding/verify', { phone, code });
    expect(verified.json()).toMatchObject({ firstName: 'Мария', middleName: 'Петровна' });
    const done = await c.post('/api/onboarding/complete', {
      phone,
      ticket: verified.json().ticket,
      password: 'Мой-пароль-2026',
      dataProcessing: true,
      employerSharing: true,
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().user.roles).toEqual(['insured']);
    expect((await c.get('/api/me/insurance')).json().fullName).toBe('Иванова Мария Петровна');
    const stored = await ctx.deps.database.db
      .select()
      .from(consents)
      .where(eq(consents.insuredPersonId, personId));
    expect(stored.map((s) => s.kind).sort()).toEqual(['data_processing', 'employer_sharing']);
    expect(stored[0]).toMatchObject({ textVersion: '2026-11-01', ip: '127.0.0.1' });
    expect(stored[0]!.acceptedAt.toISOString()).toBe('2026-11-20T07:00:00.000Z');

    const again = await new TestClient(ctx.app).post('/api/onboarding/verify', { phone, code: '000000' });
    expect(again.json().code).toBe('ALREADY_REGISTERED');
    expect(
      (await new TestClient(ctx.app).post('/api/auth/login', { login: phone, password: 'Мой-пароль-2026' }))
        .statusCode,
    ).toBe(200);
  });

  it('answers the same for a number that is not on any list, and sends nothing', async () => {
    const c = new TestClient(ctx.app);
    const res = await c.post('/api/onboarding/code', { phone: '+79990001122' });
    expect(res.statusCode).toBe(200);
    expect(res.json().message).toMatch(/Если номер есть в списке/);
    expect(await lastCode('+79990001122')).toBeNull();
    expect((await c.post('/api/onboarding/code', { phone: '12345' })).json().code).toBe('VALIDATION_FAILED');
  });

  it('a code is single use, expires, allows few attempts and cannot be re-requested at once', async () => {
    const { phone } = await makeInsured(ctx.deps, programId);
    const c = new TestClient(ctx.app);
    await c.post('/api/onboarding/code', { phone });
    const code = (await lastCode(phone))!;
    expect((await c.post('/api/onboarding/code', { phone })).json().code).toBe('CODE_RATE_LIMITED');
    const wrong = code === '111111' ? '222222' : '111111';
    expect((await c.post('/api/onboarding/verify', { phone, code: wrong })).json().code).toBe('CODE_INVALID');
    expect((await c.post('/api/onboarding/verify', { phone, code })).statusCode).toBe(200);
    expect((await c.post('/api/onboarding/verify', { phone, code })).json().code).toBe('CODE_INVALID');

    ctx.clock.advance(61_000);
    await c.post('/api/onboarding/code', { phone });
    const second = (await lastCode(phone))!;
    ctx.clock.advance(11 * 60_000);
    expect((await c.post('/api/onboarding/verify', { phone, code: second })).json().code).toBe(
      'CODE_EXPIRED',
    );

    expect((await c.post('/api/onboarding/code', { phone })).statusCode).toBe(200);
    const third = (await lastCode(phone))!;
    const bad = third === '123456' ? '654321' : '123456';
    const codes: string[] = [];
    for (let i = 0; i < 5; i++)
      codes.push((await c.post('/api/onboarding/verify', { phone, code: bad })).json().code);
    expect(codes).toEqual([
      'CODE_INVALID',
      'CODE_INVALID',
      'CODE_INVALID',
      'CODE_INVALID',
      'CODE_TOO_MANY_ATTEMPTS',
    ]);
    expect((await c.post('/api/onboarding/verify', { phone, code: third })).json().code).toBe(
      'CODE_TOO_MANY_ATTEMPTS',
    );
    ctx.clock.advance(-12 * 60_000);
  });

  it('requires the data-processing consent and a ticket from a verified code', async () => {
    const { phone, personId } = await makeInsured(ctx.deps, programId);
    const c = new TestClient(ctx.app);
    const noConsent = await c.post('/api/onboarding/complete', {
      phone,
      ticket: 'x'.repeat(20),
      password: 'Мой-пароль-2026',
      dataProcessing: false,
      employerSharing: false,
    });
    expect(noConsent.json().details.fields).toHaveProperty('dataProcessing');
    const forged = await c.post('/api/onboarding/complete', {
      phone,
      ticket: 'x'.repeat(20),
      password: 'Мой-пароль-2026',
      dataProcessing: true,
      employerSharing: false,
    });
    expect(forged.json().code).toBe('CODE_INVALID');
    const [person] = await ctx.deps.database.db
      .select()
      .from(insuredPersons)
      .where(eq(insuredPersons.id, personId));
    expect(person!.userId).toBeNull();
  });

  it('the employer-sharing consent can be withdrawn and given again, each time audited', async () => {
    const { phone, personId } = await makeInsured(ctx.deps, programId);
    const c = new TestClient(ctx.app);
    ctx.clock.advance(3600_000);
    await c.post('/api/onboarding/code', { phone });
    const { ticket } = (
      await c.post('/api/onboarding/verify', { phone, code: (await lastCode(phone))! })
    ).json();
    await c.post('/api/onboarding/complete', {
      phone,
      ticket,
      password: 'Мой-пароль-2026',
      dataProcessing: true,
      employerSharing: false,
    });
    expect((await setEmployerSharing(c, true)).statusCode).toBe(200);
    expect((await setEmployerSharing(c, false)).statusCode).toBe(200);
    const mine = (await c.get('/api/me/consents')).json();
    expect(mine.find((x: { kind: string }) => x.kind === 'employer_sharing').withdrawnAt).not.toBeNull();
    const rows = await ctx.deps.database.db
      .select()
      .from(consents)
      .where(eq(consents.insuredPersonId, personId));
    expect(rows).toHaveLength(2);
  });
});
