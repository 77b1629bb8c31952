import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachClinics,
  createTestContext,
  loggedIn,
  makeClinic,
  makeInsured,
  makeOrganisations,
  makeProgram,
  multipartBody,
  TestClient,
  type TestContext,
} from '../../../test/harness.ts';
import { insuredPersons, payouts } from '../../db/schema/index.ts';
import { yookassaPayoutProvider } from '../../integrations/payouts/yookassa-client.ts';
import { createReceiptSource } from '../../runtime.ts';
import { pollPayout } from '../payouts/poll-payout.ts';
import { sendPayout } from '../payouts/send-payout.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ LOGIN_RATE_PER_MINUTE: '1000' });
  // The app serves the simulators itself (as in demo); point the clients at this very server.
  await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  const { receipts, payouts: p } = ctx.deps.config;
  // The source the runtime wires by default, on this server's port.
  ctx.deps.receiptSource = createReceiptSource({
    ...ctx.deps.config,
    receipts: { ...receipts, url: `${base}/sim/fns-openapi` },
  });
  ctx.deps.payoutProvider = yookassaPayoutProvider({
    baseUrl: `${base}/sim/yookassa`,
    agentId: p.agentId,
    secretKey: p.secretKey,
    timeoutMs: 2000,
  });
});
afterAll(async () => {
  ctx.deps.simulators?.payouts.dispose();
  await ctx.close();
});

describe('demo till and a photo of its receipt', () => {
  it('a clinic prints a receipt for a letter; the insured photographs its QR and is paid', async () => {
    expect(ctx.deps.config.receipts.protocol).toBe('fns');
    const orgs = await makeOrganisations(ctx.deps);
    const { programId } = await makeProgram(ctx.deps, orgs);
    const clinic = await makeClinic(
      ctx.deps,
      [['B01.047.001', 'Прием (осмотр, консультация) врача-терапевта первичный', 2500]],
      { cashback: 5 },
    );
    await attachClinics(ctx.deps, programId, [clinic.id]);
    const insured = await makeInsured(ctx.deps, programId, { withUser: true });
    await ctx.deps.database.db
      .update(insuredPersons)
      .set({ payoutPhone: '+79161234567', payoutBankId: '100000000111' })
      .where(eq(insuredPersons.id, insured.personId));
    const doctor = (await loggedIn(ctx, ['console_doctor'])).client;
    const reqId = (
      await doctor.post('/api/console/requests', { policyNumber: insured.policyNumber, complaint: 'Кашель' })
    ).json().id;
    const caseId = (await doctor.post(`/api/console/requests/${reqId}/case`)).json().id;
    const letterId = (
      await doctor.post(`/api/console/cases/${caseId}/letters`, {
        services: [{ serviceCode: 'B01.047.001', quantity: 1 }],
        approvedCodes: [],
        clinicId: clinic.id,
      })
    ).json().id;

    const clinicUser = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinic.id] })).client;
    const printed = await clinicUser.post('/api/demo/till', { letterId, extraItem: true });
    expect(printed.statusCode).toBe(200);
    expect(printed.json().total).toBe(251_500);
    const png = Buffer.from(printed.json().png.split(',')[1], 'base64');
    const photo = await sharp({ create: { width: 1200, height: 1600, channels: 3, background: '#e8e4dc' } })
      .composite([{ input: await sharp(png).resize(320).toBuffer(), left: 400, top: 600 }])
      .rotate(90)
      .jpeg({ quality: 75 })
      .toBuffer();

    const insuredClient = new TestClient(ctx.app);
    await insuredClient.login(insured.user!.email);
    const upload = (content: Buffer) =>
      insuredClient.request({
        method: 'POST',
        url: '/api/me/claims/photo',
        ...multipartBody({ letterId }, { field: 'photo', name: 'чек.jpg', content, type: 'image/jpeg' }),
      });
    const res = await upload(photo);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'payout_pending',
      reimbursement: 250_000,
      cashback: 12_500,
      reasons: ['NOT_IN_LETTER'],
    });
    expect(
      res
        .json()
        .lines.map((l: { text: string }) => l.text)
        .join(' '),
    ).toMatch(/Бахилы|нет в гарантийном письме|не входит/i);

    const [payout] = await ctx.deps.database.db
      .select()
      .from(payouts)
      .where(eq(payouts.claimId, res.json().id));
    await sendPayout(ctx.deps, payout!.id);
    await pollPayout(ctx.deps, payout!.id, 0);
    expect((await insuredClient.get(`/api/me/claims/${res.json().id}`)).json()).toMatchObject({
      status: 'paid',
      payout: { status: 'succeeded', amount: 262_500 },
    });

    // The receipt used the letter's only line: it is used up, and the till prints no more sales on it.
    const seen = (await clinicUser.get('/api/letters')).json() as { id: string; status: string }[];
    expect(seen.find((l) => l.id === letterId)?.status).toBe('used_up');
    const sale = await clinicUser.post('/api/demo/till', { letterId });
    expect(sale.statusCode).toBe(409);
    expect(sale.json().code).toBe('INVALID_STATE');
    expect((await clinicUser.post('/api/demo/till', { letterId, refund: true })).statusCode).toBe(200);

    const again = await upload(photo);
    expect(again.statusCode).toBe(409);
    const blank = await upload(
      await sharp({ create: { width: 600, height: 800, channels: 3, background: '#fff' } })
        .jpeg()
        .toBuffer(),
    );
    expect(blank.statusCode).toBe(422);
    expect(blank.json().code).toBe('QR_NOT_FOUND');

    const stranger = (
      await loggedIn(ctx, ['clinic_user'], {
        clinicIds: [(await makeClinic(ctx.deps, [['B01.047.001', 'Приём', 100]])).id],
      })
    ).client;
    expect((await stranger.post('/api/demo/till', { letterId })).statusCode).toBe(404);
    expect((await insuredClient.post('/api/demo/till', { letterId })).statusCode).toBe(403);
  });
});
