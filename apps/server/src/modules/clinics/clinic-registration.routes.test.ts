import crypto from 'node:crypto';
import { USER_AGREEMENT } from '@remed/core';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, makeUser, TestClient, type TestContext } from '../../../test/harness.ts';
import {
  clinicRequisites,
  partySuggestion,
  registrationInput,
  serveDirectory,
  validAccount,
  withWrongKey,
} from '../../../test/requisites.ts';
import {
  auditLog,
  clinics,
  outboxMessages,
  userAgreements,
  userClinics,
  users,
} from '../../db/schema/index.ts';
import type { DadataSimulatorState } from '../../integrations/directory/dadata-simulator.ts';

let ctx: TestContext;
let directory: DadataSimulatorState;
beforeAll(async () => {
  // Each test comes from its own address (X-Forwarded-For), so the per-address limits do not add up.
  ctx = await createTestContext({ TRUST_PROXY: 'true' });
  directory = await serveDirectory(ctx);
});
afterAll(() => ctx.close());

const visitor = () =>
  new TestClient(ctx.app, {
    'x-forwarded-for': `10.${crypto.randomInt(0, 255)}.${crypto.randomInt(0, 255)}.7`,
  });

/** The six digits of the newest message to this address or phone. */
async function codeSentTo(recipient: string) {
  const [m] = await ctx.deps.database.db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.recipient, recipient))
    .orderBy(desc(outboxMessages.createdAt))
    .limit(1);
  const code = /\b(\d{6})\b/.exec(m?.body ?? '')?.[1];
  if (!code) throw new Error(`no code was sent to ${recipient}`);
  return { code, message: m! };
}

/** A visitor's fresh application, and the code sent for it to the employee's e-mail. */
async function applicationWithCode() {
  const input = registrationInput();
  const client = visitor();
  await client.post('/api/clinic-registration/code', input);
  const { code } = await codeSentTo(input.userEmail);
  return { input, client, code };
}

const clinicsWithInn = (inn: string) =>
  ctx.deps.database.db.select().from(clinics).where(eq(clinics.inn, inn));

