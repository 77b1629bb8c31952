import type { AddressInfo } from 'node:net';
import { formatQr } from '@remed/core';
import { eq } from 'drizzle-orm';
import Fastify from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import {
  attachClinics,
  createTestContext,
  loggedIn,
  makeClinic,
  makeOrganisations,
  makeProgram,
  type TestClient,
  type TestContext,
} from '../../../test/harness.ts';
import { insuredClient, openCase } from '../../../test/visits.ts';
import { insuredPersons, ledgerEntries, payouts } from '../../db/schema/index.ts';
import { fnsOpenApiReceiptSource } from '../../integrations/fns/fns-openapi-client.ts';
import { fnsOpenApiSimulatorRoutes } from '../../integrations/fns/fns-openapi-simulator.ts';
import { ReceiptSimulatorStore } from '../../integrations/fns/receipt-simulator.ts';
import type { ReceiptSource } from '../../integrations/fns/receipt-source.ts';
import { yookassaPayoutProvider } from '../../integrations/payouts/yookassa-client.ts';
import {
  YookassaSimulatorState,
  yookassaSimulatorRoutes,
} from '../../integrations/payouts/yookassa-simulator.ts';
import { pollPayout } from '../payouts/poll-payout.ts';
import { sendPayout } from '../payouts/send-payout.ts';
import { sweepPayouts } from '../payouts/sweep-payouts.ts';
import { fetchReceipt } from './fetch-receipt.ts';

export const THERAPIST = 'Прием (осмотр, консультация) врача-терапевта первичный';
const BLOOD_TEST = 'Общий (клинический) анализ крови развернутый';
/** The letter's therapist visit at the clinic's price: reimbursed in full. */
export const therapistVisit = [{ name: THERAPIST, price: 250_000 }];
/** The letter's blood test at the clinic's price: reimbursed in full. */
export const bloodTest = [{ name: BLOOD_TEST, price: 75_000 }];

type ReceiptItem = { name: string; price: number; quantity?: number };
type ReceiptOptions = { n?: 1 | 2; inn?: string; dateTime?: string };

/**
 * The simulated FNS and YooKassa on a port of their own, and the receipt source the service asks, whose
 * clock a test can shift from the till's.
 */
