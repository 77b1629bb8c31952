import type { AddressInfo } from 'node:net';
import { formatQr } from '@remed/core';
import { eq } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachClinics,
  createTestContext,
  loggedIn,
  makeClinic,
  makeInsured,
  makeOrganisations,
  makeProgram,
  type TestClient,
  type TestContext,
} from '../../../test/harness.ts';
import { claims, insuredPersons, ledgerEntries, payouts } from '../../db/schema/index.ts';
import { fnsOpenApiReceiptSource } from '../../integrations/fns/fns-openapi-client.ts';
import { fnsOpenApiSimulatorRoutes } from '../../integrations/fns/fns-openapi-simulator.ts';
import { ReceiptSimulatorStore } from '../../integrations/fns/receipt-simulator.ts';
import { yookassaPayoutProvider } from '../../integrations/payouts/yookassa-client.ts';
import {
  YookassaSimulatorState,
  yookassaSimulatorRoutes,
} from '../../integrations/payouts/yookassa-simulator.ts';
import { claimsService } from './claims.service.ts';
import { payoutsService } from './payouts.service.ts';

const store = new ReceiptSimulatorStore('fns-token');
const yookassa = new YookassaSimulatorState({ agentId: 'agent', secretKey: 'secret' });
let sim: FastifyInstance;
let ctx: TestContext;
let doctor: TestClient;
let clinic: { id: string; inn: string };
let programId: string;
let fd = 1000;

