import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, TestClient } from '../../../test/harness.ts';
import { claimsWorld } from './claims.fixtures.ts';

let world: Awaited<ReturnType<typeof claimsWorld>>;
beforeAll(async () => {
  world = await claimsWorld();
});
afterAll(() => world.close());

const visit = [{ name: 'Прием (осмотр, консультация) врача-терапевта первичный', price: 250_000 }];
const outboxTo = async (to: string) =>
  (
    await world.ctx.deps.database.query<{ channel: string; body: string; subject: string | null }>(
      'select channel, body, subject from outbox_messages where recipient = $1 order by created_at',
      [to],
    )
  ).rows;

describe('the insured person hears about every change', () => {
  it('in the app, by SMS and by e-mail; nobody else sees the notices', async () => {
    const { client, letterId, insured } = await world.withLetter();
    const claim = (await client.post('/api/me/claims', { letterId, qr: world.tillReceipt(visit) })).json();
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
    const { client, letterId } = await world.withLetter('+79160000000');
    world.store.behaviour.failNext = 1;
    const claim = (await client.post('/api/me/claims', { letterId, qr: world.tillReceipt(visit) })).json();
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
    const { client, letterId } = await world.withLetter(null);
    const claim = (await client.post('/api/me/claims', { letterId, qr: world.tillReceipt(visit) })).json();
    expect(claim).toMatchObject({ status: 'approved', payout: null, reimbursement: 250_000 });
    const notice = (await client.get('/api/me/notifications')).json().items[0];
    expect(notice.title).toBe('Чек одобрен: укажите, куда перевести деньги');
    await client.request({
      method: 'PUT',
      url: '/api/me/payout-details',
      payload: { phone: '+7 916 555-44-33', bankId: '100000000004' },
    });
    const pending = (await client.get(`/api/me/claims/${claim.id}`)).json();
    expect(pending).toMatchObject({
      status: 'payout_pending',
      payout: { status: 'created', amount: 262_500 },
    });
    await world.pay(claim.id);
    expect((await client.get(`/api/me/claims/${claim.id}`)).json().status).toBe('paid');
    await client.request({
      method: 'PUT',
      url: '/api/me/payout-details',
      payload: { phone: '+7 916 555-44-33', bankId: '100000000004' },
    });
    expect((await world.payoutsFor(claim.id)).length).toBe(1);
  });

  it('staff record a repayment of a clawback; never more than the debt; the books then balance', async () => {
    const { client, letterId, insured } = await world.withLetter();
    const first = (await client.post('/api/me/claims', { letterId, qr: world.tillReceipt(visit) })).json();
    await world.pay(first.id);
    const refund = (
      await client.post('/api/me/claims', { letterId, qr: world.tillReceipt(visit, { n: 2 }) })
    ).json();
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