describe('clinic self-registration', () => {
  it('registers the clinic and its first employee by the code from the e-mail, and signs them in', async () => {
    const input = registrationInput();
    directory.registerParty(partySuggestion(input));
    const client = visitor();

    const sent = await client.post('/api/clinic-registration/code', input);
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toEqual({ sentTo: input.userEmail, channel: 'email', resendAfterSeconds: 60 });
    const { code, message } = await codeSentTo(input.userEmail);
    expect(message.channel).toBe('email');
    expect(message.subject).toContain(code);

    const res = await client.post('/api/clinic-registration', { ...input, code });
    expect(res.statusCode).toBe(200);
    const user = res.json().user;
    expect(user).toMatchObject({ email: input.userEmail, roles: ['clinic_user'], fullName: input.fullName });
    expect(user.clinics).toEqual([{ id: expect.any(String), name: input.shortName }]);
    const clinicId = user.clinics[0].id;

    // Signed in: the cabinet opens on the new clinic with the requisites as typed, normalised.
    const requisites = await client.get(`/api/clinics/${clinicId}/requisites`);
    expect(requisites.statusCode).toBe(200);
    expect(requisites.json()).toMatchObject({
      inn: input.inn,
      kpp: input.kpp,
      settlementAccount: input.settlementAccount,
      phone: '+74951234567',
      email: input.email,
      registeredAt: ctx.clock.now().toISOString(),
    });

    const db = ctx.deps.database.db;
    const [agreement] = await db.select().from(userAgreements).where(eq(userAgreements.clinicId, clinicId));
    expect(agreement).toMatchObject({
      userId: user.id,
      textVersion: USER_AGREEMENT.version,
      textHash: crypto.createHash('sha256').update(USER_AGREEMENT.text).digest('hex'),
      confirmedContact: input.userEmail,
      otpCodeId: expect.any(String),
    });
    expect(agreement!.ip).toMatch(/^10\./);
    expect(agreement!.acceptedAt.toISOString()).toBe(ctx.clock.now().toISOString());
    const audit = await db.select().from(auditLog).where(eq(auditLog.actorUserId, user.id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['clinic.registered', 'user.registered', 'auth.login']),
    );
    expect(audit.find((a) => a.action === 'clinic.registered')?.after).toMatchObject({
      inn: input.inn,
      directory: 'active',
      userAgreement: USER_AGREEMENT.version,
    });

    // The contract with the service is drawn up from these requisites, waiting for the clinic's signature.
    const contracts = (await client.get(`/api/clinics/${clinicId}/contracts`)).json();
    expect(contracts.contracts).toEqual(
      expect.arrayContaining([expect.objectContaining({ status: 'sent', actions: ['sign'] })]),
    );
  });

  it('confirms by SMS to the employee’s mobile phone when asked', async () => {
    const phone = `+7916${String(crypto.randomInt(0, 1e7)).padStart(7, '0')}`;
    const input = registrationInput({ userPhone: phone, confirmBy: 'phone' });
    const client = visitor();
    expect((await client.post('/api/clinic-registration/code', input)).json()).toMatchObject({
      sentTo: phone,
      channel: 'phone',
    });
    const { code, message } = await codeSentTo(phone);
    expect(message.channel).toBe('sms');
    const res = await client.post('/api/clinic-registration', { ...input, code });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.phone).toBe(phone);
  });

  it('needs a phone to send the code by SMS', async () => {
    const res = await visitor().post(
      '/api/clinic-registration/code',
      registrationInput({ confirmBy: 'phone', userPhone: '' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields.userPhone).toMatch(/мобильный телефон/);
  });

  it('names the field: a wrong settlement account key, a КПП of a sole trader, a bad e-mail', async () => {
    const client = visitor();
    const wrongKey = await client.post(
      '/api/clinic-registration/code',
      registrationInput({ settlementAccount: withWrongKey(validAccount()) }),
    );
    expect(wrongKey.statusCode).toBe(400);
    expect(wrongKey.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        fields: { settlementAccount: 'Неверный контрольный ключ расчётного счёта: проверьте счёт и БИК' },
      },
    });

    const soleTrader = await client.post(
      '/api/clinic-registration/code',
      registrationInput({ inn: '500100732259', kpp: '500101001', ogrn: '304500116000157' }),
    );
    expect(soleTrader.json().details.fields).toEqual({
      kpp: 'У индивидуального предпринимателя нет КПП: оставьте поле пустым',
    });

    const many = await client.post(
      '/api/clinic-registration/code',
      registrationInput({ userEmail: 'not-an-address', bik: '12345', password: 'short' }),
    );
    expect(Object.keys(many.json().details.fields).sort()).toEqual(['bik', 'password', 'userEmail']);

    const noAgreement = await client.post(
      '/api/clinic-registration/code',
      registrationInput({ userAgreement: false }),
    );
    expect(noAgreement.json().details.fields.userAgreement).toMatch(/пользовательское соглашение/);
  });

  it('refuses a liquidated company, and asks the directory again when the registration is sent', async () => {
    const liquidated = registrationInput();
    directory.registerParty(partySuggestion(liquidated, 'LIQUIDATED'));
    const refused = await visitor().post('/api/clinic-registration/code', liquidated);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'COMPANY_INACTIVE',
      details: { fields: { inn: 'Организация ликвидирована — зарегистрировать её нельзя' } },
    });
    expect(await codeSentTo(liquidated.userEmail).catch(() => null)).toBeNull();

    // Active when the code was sent, bankrupt by the time the form comes back: the server notices.
    const input = registrationInput();
    directory.registerParty(partySuggestion(input));
    const client = visitor();
    expect((await client.post('/api/clinic-registration/code', input)).statusCode).toBe(200);
    const { code } = await codeSentTo(input.userEmail);
    directory.clear();
    directory.registerParty(partySuggestion(input, 'BANKRUPT'));
    const late = await client.post('/api/clinic-registration', { ...input, code });
    expect(late.statusCode).toBe(422);
    expect(late.json().details.fields.inn).toMatch(/банкротом/);
    expect(await clinicsWithInn(input.inn)).toHaveLength(0);
  });

  it('registers while the directory is down, and records that it could not be asked', async () => {
    const input = registrationInput();
    const client = visitor();
    directory.behaviour.failNext = 1;
    expect((await client.post('/api/clinic-registration/code', input)).statusCode).toBe(200);
    const { code } = await codeSentTo(input.userEmail);
    directory.behaviour.failNext = 1;
    const res = await client.post('/api/clinic-registration', { ...input, code });
    expect(res.statusCode).toBe(200);
    const [clinic] = await clinicsWithInn(input.inn);
    const [audit] = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'clinic.registered'), eq(auditLog.entityId, clinic!.id)));
    expect(audit?.after).toMatchObject({ directory: 'unavailable' });
  });

  it('refuses a ИНН that is already a clinic here, with a stable code', async () => {
    const taken = clinicRequisites();
    await ctx.deps.database.db
      .insert(clinics)
      .values({ id: ctx.deps.ids.uuid(), inn: taken.inn, name: 'ООО «Уже есть»', shortName: 'Уже есть' });
    const client = visitor();
    expect((await client.get(`/api/clinic-registration/inn/${taken.inn}`)).json()).toEqual({
      available: false,
    });
    expect((await client.get(`/api/clinic-registration/inn/${clinicRequisites().inn}`)).json()).toEqual({
      available: true,
    });
    const res = await client.post('/api/clinic-registration/code', registrationInput({ inn: taken.inn }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'CLINIC_ALREADY_REGISTERED',
      details: { fields: { inn: expect.stringMatching(/уже зарегистрирована/) } },
    });
  });

  it('refuses an e-mail that already signs someone in', async () => {
    const existing = await makeUser(ctx.deps, { roles: ['insured'] });
    const res = await visitor().post(
      '/api/clinic-registration/code',
      registrationInput({ userEmail: existing.email }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'EMAIL_TAKEN',
      details: { fields: { userEmail: expect.any(String) } },
    });
  });

  it('refuses a wrong code (under the code field), an expired one, and the sixth try', async () => {
    const { input, client, code } = await applicationWithCode();
    const wrong = code === '000000' ? '111111' : '000000';

    const bad = await client.post('/api/clinic-registration', { ...input, code: wrong });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'CODE_INVALID',
      details: { fields: { code: 'Неверный код. Проверьте цифры из письма' } },
    });
    for (let i = 0; i < 3; i++) await client.post('/api/clinic-registration', { ...input, code: wrong });
    const fifth = await client.post('/api/clinic-registration', { ...input, code: wrong });
    expect(fifth.json().code).toBe('CODE_TOO_MANY_ATTEMPTS');
    // Spent: even the right code no longer works, a new one is needed.
    const right = await client.post('/api/clinic-registration', { ...input, code });
    expect(right.json().code).toBe('CODE_TOO_MANY_ATTEMPTS');

    const again = await client.post('/api/clinic-registration/code', input);
    expect(again.statusCode).toBe(429);
    expect(again.json().code).toBe('CODE_RATE_LIMITED');
    ctx.clock.advance(61_000);
    expect((await client.post('/api/clinic-registration/code', input)).statusCode).toBe(200);
    const fresh = await codeSentTo(input.userEmail);
    ctx.clock.advance(11 * 60_000);
    const expired = await client.post('/api/clinic-registration', { ...input, code: fresh.code });
    expect(expired.json().code).toBe('CODE_EXPIRED');
    expect(await clinicsWithInn(input.inn)).toHaveLength(0);
  });

  it('creates the clinic once when the same registration is sent twice', async () => {
    const { input, client, code } = await applicationWithCode();
    const first = await client.post('/api/clinic-registration', { ...input, code });
    expect(first.statusCode).toBe(200);
    const second = await client.post('/api/clinic-registration', { ...input, code });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('CLINIC_ALREADY_REGISTERED');
    expect(await clinicsWithInn(input.inn)).toHaveLength(1);
  });

  it('creates the clinic once when two sends of the same form race', async () => {
    const { input, client, code } = await applicationWithCode();
    const answers = await Promise.all([
      client.post('/api/clinic-registration', { ...input, code }),
      client.post('/api/clinic-registration', { ...input, code }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, expect.any(Number)]);
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
    const [clinic] = await clinicsWithInn(input.inn);
    expect(await clinicsWithInn(input.inn)).toHaveLength(1);
    const db = ctx.deps.database.db;
    expect(await db.select().from(userClinics).where(eq(userClinics.clinicId, clinic!.id))).toHaveLength(1);
    expect(await db.select().from(users).where(eq(users.email, input.userEmail))).toHaveLength(1);
  });

  it('limits code requests per address', async () => {
    const client = visitor();
    const answers = [];
    for (let i = 0; i < 11; i++)
      answers.push((await client.post('/api/clinic-registration/code', registrationInput())).statusCode);
    expect(answers.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(answers[10]).toBe(429);
  });

  it('checks the ИНН format before looking it up', async () => {
    const res = await visitor().get('/api/clinic-registration/inn/12345');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });
});
