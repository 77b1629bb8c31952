import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loggedIn, TestClient } from '../../../test/harness.ts';
import { setUpClaimsWorld, therapistVisit, world } from '../claims/claims.fixtures.ts';

setUpClaimsWorld();

const payoutsFor = (id: string) => world.payoutsFor(id);
const ledgerFor = (id: string) => world.ledgerFor(id);
const pay = (id: string) => world.pay(id);
const claimsOf = () => world.services();
/** The person gives working СБП details in the app. */
const giveSbpDetails = (client: TestClient) =>
  client.request({
    method: 'PUT',
    url: '/api/me/payout-details',
    payload: { phone: '+7 916 555-44-33', bankId: '100000000004' },
  });

describe('a claim is paid once, whatever the provider does', () => {
  it('the provider times out, then succeeds: one payout at the provider, one ledger entry', async () => {
    const { client, claim, payout: p } = await world.unsentPayout();
    const before = world.yookassa.payouts.size;
    world.yookassa.behaviour.timeoutNext = 1;
    world.yookassa.behaviour.hangMs = 3000;
    await expect(claimsOf().payouts.send(p.id)).rejects.toThrow();
    expect((await payoutsFor(claim.id))[0]!.status).toBe('created');
    await claimsOf().payouts.send(p.id);
    await claimsOf().payouts.poll(p.id, 0);
    expect(world.yookassa.payouts.size).toBe(before + 1);
    expect((await client.get(`/api/me/claims/${claim.id}`)).json().status).toBe('paid');
    expect((await ledgerFor(claim.id)).filter((l) => l.kind === 'payout')).toHaveLength(1);
  });

  it('the provider answers 500, and the same webhook arrives twice: still one payout', async () => {
    const { client, claim, payout: p } = await world.unsentPayout();
    world.yookassa.behaviour.failNext = 1;
    await expect(claimsOf().payouts.send(p.id)).rejects.toThrow();
    await claimsOf().payouts.send(p.id);
    const providerId = (await payoutsFor(claim.id))[0]!.providerId!;
    const hook = {
      type: 'notification',
      event: 'payout.succeeded',
      object: { id: providerId, status: 'succeeded' },
    };
    const anon = world.ctx.app;
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

  it('the webhook comes before the provider id is stored: the payout is found by its own id, paid once', async () => {
    const { client, claim, payout: p } = await world.unsentPayout();
    // The provider accepted the call, but the process has not stored its answer yet.
    const accepted = await world.ctx.deps.payoutProvider.create({
      idempotenceKey: p.idempotenceKey,
      amount: p.amount,
      phone: p.phone,
      bankId: p.bankId,
      description: 'Возмещение',
      metadata: { claimId: claim.id, payoutId: p.id },
    });
    expect((await payoutsFor(claim.id))[0]!.providerId).toBeNull();
    await world
      .services()
      .payouts.poll(p.id, 0)
      .catch(() => undefined);
    const hook = { type: 'notification', event: 'payout.succeeded', object: { id: accepted.providerId } };
    expect(
      (await world.ctx.app.inject({ method: 'POST', url: '/api/webhooks/yookassa', payload: hook })).json(),
    ).toEqual({
      accepted: true,
    });
    expect((await client.get(`/api/me/claims/${claim.id}`)).json().status).toBe('paid');
    // The job written with the decision runs late: it reads the payout first and calls nothing.
    const before = world.yookassa.payouts.size;
    const creations = world.yookassa.requests.filter((r) => r.method === 'POST').length;
    await world.services().payouts.send(p.id);
    expect(world.yookassa.requests.filter((r) => r.method === 'POST').length).toBe(creations);
    expect(world.yookassa.payouts.size).toBe(before);
    expect((await ledgerFor(claim.id)).filter((l) => l.kind === 'payout')).toHaveLength(1);
  });

  it('the process stops between saving the decision and calling the provider: the sweep pays once', async () => {
    const { claim, payout: p } = await world.unsentPayout();
    expect(p.status).toBe('created');
    world.ctx.clock.advance(60_000);
    // The job was written with the decision: while it waits, the sweep adds none.
    expect(await claimsOf().payouts.sweep()).toBe(0);
    // Lost with the queue (a restore, a queue wiped by hand): the sweep queues it again.
    await world.ctx.deps.database.db.execute(
      sql`delete from pgboss.job where name = 'payout-send' and data->>'id' = ${p.id}`,
    );
    expect(await claimsOf().payouts.sweep()).toBeGreaterThanOrEqual(1);
    await pay(claim.id);
    await pay(claim.id).catch(() => undefined);
    expect((await payoutsFor(claim.id)).filter((p) => p.status === 'succeeded')).toHaveLength(1);
    world.ctx.clock.advance(-60_000);
  });

  it('a refused payout tells what to fix and can be retried with a new key after the details change', async () => {
    const { client, claim } = await world.unsentPayout('+79160000000');
    await pay(claim.id);
    const failed = (await client.get(`/api/me/claims/${claim.id}`)).json();
    expect(failed.status).toBe('payout_failed');
    expect(failed.payout.advice).toMatch(/нет счёта/);
    expect((await client.post(`/api/me/claims/${claim.id}/retry-payout`)).statusCode).toBe(200);
    await pay(claim.id);
    expect((await client.get(`/api/me/claims/${claim.id}`)).json().status).toBe('payout_failed');
    expect((await giveSbpDetails(client)).json()).toMatchObject({ bankName: expect.any(String) });
    await client.post(`/api/me/claims/${claim.id}/retry-payout`);
    await pay(claim.id);
    expect((await client.get(`/api/me/claims/${claim.id}`)).json().status).toBe('paid');
    const rows = await payoutsFor(claim.id);
    expect(rows.map((r) => r.status).sort()).toEqual(['canceled', 'canceled', 'succeeded']);
    expect(new Set(rows.map((r) => r.idempotenceKey)).size).toBe(3);
    expect((await ledgerFor(claim.id)).filter((l) => l.kind === 'payout')).toHaveLength(1);
  });
});

const outboxTo = async (to: string) =>
  (
    await world.ctx.deps.database.query<{ channel: string; body: string; subject: string | null }>(
      'select channel, body, subject from outbox_messages where recipient = $1 order by created_at',
      [to],
    )
  ).rows;

describe('the insured person hears about every change', () => {
  it('in the app, by SMS and by e-mail; nobody else sees the notices', async () => {
    const { client, insured, submit } = await world.withLetter();
    const claim = await submit(therapistVisit);
    await world.pay(claim.id);
    const list = (await client.get('/api/me/notifications')).json();
    expect(list.unread).toBe(2);
    expect(list.items.map((n: { title: string }) => n.title)).toEqual([
      'Деньги отправлены: 2\u00a0625\u00a0₽',
      'Чек одобрен: переводим 2\u00a0625\u00a0₽',
    ]);
    expect(list.items[0]).toMatchObject({ link: `/claims/${claim.id}`, read: false });
    const sms = (await outboxTo(insured.phone)).filter((m) => m.channel === 'sms').map((m) => m.body);
    expect(sms.some((b) => b.includes('Чек одобрен: переводим 2\u00a0625\u00a0₽'))).toBe(true);
    expect(sms.some((b) => b.includes('Деньги отправлены'))).toBe(true);
    const mail = await world.ctx.deps.database.query<{ subject: string; body: string }>(
      "select subject, body from outbox_messages m where channel = 'email' and body like $1",
      [`%/claims/${claim.id}%`],
    );
    expect(mail.rows.map((m) => m.subject).sort()).toEqual([
      'Деньги отправлены: 2\u00a0625\u00a0₽',
      'Чек одобрен: переводим 2\u00a0625\u00a0₽',
    ]);

    const stranger = (await loggedIn(world.ctx, ['insured'])).client;
    expect((await stranger.get('/api/me/notifications')).json()).toEqual({ unread: 0, items: [] });
    await stranger.post('/api/me/notifications/read', { ids: [list.items[0].id] });
    expect((await client.get('/api/me/notifications')).json().unread).toBe(2);

    await client.post('/api/me/notifications/read', { ids: [list.items[0].id] });
    expect((await client.get('/api/me/notifications')).json().unread).toBe(1);
    await client.post('/api/me/notifications/read', {});
    expect((await client.get('/api/me/notifications')).json().unread).toBe(0);
    expect((await new TestClient(world.ctx.app).get('/api/me/notifications')).statusCode).toBe(401);
    expect((await client.post('/api/me/notifications/read', { ids: ['nope'] })).statusCode).toBe(400);
  });

  it('says so while the receipt is awaited, and when the bank refuses the transfer', async () => {
    const { client, submit } = await world.withLetter('+79160000000');
    world.store.behaviour.failNext = 1;
    const claim = await submit(therapistVisit);
    expect(claim.status).toBe('waiting_receipt');
    await world.services().claims.fetch(claim.id);
    await world.pay(claim.id);
    const titles = (await client.get('/api/me/notifications'))
      .json()
      .items.map((n: { title: string }) => n.title);
    expect(titles).toEqual([
      'Перевод не прошёл',
      'Чек одобрен: переводим 2\u00a0625\u00a0₽',
      'Чек получен, ждём данные из ФНС',
    ]);
  });
});

describe('СБП details and repayments', () => {
  it('an approved claim waits for СБП details and is paid as soon as they are given', async () => {
    const { client, submit } = await world.withLetter(null);
    const claim = await submit(therapistVisit);
    expect(claim).toMatchObject({ status: 'approved', payout: null, reimbursement: 250_000 });
    const notice = (await client.get('/api/me/notifications')).json().items[0];
    expect(notice.title).toBe('Чек одобрен: укажите, куда перевести деньги');
    await giveSbpDetails(client);
    const pending = (await client.get(`/api/me/claims/${claim.id}`)).json();
    expect(pending).toMatchObject({
      status: 'payout_pending',
      payout: { status: 'created', amount: 262_500 },
    });
    await world.pay(claim.id);
    expect((await client.get(`/api/me/claims/${claim.id}`)).json().status).toBe('paid');
    await giveSbpDetails(client);
    expect((await world.payoutsFor(claim.id)).length).toBe(1);
  });

  it('staff record a repayment of a clawback; never more than the debt; the books then balance', async () => {
    const { client, insured, submit } = await world.withLetter();
    const first = await submit(therapistVisit);
    await world.pay(first.id);
    const refund = await submit(therapistVisit, { n: 2 });
    expect(refund.status).toBe('clawback');
    const admin = (await loggedIn(world.ctx, ['admin'])).client;
    const me = async () =>
      (await admin.get('/api/admin/reconciliation'))
        .json()
        .people.find((p: { insuredPersonId: string }) => p.insuredPersonId === insured.personId);
    expect((await me()).difference).toBe(-250_000);
    const owed = (await client.get('/api/me/repayment')).json();
    expect(owed).toMatchObject({ debt: 250_000, recipient: { inn: world.ctx.deps.config.serviceParty.inn } });
    expect(owed.purpose).toContain('Иванова Мария Петровна');

    const url = `/api/admin/insured/${insured.personId}/repayments`;
    const tooMuch = await admin.post(url, { amount: 300_000, note: 'п/п № 15 от 27.11.2026' });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().details.fields.amount).toMatch(/Не больше долга/);
    expect((await client.post(url, { amount: 100_000, note: 'п/п № 15' })).statusCode).toBe(403);
    expect((await world.doctor.post(url, { amount: 100_000, note: 'п/п № 15' })).statusCode).toBe(403);

    expect((await admin.post(url, { amount: 100_000, note: 'п/п № 15 от 27.11.2026' })).statusCode).toBe(200);
    expect((await me()).difference).toBe(-150_000);
    expect((await client.get('/api/me/notifications')).json().items[0].title).toBe(
      'Получили ваш возврат: 1\u00a0000\u00a0₽',
    );
    expect((await admin.post(url, { amount: 150_000, note: 'п/п № 16 от 28.11.2026' })).statusCode).toBe(200);
    expect(await me()).toMatchObject({ difference: 0, owed: 262_500, paid: 262_500 });
    expect((await client.get('/api/me/repayment')).json().debt).toBe(0);
    expect((await world.doctor.get('/api/me/repayment')).statusCode).toBe(403);
    const done = await admin.post(url, { amount: 1, note: 'п/п № 17' });
    expect(done.json().code).toBe('INVALID_STATE');
    const audit = await world.ctx.deps.database.query<{ n: string }>(
      "select count(*)::text as n from audit_log where action = 'ledger.repayment_recorded' and entity_id = $1",
      [insured.personId],
    );
    expect(audit.rows[0]!.n).toBe('2');
  });
});