beforeAll(async () => {
  sim = Fastify();
  await sim.register(fnsOpenApiSimulatorRoutes(store));
  await sim.register(yookassaSimulatorRoutes(yookassa));
  await sim.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(sim.server.address() as AddressInfo).port}`;
  ctx = await createTestContext(
    { LOGIN_RATE_PER_MINUTE: '1000' },
    {
      overrides: {
        receiptSource: fnsOpenApiReceiptSource({
          baseUrl: `${base}/sim/fns-openapi`,
          masterToken: 'fns-token',
          userId: 'remed-test',
          timeoutMs: 300,
          pollIntervalMs: 10,
          pollBudgetMs: 200,
        }),
        payoutProvider: yookassaPayoutProvider({
          baseUrl: `${base}/sim/yookassa`,
          agentId: 'agent',
          secretKey: 'secret',
          timeoutMs: 300,
        }),
      },
    },
  );
  const orgs = await makeOrganisations(ctx.deps);
  ({ programId } = await makeProgram(ctx.deps, orgs));
  clinic = await makeClinic(
    ctx.deps,
    [
      ['B01.047.001', 'Прием (осмотр, консультация) врача-терапевта первичный', 2500],
      ['B03.016.003', 'Общий (клинический) анализ крови развернутый', 750],
    ],
    { cashback: 5 },
  );
  await attachClinics(ctx.deps, programId, [clinic.id]);
  doctor = (await loggedIn(ctx, ['console_doctor'])).client;
});
afterAll(async () => {
  yookassa.dispose();
  await ctx.close();
  await sim.close();
});

/** An insured person with a letter for a therapist visit and a blood test, and СБП details. */
async function withLetter(phone = '+79161234567') {
  const insured = await makeInsured(ctx.deps, programId, { withUser: true });
  await ctx.deps.database.db
    .update(insuredPersons)
    .set({ payoutPhone: phone, payoutBankId: '100000000111' })
    .where(eq(insuredPersons.id, insured.personId));
  const reqId = (
    await doctor.post('/api/console/requests', { policyNumber: insured.policyNumber, complaint: 'Горло' })
  ).json().id;
  const caseId = (await doctor.post(`/api/console/requests/${reqId}/case`)).json().id;
  const letter = await doctor.post(`/api/console/cases/${caseId}/letters`, {
    services: [
      { serviceCode: 'B01.047.001', quantity: 1 },
      { serviceCode: 'B03.016.003', quantity: 1 },
    ],
    approvedCodes: [],
    clinicId: clinic.id,
  });
  const { TestClient } = await import('../../../test/harness.ts');
  const client = new TestClient(ctx.app);
  await client.login(insured.user!.email);
  return { insured, client, letterId: letter.json().id as string };
}

/** A till receipt registered with the simulated FNS, and its QR string. */
function tillReceipt(
  items: { name: string; price: number; quantity?: number }[],
  opts: { n?: 1 | 2; inn?: string } = {},
) {
  fd++;
  const lines = items.map((i) => ({
    name: i.name,
    price: i.price,
    quantity: i.quantity ?? 1,
    sum: i.price * (i.quantity ?? 1),
    nds: 6,
    paymentType: 4,
    productType: 4,
  }));
  const total = lines.reduce((s, l) => s + l.sum, 0);
  const receipt = {
    fiscalDriveNumber: '9282000100254567',
    fiscalDocumentNumber: fd,
    fiscalSign: 1_000_000 + fd,
    dateTime: '2026-11-20T14:30:00',
    operationType: opts.n ?? 1,
    userInn: `${opts.inn ?? clinic.inn}  `,
    user: 'ООО «Клиника»',
    totalSum: total,
    cashTotalSum: 0,
    ecashTotalSum: total,
    prepaidSum: 0,
    creditSum: 0,
    provisionSum: 0,
    items: lines,
  };
  store.register(receipt);
  return formatQr({
    dateTime: '2026-11-20T14:30:00',
    sum: total,
    fn: '9282000100254567',
    i: fd,
    fp: 1_000_000 + fd,
    n: opts.n ?? 1,
  });
}

const claimsOf = () => ({ claims: claimsService(ctx.deps), payouts: payoutsService(ctx.deps) });
async function payoutsFor(claimId: string) {
  return ctx.deps.database.db.select().from(payouts).where(eq(payouts.claimId, claimId));
}
async function ledgerFor(claimId: string) {
  return ctx.deps.database.db.select().from(ledgerEntries).where(eq(ledgerEntries.claimId, claimId));
}
/** Sends the payout and polls until the provider's answer is final. */
async function pay(claimId: string) {
  const [p] = (await payoutsFor(claimId)).filter((x) => x.status === 'created' || x.status === 'pending');
  await claimsOf().payouts.send(p!.id);
  await claimsOf().payouts.poll(p!.id, 0);
  return p!.id;
}

describe('from receipt to money', () => {
  it('adjudicates line by line, pays reimbursement plus cashback once, and refuses the same receipt again', async () => {
    const { client, letterId, insured } = await withLetter();
    const qr = tillReceipt([
      { name: 'Прием (осмотр, консультация) врача-терапевта первичный', price: 310_000 },
      { name: 'Бахилы', price: 1_000 },
    ]);
    const res = await client.post('/api/me/claims', { letterId, qr, source: 'camera' });
    expect(res.statusCode).toBe(201);
    const claim = res.json();
    expect(claim).toMatchObject({
      status: 'payout_pending',
      reimbursement: 250_000,
      cashback: 15_500,
      reasons: ['NOT_IN_LETTER', 'PRICE_CAPPED'],
    });
    expect(claim.lines[0]).toMatchObject({ paid: 310_000, approved: 250_000 });
    expect(claim.lines[0].text).toMatch(/оплачено 3\u00a0100/);
    await pay(claim.id);
    const paid = (await client.get(`/api/me/claims/${claim.id}`)).json();
    expect(paid).toMatchObject({ status: 'paid', payout: { status: 'succeeded', amount: 265_500 } });
    const ledger = await ledgerFor(claim.id);
    expect(ledger.map((l) => [l.kind, l.amount]).sort()).toEqual([
      ['cashback', 15_500],
      ['payout', -265_500],
      ['reimbursement', 250_000],
    ]);

    const again = await client.post('/api/me/claims', { letterId, qr, source: 'photo' });
    expect(again.statusCode).toBe(409);
    expect(again.json().details.reason).toBe('DUPLICATE_RECEIPT');
    const recon = (await (await loggedIn(ctx, ['admin'])).client.get('/api/admin/reconciliation')).json();
    expect(
      recon.people.find((p: { insuredPersonId: string }) => p.insuredPersonId === insured.personId),
    ).toEqual({
      insuredPersonId: insured.personId,
      fullName: 'Иванова Мария Петровна',
      policyNumber: insured.policyNumber,
      owed: 265_500,
      paid: 265_500,
      inFlight: 0,
      difference: 0,
    });
  });

  it('two uploads of one receipt at the same moment make one claim', async () => {
    const { client, letterId } = await withLetter();
    const qr = tillReceipt([{ name: 'Общий (клинический) анализ крови развернутый', price: 75_000 }]);
    const [a, b] = await Promise.all([
      client.post('/api/me/claims', { letterId, qr }),
      client.post('/api/me/claims', { letterId, qr }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const rows = await ctx.deps.database.db.select().from(claims).where(eq(claims.letterId, letterId));
    expect(rows).toHaveLength(1);
  });

  it('waits when the receipt source is slow or down, and is never rejected for it', async () => {
    const { client, letterId } = await withLetter();
    const qr = tillReceipt([{ name: 'Общий (клинический) анализ крови развернутый', price: 75_000 }]);
    store.behaviour.failNext = 1;
    const first = (await client.post('/api/me/claims', { letterId, qr })).json();
    expect(first).toMatchObject({ status: 'waiting_receipt', statusTitle: 'Ждём данные чека из ФНС' });
    store.behaviour.pendingNext = 1;
    await claimsOf().claims.fetch(first.id);
    expect((await client.get(`/api/me/claims/${first.id}`)).json().status).toBe('waiting_receipt');
    store.behaviour.timeoutNext = 1;
    store.behaviour.hangMs = 1000;
    await claimsOf().claims.fetch(first.id);
    expect((await client.get(`/api/me/claims/${first.id}`)).json().status).toBe('waiting_receipt');
    await claimsOf().claims.fetch(first.id);
    expect((await client.get(`/api/me/claims/${first.id}`)).json().status).toBe('payout_pending');
  });

  it('the provider times out, then succeeds: one payout at the provider, one ledger entry', async () => {
    const { client, letterId } = await withLetter();
    const claim = (
      await client.post('/api/me/claims', {
        letterId,
        qr: tillReceipt([{ name: 'Общий (клинический) анализ крови развернутый', price: 75_000 }]),
      })
    ).json();
    const [p] = await payoutsFor(claim.id);
    const before = yookassa.payouts.size;
    yookassa.behaviour.timeoutNext = 1;
    yookassa.behaviour.hangMs = 1000;
    await expect(claimsOf().payouts.send(p!.id)).rejects.toThrow();
    expect((await payoutsFor(claim.id))[0]!.status).toBe('created');
    await claimsOf().payouts.send(p!.id);
    await claimsOf().payouts.poll(p!.id, 0);
    expect(yookassa.payouts.size).toBe(before + 1);
    expect((await client.get(`/api/me/claims/${claim.id}`)).json().status).toBe('paid');
    expect((await ledgerFor(claim.id)).filter((l) => l.kind === 'payout')).toHaveLength(1);
  });

  it('the provider answers 500, and the same webhook arrives twice: still one payout', async () => {
    const { client, letterId } = await withLetter();
    const claim = (
      await client.post('/api/me/claims', {
        letterId,
        qr: tillReceipt([{ name: 'Общий (клинический) анализ крови развернутый', price: 75_000 }]),
      })
    ).json();
    const [p] = await payoutsFor(claim.id);
    yookassa.behaviour.failNext = 1;
    await expect(claimsOf().payouts.send(p!.id)).rejects.toThrow();
    await claimsOf().payouts.send(p!.id);
    const providerId = (await payoutsFor(claim.id))[0]!.providerId!;
    const hook = {
      type: 'notification',
      event: 'payout.succeeded',
      object: { id: providerId, status: 'succeeded' },
    };
    const anon = ctx.app;
    const r1 = await anon.inject({ method: 'POST', url: '/api/webhooks/yookassa', payload: hook });
    const r2 = await anon.inject({ method: 'POST', url: '/api/webhooks/yookassa', payload: hook });
    expect([r1.statusCode, r2.statusCode]).toEqual([200, 200]);
    expect((await client.get(`/api/me/claims/${claim.id}`)).json().status).toBe('paid');
    expect((await ledgerFor(claim.id)).filter((l) => l.kind === 'payout')).toHaveLength(1);
    const forged = await anon.inject({
      method: 'POST',
      url: '/api/webhooks/yookassa',
      payload: { type: 'notification', event: 'payout.succeeded', object: { id: 'nope' } },
    });
    expect(forged.json()).toEqual({ accepted: false });
  });

  it('the process stops between saving the decision and calling the provider: the sweep pays once', async () => {
    const { client, letterId } = await withLetter();
    const claim = (
      await client.post('/api/me/claims', {
        letterId,
        qr: tillReceipt([{ name: 'Общий (клинический) анализ крови развернутый', price: 75_000 }]),
      })
    ).json();
    expect((await payoutsFor(claim.id))[0]!.status).toBe('created');
    ctx.clock.advance(60_000);
    expect(await claimsOf().payouts.sweep()).toBeGreaterThanOrEqual(1);
    await pay(claim.id);
    await pay(claim.id).catch(() => undefined);
    expect((await payoutsFor(claim.id)).filter((p) => p.status === 'succeeded')).toHaveLength(1);
    ctx.clock.advance(-60_000);
  });

  it('a refused payout tells what to fix and can be retried with a new key after the details change', async () => {
    const { client, letterId } = await withLetter('+79160000000');
    const claim = (
      await client.post('/api/me/claims', {
        letterId,
        qr: tillReceipt([{ name: 'Общий (клинический) анализ крови развернутый', price: 75_000 }]),
      })
    ).json();
    await pay(claim.id);
    const failed = (await client.get(`/api/me/claims/${claim.id}`)).json();
    expect(failed.status).toBe('payout_failed');
    expect(failed.payout.advice).toMatch(/нет счёта/);
    expect((await client.post(`/api/me/claims/${claim.id}/retry-payout`)).statusCode).toBe(200);
    await pay(claim.id);
    expect((await client.get(`/api/me/claims/${claim.id}`)).json().status).toBe('payout_failed');
    expect(
      (
        await client.request({
          method: 'PUT',
          url: '/api/me/payout-details',
          payload: { phone: '+7 916 555-44-33', bankId: '100000000004' },
        })
      ).json(),
    ).toMatchObject({ bankName: expect.any(String) });
    await client.post(`/api/me/claims/${claim.id}/retry-payout`);
    await pay(claim.id);
    expect((await client.get(`/api/me/claims/${claim.id}`)).json().status).toBe('paid');
    const rows = await payoutsFor(claim.id);
    expect(rows.map((r) => r.status).sort()).toEqual(['canceled', 'canceled', 'succeeded']);
    expect(new Set(rows.map((r) => r.idempotenceKey)).size).toBe(3);
    expect((await ledgerFor(claim.id)).filter((l) => l.kind === 'payout')).toHaveLength(1);
  });

  it('sends an unclear receipt to manual review; the doctor decides, audited, then it is paid', async () => {
    const { client, letterId } = await withLetter();
    const claim = (
      await client.post('/api/me/claims', {
        letterId,
        qr: tillReceipt([{ name: 'Медицинская услуга', price: 250_000 }]),
      })
    ).json();
    expect(claim).toMatchObject({
      status: 'manual_review',
      reimbursement: 0,
      cashback: 0,
      reasons: ['UNIDENTIFIED_ITEM'],
    });
    const queue = (await doctor.get('/api/console/reviews')).json();
    expect(queue.some((c: { id: string }) => c.id === claim.id)).toBe(true);
    const tooMuch = await doctor.post(`/api/console/reviews/${claim.id}`, {
      action: 'approve',
      reimbursement: 900_000,
      note: 'приём терапевта',
    });
    expect(tooMuch.json().details.fields).toHaveProperty('reimbursement');
    expect(
      (
        await doctor.post(`/api/console/reviews/${claim.id}`, {
          action: 'approve',
          reimbursement: 250_000,
          note: 'Это приём терапевта по письму',
        })
      ).statusCode,
    ).toBe(200);
    await pay(claim.id);
    expect((await client.get(`/api/me/claims/${claim.id}`)).json()).toMatchObject({
      status: 'paid',
      reimbursement: 250_000,
      cashback: 12_500,
    });
    expect(
      (await doctor.post(`/api/console/reviews/${claim.id}`, { action: 'reject', note: 'повторно' })).json()
        .code,
    ).toBe('INVALID_STATE');
  });

  it('a refund of a reimbursed receipt creates a clawback, taken off the next payout', async () => {
    const { client, letterId, insured } = await withLetter();
    const visit = [{ name: 'Прием (осмотр, консультация) врача-терапевта первичный', price: 250_000 }];
    const first = (await client.post('/api/me/claims', { letterId, qr: tillReceipt(visit) })).json();
    await pay(first.id);
    const refund = (
      await client.post('/api/me/claims', { letterId, qr: tillReceipt(visit, { n: 2 }) })
    ).json();
    expect(refund).toMatchObject({ status: 'clawback', reimbursement: 0, cashback: 0 });
    expect(refund.summary).toMatch(/2\u00a0500,00\u00a0₽ из возмещения удержим из следующей выплаты/);
    expect((await ledgerFor(refund.id)).map((l) => [l.kind, l.amount])).toEqual([['clawback', -250_000]]);
    const next = (
      await client.post('/api/me/claims', {
        letterId,
        qr: tillReceipt([{ name: 'Общий (клинический) анализ крови развернутый', price: 75_000 }]),
      })
    ).json();
    expect(next.status).toBe('paid');
    expect(await payoutsFor(next.id)).toEqual([]);
    const recon = (await (await loggedIn(ctx, ['admin'])).client.get('/api/admin/reconciliation')).json();
    const me = recon.people.find((p: { insuredPersonId: string }) => p.insuredPersonId === insured.personId);
    expect(me).toMatchObject({ owed: 262_500 - 250_000 + 78_750, paid: 262_500, inFlight: 0 });
  });

  it('rejects a receipt of another clinic and a refund receipt, and hides claims from other people', async () => {
    const { client, letterId } = await withLetter();
    const wrong = (
      await client.post('/api/me/claims', {
        letterId,
        qr: tillReceipt([{ name: 'Общий (клинический) анализ крови развернутый', price: 75_000 }], {
          inn: '7707083893',
        }),
      })
    ).json();
    expect(wrong).toMatchObject({ status: 'rejected', reasons: ['WRONG_CLINIC'] });
    const refund = (
      await client.post('/api/me/claims', {
        letterId,
        qr: tillReceipt([{ name: 'Общий (клинический) анализ крови развернутый', price: 75_000 }], { n: 2 }),
      })
    ).json();
    expect(refund).toMatchObject({ status: 'rejected', reasons: ['NOT_A_SALE'] });
    const other = await withLetter();
    expect((await other.client.get(`/api/me/claims/${wrong.id}`)).statusCode).toBe(404);
    expect(
      (await other.client.post('/api/me/claims', { letterId, qr: tillReceipt([{ name: 'x', price: 100 }]) }))
        .statusCode,
    ).toBe(404);
    const bad = await client.post('/api/me/claims', {
      letterId,
      qr: 't=20261120T1430&s=750.00&fn=123&i=1&fp=2&n=1',
    });
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });
});
