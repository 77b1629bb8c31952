import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, type TestClient } from '../../../test/harness.ts';
import { contracts, guaranteeLetters, programs } from '../../db/schema/index.ts';
import { claimsWorld } from '../claims/claims.fixtures.ts';

/**
 * A letter whose quantities receipts have used up is «used up» for everyone who sees it, and the demo till
 * sells nothing more on it. The letter here: a therapist visit and a blood test, one of each.
 */
let world: Awaited<ReturnType<typeof claimsWorld>>;
let clinicUser: TestClient;
let insurer: TestClient;

const VISIT = { name: 'Прием (осмотр, консультация) врача-терапевта первичный', price: 250_000 };
const BLOOD = { name: 'Общий (клинический) анализ крови развернутый', price: 75_000 };

beforeAll(async () => {
  world = await claimsWorld();
  clinicUser = (await loggedIn(world.ctx, ['clinic_user'], { clinicIds: [world.clinic.id] })).client;
  const [row] = await world.ctx.deps.database.db
    .select({ insurerId: contracts.insurerId })
    .from(programs)
    .innerJoin(contracts, eq(contracts.id, programs.contractId))
    .limit(1);
  insurer = (await loggedIn(world.ctx, ['insurer_user'], { insurerId: row!.insurerId })).client;
});
afterAll(() => world.close());

const statusFor = async (client: TestClient, letterId: string) =>
  (await client.get(`/api/letters/${letterId}`)).json().status as string;
const inList = async (client: TestClient, letterId: string) =>
  ((await client.get('/api/letters')).json() as { id: string; status: string }[]).find(
    (l) => l.id === letterId,
  )?.status;
const clinicNumbers = async (query: string) =>
  (
    (await clinicUser.get(`/api/clinics/${world.clinic.id}/letters${query}`)).json() as {
      items: { number: string }[];
    }
  ).items.map((l) => l.number);
const caseStatus = async (caseId: string, letterId: string) =>
  (
    (await world.doctor.get(`/api/console/cases/${caseId}`)).json() as {
      letters: { id: string; status: string }[];
    }
  ).letters.find((l) => l.id === letterId)?.status;

async function claim(client: TestClient, letterId: string, items: { name: string; price: number }[]) {
  const res = await client.post('/api/me/claims', { letterId, qr: world.tillReceipt(items) });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; status: string };
}