async function outsideWorld(store: ReceiptSimulatorStore) {
  const yookassa = new YookassaSimulatorState({ agentId: 'agent', secretKey: 'secret' });
  const sim = Fastify();
  await sim.register(fnsOpenApiSimulatorRoutes(store));
  await sim.register(yookassaSimulatorRoutes(yookassa));
  await sim.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(sim.server.address() as AddressInfo).port}`;
  const fns = fnsOpenApiReceiptSource({
    baseUrl: `${base}/sim/fns-openapi`,
    masterToken: 'fns-token',
    userId: 'remed-test',
    timeoutMs: 1500,
    pollIntervalMs: 10,
    pollBudgetMs: 200,
  });
  /**
   * Minutes the source's clock sits from the till's: −180 is a source that reports Moscow receipts in UTC
   * (the FNS mobile ticket), anything not whole hours a clock that disagrees with the QR.
   */
  const sourceClock = { shiftMinutes: 0 };
  const receiptSource: ReceiptSource = {
    async lookup(query) {
      const answer = await fns.lookup(query);
      if (answer.kind !== 'found' || sourceClock.shiftMinutes === 0) return answer;
      const at = Date.parse(`${answer.receipt.dateTime}Z`) + sourceClock.shiftMinutes * 60_000;
      return {
        kind: 'found',
        receipt: { ...answer.receipt, dateTime: new Date(at).toISOString().slice(0, 19) },
      };
    },
  };
  // Timeouts long enough for a busy machine; the timeout tests hold answers for twice as long.
  const payoutProvider = yookassaPayoutProvider({
    baseUrl: `${base}/sim/yookassa`,
    agentId: 'agent',
    secretKey: 'secret',
    timeoutMs: 1500,
  });
  return { yookassa, sim, sourceClock, receiptSource, payoutProvider };
}

/** Till receipts of the clinic registered with the simulated FNS, each with its own ФД; returns the QR string. */
function tillReceipts(store: ReceiptSimulatorStore, clinicInn: string) {
  let fd = 1000;
  return (items: ReceiptItem[], opts: ReceiptOptions = {}) => {
    fd++;
    const dateTime = opts.dateTime ?? '2026-11-20T14:30:00';
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
    store.register({
      fiscalDriveNumber: '9282000100254567',
      fiscalDocumentNumber: fd,
      fiscalSign: 1_000_000 + fd,
      dateTime,
      operationType: opts.n ?? 1,
      userInn: `${opts.inn ?? clinicInn}  `,
      user: 'ООО «Клиника»',
      totalSum: total,
      cashTotalSum: 0,
      ecashTotalSum: total,
      prepaidSum: 0,
      creditSum: 0,
      provisionSum: 0,
      items: lines,
    });
    return formatQr({
      dateTime,
      sum: total,
      fn: '9282000100254567',
      i: fd,
      fp: 1_000_000 + fd,
      n: opts.n ?? 1,
    });
  };
}

/** A clinic with a therapist visit and a blood test in a program, and a console doctor who writes letters. */
async function clinicInProgram(ctx: TestContext) {
  const orgs = await makeOrganisations(ctx.deps);
  const { programId } = await makeProgram(ctx.deps, orgs);
  const clinic = await makeClinic(
    ctx.deps,
    [
      ['B01.047.001', THERAPIST, 2500],
      ['B03.016.003', BLOOD_TEST, 750],
    ],
    { cashback: 5 },
  );
  await attachClinics(ctx.deps, programId, [clinic.id]);
  const doctor = (await loggedIn(ctx, ['console_doctor'])).client;
  return { programId, clinic, doctor };
}

/**
 * An insured person, signed in, with a letter for a therapist visit and a blood test and СБП details (or
 * none); `submit` hands in a till receipt against the letter and returns the claim as the person sees it.
 */
function letterWriter(
  ctx: TestContext,
  programId: string,
  clinicId: string,
  doctor: TestClient,
  tillReceipt: ReturnType<typeof tillReceipts>,
) {
  return async function withLetter(phone: string | null = '+79161234567') {
    const insured = await insuredClient(ctx, programId);
    if (phone)
      await ctx.deps.database.db
        .update(insuredPersons)
        .set({ payoutPhone: phone, payoutBankId: '100000000111' })
        .where(eq(insuredPersons.id, insured.personId));
    const caseId = await openCase(doctor, insured.policyNumber, 'Горло');
    const letter = await doctor.post(`/api/console/cases/${caseId}/letters`, {
      services: [
        { serviceCode: 'B01.047.001', quantity: 1 },
        { serviceCode: 'B03.016.003', quantity: 1 },
      ],
      approvedCodes: [],
      clinicId,
    });
    const letterId = letter.json().id as string;
    const { client } = insured;
    const submit = async (items: ReceiptItem[], opts?: ReceiptOptions) =>
      (await client.post('/api/me/claims', { letterId, qr: tillReceipt(items, opts) })).json();
    return { insured, client, letterId, submit };
  };
}

/**
 * A test world for claims: the simulated FNS and YooKassa, a clinic with a price list in a program, a
 * console doctor, and helpers that make letters and till receipts and run the jobs by hand.
 */
export async function claimsWorld(
  opts: {
    /** The FNS of another world: after a restore, the receipts the FNS knows are still there. */
    store?: ReceiptSimulatorStore;
    openDatabase?: NonNullable<Parameters<typeof createTestContext>[1]>['openDatabase'];
  } = {},
) {
  const store = opts.store ?? new ReceiptSimulatorStore('fns-token');
  const { yookassa, sim, sourceClock, receiptSource, payoutProvider } = await outsideWorld(store);
  const ctx = await createTestContext(
    { LOGIN_RATE_PER_MINUTE: '1000' },
    {
      ...(opts.openDatabase ? { openDatabase: opts.openDatabase } : {}),
      overrides: { receiptSource, payoutProvider },
    },
  );
  const { programId, clinic, doctor } = await clinicInProgram(ctx);
  const tillReceipt = tillReceipts(store, clinic.inn);
  const db = ctx.deps.database.db;

  const withLetter = letterWriter(ctx, programId, clinic.id, doctor, tillReceipt);

  /** The jobs of claims and payouts, run by hand. */
  const services = () => ({
    claims: { fetch: (claimId: string) => fetchReceipt(ctx.deps, claimId) },
    payouts: {
      send: (payoutId: string) => sendPayout(ctx.deps, payoutId),
      poll: (payoutId: string, attempt: number) => pollPayout(ctx.deps, payoutId, attempt),
      sweep: () => sweepPayouts(ctx.deps),
    },
  });
  const payoutsFor = (claimId: string) => db.select().from(payouts).where(eq(payouts.claimId, claimId));
  const ledgerFor = (claimId: string) =>
    db.select().from(ledgerEntries).where(eq(ledgerEntries.claimId, claimId));
  /** An approved blood test whose payout row (and key) was written, but whose call never happened. */
  async function unsentPayout(phone?: string) {
    const { client, submit } = await withLetter(phone);
    const claim = await submit(bloodTest);
    const [p] = await payoutsFor(claim.id);
    return { client, claim, payout: p! };
  }
  /** Sends the payout and polls until the provider's answer is final. */
  async function pay(claimId: string) {
    const [p] = (await payoutsFor(claimId)).filter((x) => x.status === 'created' || x.status === 'pending');
    await services().payouts.send(p!.id);
    await services().payouts.poll(p!.id, 0);
    return p!.id;
  }

  return {
    ctx,
    store,
    sourceClock,
    yookassa,
    doctor,
    clinic,
    withLetter,
    tillReceipt,
    services,
    payoutsFor,
    unsentPayout,
    ledgerFor,
    pay,
    async close() {
      yookassa.dispose();
      await ctx.close();
      await sim.close();
    },
  };
}

type ClaimsWorld = Awaited<ReturnType<typeof claimsWorld>>;

// Live: the test files read it after beforeAll has set it.
export let world: ClaimsWorld;

/** Registers a claims world, `world`, around the tests of the file. */
export function setUpClaimsWorld() {
  beforeAll(async () => {
    world = await claimsWorld();
  });
  afterAll(() => world.close());
}
