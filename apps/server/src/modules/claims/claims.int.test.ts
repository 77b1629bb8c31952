import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loggedIn } from '../../../test/harness.ts';
import { claims } from '../../db/schema/index.ts';
import { bloodTest, setUpClaimsWorld, THERAPIST, therapistVisit, world } from './claims.fixtures.ts';

setUpClaimsWorld();

const withLetter = (phone?: string) => world.withLetter(phone);
const tillReceipt = (...a: Parameters<typeof world.tillReceipt>) => world.tillReceipt(...a);
const payoutsFor = (id: string) => world.payoutsFor(id);
const ledgerFor = (id: string) => world.ledgerFor(id);
const pay = (id: string) => world.pay(id);
const claimsOf = () => world.services();

describe('from receipt to money', () => {
  it('adjudicates line by line, pays reimbursement plus cashback once, and refuses the same receipt again', async () => {
    const { client, letterId, insured } = await withLetter();
    const qr = tillReceipt([
      { name: THERAPIST, price: 310_000 },
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
    const recon = (
      await (await loggedIn(world.ctx, ['admin'])).client.get('/api/admin/reconciliation')
    ).json();
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
    const qr = tillReceipt(bloodTest);
    const [a, b] = await Promise.all([
      client.post('/api/me/claims', { letterId, qr }),
      client.post('/api/me/claims', { letterId, qr }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const rows = await world.ctx.deps.database.db.select().from(claims).where(eq(claims.letterId, letterId));
    expect(rows).toHaveLength(1);
  });

  it('waits when the receipt source is slow or down, and is never rejected for it', async () => {
    const { client, submit } = await withLetter();
    world.store.behaviour.failNext = 1;
    const first = await submit(bloodTest);
    expect(first).toMatchObject({ status: 'waiting_receipt', statusTitle: 'Ждём данные чека из ФНС' });
    world.store.behaviour.pendingNext = 1;
    await claimsOf().claims.fetch(first.id);
    expect((await client.get(`/api/me/claims/${first.id}`)).json().status).toBe('waiting_receipt');
    world.store.behaviour.timeoutNext = 1;
    world.store.behaviour.hangMs = 3000;
    await claimsOf().claims.fetch(first.id);
    expect((await client.get(`/api/me/claims/${first.id}`)).json().status).toBe('waiting_receipt');
    await claimsOf().claims.fetch(first.id);
    expect((await client.get(`/api/me/claims/${first.id}`)).json().status).toBe('payout_pending');
  });

  it('sends an unclear receipt to manual review; the doctor decides line by line, audited, then it is paid', async () => {
    const { client, submit } = await withLetter();
    const claim = await submit([
      { name: 'Медицинская услуга', price: 250_000 },
      { name: 'Анализ крови общий', price: 90_000 },
      { name: 'Справка для бассейна', price: 50_000 },
    ]);
    expect(claim).toMatchObject({ status: 'manual_review', reimbursement: 0, cashback: 0 });
    expect(claim.reasons).toContain('UNIDENTIFIED_ITEM');
    const queue = (await world.doctor.get('/api/console/reviews')).json();
    expect(queue.some((c: { id: string }) => c.id === claim.id)).toBe(true);

    const lines = [
      { item: 0, letterLine: 1 },
      { item: 1, letterLine: 2, approved: 60_000 },
      { item: 2, letterLine: null },
    ];
    const unknownLine = await world.doctor.post(`/api/console/reviews/${claim.id}`, {
      action: 'approve',
      lines: [{ item: 0, letterLine: 7 }, lines[1], lines[2]],
      note: 'приём терапевта',
    });
    expect(unknownLine.statusCode).toBe(400);
    expect(unknownLine.json().details.fields).toEqual({ 'lines.0': 'В письме нет строки 7' });
    const missing = await world.doctor.post(`/api/console/reviews/${claim.id}`, {
      action: 'approve',
      note: 'да',
    });
    expect(missing.json().code).toBe('VALIDATION_FAILED');

    const preview = (await world.doctor.post(`/api/console/reviews/${claim.id}/preview`, { lines })).json();
    expect(preview).toMatchObject({
      status: 'partially_approved',
      reimbursement: 250_000 + 60_000,
      cashback: Math.round((250_000 + 90_000) * 0.05),
    });
    expect(preview.reasons).toEqual(['NOT_IN_LETTER', 'PRICE_CAPPED', 'ADJUSTED_BY_REVIEWER']);
    expect((await client.get(`/api/me/claims/${claim.id}`)).json().status).toBe('manual_review');

    const decided = await world.doctor.post(`/api/console/reviews/${claim.id}`, {
      action: 'approve',
      lines,
      note: 'Медуслуга — приём терапевта по письму; справка не входит',
    });
    expect(decided.statusCode).toBe(200);
    await pay(claim.id);
    const paid = (await client.get(`/api/me/claims/${claim.id}`)).json();
    expect(paid).toMatchObject({ status: 'paid', reimbursement: 310_000, cashback: 17_000 });
    expect(
      paid.lines.map((l: { letterLine: number | null; approved: number }) => [l.letterLine, l.approved]),
    ).toEqual([
      [1, 250_000],
      [2, 60_000],
      [null, 0],
    ]);
    const audit = await world.ctx.deps.database.query<{ action: string; actor_user_id: string | null }>(
      'select action, actor_user_id from audit_log where entity_id = $1 order by id',
      [claim.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'claim.submitted',
      'claim.adjudicated',
      'claim.decided_by_reviewer',
    ]);
    expect(audit.rows[2]!.actor_user_id).not.toBeNull();
    expect(
      (
        await world.doctor.post(`/api/console/reviews/${claim.id}`, { action: 'reject', note: 'повторно' })
      ).json().code,
    ).toBe('INVALID_STATE');
    const insuredCannot = await client.post(`/api/console/reviews/${claim.id}/preview`, { lines });
    expect(insuredCannot.statusCode).toBe(403);
  });

  it('a refused review tells the person why and pays nothing', async () => {
    const { client, submit } = await withLetter();
    const claim = await submit([{ name: 'Оплата по счёту № 17', price: 90_000 }]);
    expect(claim.status).toBe('manual_review');
    await world.doctor.post(`/api/console/reviews/${claim.id}`, {
      action: 'reject',
      note: 'Счёт за услугу вне письма',
    });
    const seen = (await client.get(`/api/me/claims/${claim.id}`)).json();
    expect(seen).toMatchObject({
      status: 'rejected',
      reimbursement: 0,
      summary: 'Решение врача-эксперта: Счёт за услугу вне письма',
    });
    expect(await payoutsFor(claim.id)).toEqual([]);
  });

  it('a refund of a reimbursed receipt creates a clawback, taken off the next payout', async () => {
    const { insured, submit } = await withLetter();
    const first = await submit(therapistVisit);
    await pay(first.id);
    const refund = await submit(therapistVisit, { n: 2 });
    expect(refund).toMatchObject({ status: 'clawback', reimbursement: 0, cashback: 0 });
    expect(refund.summary).toMatch(/2\u00a0500,00\u00a0₽ из возмещения удержим из следующей выплаты/);
    expect((await ledgerFor(refund.id)).map((l) => [l.kind, l.amount])).toEqual([['clawback', -250_000]]);
    const next = await submit(bloodTest);
    expect(next.status).toBe('paid');
    expect(await payoutsFor(next.id)).toEqual([]);
    const recon = (
      await (await loggedIn(world.ctx, ['admin'])).client.get('/api/admin/reconciliation')
    ).json();
    const me = recon.people.find((p: { insuredPersonId: string }) => p.insuredPersonId === insured.personId);
    expect(me).toMatchObject({ owed: 262_500 - 250_000 + 78_750, paid: 262_500, inFlight: 0 });
  });

  it('rejects a receipt of another clinic and a refund receipt, and hides claims from other people', async () => {
    const { client, letterId, submit } = await withLetter();
    const wrong = await submit(bloodTest, { inn: '7707083893' });
    expect(wrong).toMatchObject({ status: 'rejected', reasons: ['WRONG_CLINIC'] });
    const refund = await submit(bloodTest, { n: 2 });
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