describe('a guarantee letter whose quantities are used up', () => {
  it('is «issued» while a line is left and «used up» for the insured, the clinic, the doctor and the insurer once none is', async () => {
    const { client, letterId } = await world.withLetter();
    const { number, caseId } = (await client.get(`/api/letters/${letterId}`)).json();

    // A refused receipt (another clinic's) uses nothing; then the blood test is paid.
    const wrong = await client.post('/api/me/claims', {
      letterId,
      qr: world.tillReceipt([VISIT, BLOOD], { inn: '7707083893' }),
    });
    expect(wrong.json().status).toBe('rejected');
    expect(await statusFor(client, letterId)).toBe('issued');
    expect((await claim(client, letterId, [BLOOD])).status).toBe('payout_pending');

    // One line of two is used: still in force everywhere.
    expect(await statusFor(client, letterId)).toBe('issued');
    expect(await inList(client, letterId)).toBe('issued');
    expect(await statusFor(clinicUser, letterId)).toBe('issued');
    expect(await caseStatus(caseId, letterId)).toBe('issued');
    expect(await clinicNumbers('?status=issued')).toContain(number);
    expect(await clinicNumbers('?status=used_up')).not.toContain(number);
    const till = await clinicUser.post('/api/demo/till', { letterId });
    expect(till.statusCode).toBe(200);

    // The last line: nothing is left.
    expect((await claim(client, letterId, [VISIT])).status).toBe('payout_pending');
    expect(await statusFor(client, letterId)).toBe('used_up');
    expect(await inList(client, letterId)).toBe('used_up');
    expect(await statusFor(clinicUser, letterId)).toBe('used_up');
    expect(await inList(clinicUser, letterId)).toBe('used_up');
    expect(await statusFor(world.doctor, letterId)).toBe('used_up');
    expect(await caseStatus(caseId, letterId)).toBe('used_up');
    expect(await inList(insurer, letterId)).toBe('used_up');

    // The clinic's filter finds it under its own state only, and counts it there.
    expect(await clinicNumbers('?status=used_up')).toEqual([number]);
    expect(await clinicNumbers('?status=issued')).not.toContain(number);
    expect(await clinicNumbers('?status=expired')).not.toContain(number);
    expect(
      (await clinicUser.get(`/api/clinics/${world.clinic.id}/letters?status=used_up`)).json().total,
    ).toBe(1);
    const csv = await clinicUser.get(`/api/clinics/${world.clinic.id}/letters/export.csv?status=used_up`);
    const records = parse(csv.rawPayload, { bom: true, delimiter: ';' }) as string[][];
    expect(records.map((r) => [r[0], r[4]])).toEqual([
      ['Номер', 'Состояние'],
      [number, 'использовано'],
    ]);

    // The demo till sells nothing more on it (a refund of what was sold still prints); the doctor cannot
    // extend or cancel it.
    const sale = await clinicUser.post('/api/demo/till', { letterId });
    expect(sale.statusCode).toBe(409);
    expect(sale.json()).toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringMatching(/использовано/),
    });
    expect((await clinicUser.post('/api/demo/till', { letterId, refund: true })).statusCode).toBe(200);
    const cancel = await world.doctor.post(`/api/letters/${letterId}/cancel`, { reason: 'Ошибка' });
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json().message).toMatch(/использовано/);
  });

  it('is used up by a decision of the doctor on review too', async () => {
    const { client, letterId } = await world.withLetter();
    const unclear = await claim(client, letterId, [
      { name: 'Медицинская услуга', price: 250_000 },
      { name: 'Анализ крови', price: 75_000 },
    ]);
    expect(unclear.status).toBe('manual_review');
    expect(await statusFor(client, letterId)).toBe('issued');
    const decided = await world.doctor.post(`/api/console/reviews/${unclear.id}`, {
      action: 'approve',
      lines: [
        { item: 0, letterLine: 1 },
        { item: 1, letterLine: 2 },
      ],
      note: 'Медуслуга — приём терапевта по письму',
    });
    expect(decided.statusCode).toBe(200);
    expect(await statusFor(client, letterId)).toBe('used_up');
  });

  it('a refused review uses nothing; cancelled and expired letters keep their own state when used up', async () => {
    const { client, letterId } = await world.withLetter();
    const unclear = await claim(client, letterId, [{ name: 'Оплата по счёту № 17', price: 325_000 }]);
    await world.doctor.post(`/api/console/reviews/${unclear.id}`, { action: 'reject', note: 'Не по письму' });
    expect(await statusFor(client, letterId)).toBe('issued');

    await claim(client, letterId, [VISIT, BLOOD]);
    expect(await statusFor(client, letterId)).toBe('used_up');
    const { number } = (await client.get(`/api/letters/${letterId}`)).json();
    const db = world.ctx.deps.database.db;
    await db
      .update(guaranteeLetters)
      .set({ validFrom: '2026-10-01', validUntil: '2026-11-01' })
      .where(eq(guaranteeLetters.id, letterId));
    expect(await statusFor(client, letterId)).toBe('expired');
    expect(await clinicNumbers('?status=expired')).toContain(number);
    expect(await clinicNumbers('?status=used_up')).not.toContain(number);

    await db
      .update(guaranteeLetters)
      .set({ validUntil: '2026-12-31', status: 'cancelled', cancelReason: 'Отменено' })
      .where(eq(guaranteeLetters.id, letterId));
    expect(await statusFor(client, letterId)).toBe('cancelled');
    expect(await clinicNumbers('?status=cancelled')).toContain(number);
    expect(await clinicNumbers('?status=used_up')).not.toContain(number);
  });
});
