import { type FiscalReceipt, formatQr } from '@remed/core';
import type { ReceiptLookup, ReceiptQuery, ReceiptSource } from '../src/integrations/fns/receipt-source.ts';
import {
  attachClinics,
  createTestContext,
  makeClinic,
  makeInsured,
  makeOrganisations,
  makeProgram,
  TestClient,
  type TestContext,
} from './harness.ts';

/** A receipt source that knows exactly the receipts a test printed. */
export class PrintedReceipts implements ReceiptSource {
  private readonly receipts = new Map<string, FiscalReceipt>();
  private fd = 5000;

  /** Prints a sale receipt of `inn` with these items (prices in kopecks) and returns its QR string. */
  print(inn: string, dateTime: string, items: { name: string; price: number }[]): string {
    this.fd++;
    const lines = items.map((i) => ({
      name: i.name,
      price: i.price,
      quantity: 1,
      sum: i.price,
      nds: 6,
      paymentType: 4,
      productType: 4,
    }));
    const total = lines.reduce((s, l) => s + l.sum, 0);
    const receipt: FiscalReceipt = {
      fn: '9282000100254567',
      i: this.fd,
      fp: 2_000_000 + this.fd,
      operationType: 1,
      dateTime,
      userInn: inn,
      user: 'ООО «Клиника»',
      totalSum: total,
      cashTotalSum: 0,
      ecashTotalSum: total,
      prepaidSum: 0,
      creditSum: 0,
      provisionSum: 0,
      items: lines,
    };
    this.receipts.set(`${receipt.fn}:${receipt.i}`, receipt);
    return formatQr({ dateTime, sum: total, fn: receipt.fn, i: receipt.i, fp: receipt.fp, n: 1 });
  }

  async lookup(q: ReceiptQuery): Promise<ReceiptLookup> {
    const r = this.receipts.get(`${q.fn}:${q.i}`);
    return r ? { kind: 'found', receipt: r } : { kind: 'not_found', message: 'чек не найден' };
  }
}

export const THERAPIST = 'Прием (осмотр, консультация) врача-терапевта первичный';

/**
 * A program at two clinics, each with the therapist visit at 2 500 ₽ and 5 % cashback, in a context whose
 * receipts come from `receipts`.
 */
export async function twoClinicsWorld(receipts: PrintedReceipts) {
  const ctx = await createTestContext(
    { LOGIN_RATE_PER_MINUTE: '1000' },
    { overrides: { receiptSource: receipts } },
  );
  const orgs = await makeOrganisations(ctx.deps);
  const { programId } = await makeProgram(ctx.deps, orgs);
  const clinicA = await makeClinic(ctx.deps, [['B01.047.001', THERAPIST, 2500]], { cashback: 5 });
  const clinicB = await makeClinic(ctx.deps, [['B01.047.001', THERAPIST, 2500]], { cashback: 5 });
  await attachClinics(ctx.deps, programId, [clinicA.id, clinicB.id]);
  return { ctx, programId, clinicA, clinicB };
}

/** An insured person with an account in the program, signed in. */
export async function insuredClient(ctx: TestContext, programId: string) {
  const insured = await makeInsured(ctx.deps, programId, { withUser: true });
  const client = new TestClient(ctx.app);
  await client.login(insured.user!.email);
  return { ...insured, client };
}

/**
 * A visit as it happens: the console issues a letter for a therapist visit at the clinic (today, by the
 * test clock), the clinic's till prints a receipt (optionally with an item not in the letter, or from a
 * different seller), and the insured person submits it. Returns the claim as the insured sees it.
 */
export async function makeVisit(
  ctx: TestContext,
  o: {
    doctor: TestClient;
    receipts: PrintedReceipts;
    insured: { policyNumber: string; client: TestClient };
    clinic: { id: string; inn: string };
    extraItem?: boolean;
    sellerInn?: string;
  },
): Promise<{ id: string; status: string; letterId: string }> {
  const req = await o.doctor.post('/api/console/requests', {
    policyNumber: o.insured.policyNumber,
    complaint: 'Кашель и температура',
  });
  const caseId = (await o.doctor.post(`/api/console/requests/${req.json().id}/case`)).json().id;
  const letter = await o.doctor.post(`/api/console/cases/${caseId}/letters`, {
    services: [{ serviceCode: 'B01.047.001', quantity: 1 }],
    approvedCodes: [],
    clinicId: o.clinic.id,
  });
  if (letter.statusCode !== 201) throw new Error(`letter: ${letter.statusCode} ${letter.body}`);
  const day = ctx.clock.now().toISOString().slice(0, 10);
  const qr = o.receipts.print(o.sellerInn ?? o.clinic.inn, `${day}T14:30:00`, [
    { name: `1.1 ${THERAPIST}`, price: 250_000 },
    ...(o.extraItem ? [{ name: 'Бахилы одноразовые', price: 1_500 }] : []),
  ]);
  const claim = await o.insured.client.post('/api/me/claims', {
    letterId: letter.json().id,
    qr,
    source: 'manual',
  });
  if (claim.statusCode !== 201) throw new Error(`claim: ${claim.statusCode} ${claim.body}`);
  return { id: claim.json().id, status: claim.json().status, letterId: letter.json().id };
}

/** The console doctor takes the person's request and opens a case on it; returns the case id. */
export async function openCase(doctor: TestClient, policyNumber: string, complaint: string) {
  const request = await doctor.post('/api/console/requests', { policyNumber, complaint });
  if (request.statusCode >= 300) throw new Error(`request: ${request.statusCode} ${request.body}`);
  const opened = await doctor.post(`/api/console/requests/${request.json().id}/case`);
  if (opened.statusCode >= 300) throw new Error(`case: ${opened.statusCode} ${opened.body}`);
  return opened.json().id as string;
}
