import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  loggedIn,
  makeOrganisations,
  makeProgram,
  multipartBody,
  type TestClient,
  unique,
} from '../../../test/harness.ts';
import { sqlRows } from '../../db/client.ts';
import { insuredImports, priceListDraftRows, priceListVersions } from '../../db/schema/index.ts';
import { IMPORT_MAX_ATTEMPTS, LeaseLost } from '../../platform/lease.ts';
import { CLAIM_FETCH_QUEUE } from '../claims/claim-jobs.ts';
import { bloodTest, setUpClaimsWorld, world } from '../claims/claims.fixtures.ts';
import { INSURED_IMPORT_QUEUE, runInsuredImport } from '../insurance/import-insured-file.ts';
import { PAYOUT_SEND_QUEUE } from '../payouts/payout-jobs.ts';
import {
  importPriceListFile,
  PRICE_LIST_IMPORT_QUEUE,
  runPriceListImport,
} from '../price-lists/import-price-list-file.ts';
import { recoverLostWork } from './recover-lost-work.ts';

setUpClaimsWorld();
let clinicUser: TestClient;
let insurer: TestClient;
let programId: string;
let priceLists: string;

beforeAll(async () => {
  const { ctx } = world;
  clinicUser = (await loggedIn(ctx, ['clinic_user'], { clinicIds: [world.clinic.id] })).client;
  priceLists = `/api/clinics/${world.clinic.id}/price-lists`;
  const orgs = await makeOrganisations(ctx.deps);
  ({ programId } = await makeProgram(ctx.deps, orgs));
  insurer = (await loggedIn(ctx, ['insurer_user'], { insurerId: orgs.insurer.id })).client;
});

const db = () => world.ctx.deps.database.db;

/** Ids of the jobs of a queue waiting to run, taken off the queue as a worker would. */
async function takeJobs(queue: string): Promise<string[]> {
  const rows = await sqlRows<{ id: string }>(
    db(),
    sql`delete from pgboss.job where name = ${queue} and state in ('created', 'retry') returning data->>'id' as id`,
  );
  return rows.map((r) => r.id);
}

/** The process died: the jobs of this row are gone. */
const loseJobs = (queue: string, id: string) =>
  db().execute(sql`delete from pgboss.job where name = ${queue} and data->>'id' = ${id}`);

async function uploadPriceList() {
  const text = `Код клиники;Код по 804н;Наименование услуги;Цена\n${unique('К')};A06.09.007;Рентгенография легких;2500\n`;
  const res = await clinicUser.request({
    method: 'POST',
    url: `${priceLists}/uploads`,
    ...multipartBody({}, { field: 'file', name: 'price.csv', content: Buffer.from(text, 'utf8') }),
  });
  expect(res.statusCode).toBe(202);
  return res.json().id as string;
}

/** A run that took the import and then died: running, its lease run out, no job. */
async function killPriceListRun(id: string, attempts: number) {
  await loseJobs(PRICE_LIST_IMPORT_QUEUE, id);
  await db()
    .update(priceListVersions)
    .set({
      importStatus: 'running',
      importAttempts: attempts,
      importLeaseUntil: sql`now() - interval '1 minute'`,
    })
    .where(eq(priceListVersions.id, id));
}

const version = async (id: string) =>
  (await db().select().from(priceListVersions).where(eq(priceListVersions.id, id)))[0]!;

describe('the sweep finishes work whose job vanished', () => {
  it('a killed price-list check is run again from the stored file, once', async () => {
    const id = await uploadPriceList();
    await killPriceListRun(id, 1);
    const first = await recoverLostWork(world.ctx.deps);
    expect(first.priceListImports).toMatchObject({ requeued: 1, failed: 0 });
    // The same sweep again (a second process, the next minute) queues nothing more.
    const second = await recoverLostWork(world.ctx.deps);
    expect(second.priceListImports).toEqual({ requeued: 0, failed: 0, sent: 0 });
    const jobs = await takeJobs(PRICE_LIST_IMPORT_QUEUE);
    expect(jobs.filter((j) => j === id)).toHaveLength(1);
    await runPriceListImport(world.ctx.deps, id);
    expect(await version(id)).toMatchObject({
      importStatus: 'done',
      importAttempts: 2,
      importLeaseUntil: null,
      rowCount: 1,
    });
  });

  it('a check that is alive (its lease renewed) is left alone', async () => {
    const id = await uploadPriceList();
    await takeJobs(PRICE_LIST_IMPORT_QUEUE);
    await db()
      .update(priceListVersions)
      .set({
        importStatus: 'running',
        importAttempts: 1,
        importLeaseUntil: sql`now() + interval '4 minutes'`,
      })
      .where(eq(priceListVersions.id, id));
    await recoverLostWork(world.ctx.deps);
    expect(await takeJobs(PRICE_LIST_IMPORT_QUEUE)).not.toContain(id);
    expect((await version(id)).importStatus).toBe('running');
    const del = await clinicUser.delete(`${priceLists}/${id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().code).toBe('INVALID_STATE');
  });

  it('a check that dies every time fails with a reason after the last attempt, and the draft can be deleted', async () => {
    const id = await uploadPriceList();
    await killPriceListRun(id, IMPORT_MAX_ATTEMPTS);
    expect((await recoverLostWork(world.ctx.deps)).priceListImports).toMatchObject({
      failed: 1,
      requeued: 0,
    });
    const view = (await clinicUser.get(`${priceLists}/${id}`)).json();
    expect(view.import.status).toBe('failed');
    expect(JSON.stringify(view)).toMatch(/несколько раз прервалась/);
    // The late job of a dead run finds nothing to do.
    await runPriceListImport(world.ctx.deps, id);
    expect((await version(id)).importStatus).toBe('failed');
    const del = await clinicUser.delete(`${priceLists}/${id}`);
    expect(del.statusCode).toBeLessThan(300);
    expect(await db().select().from(priceListVersions).where(eq(priceListVersions.id, id))).toHaveLength(0);
  });

  it('a dead run that comes back to life stops before it touches the rows of the run that took over', async () => {
    const id = await uploadPriceList();
    await takeJobs(PRICE_LIST_IMPORT_QUEUE);
    await runPriceListImport(world.ctx.deps, id);
    const before = await version(id);
    expect(before).toMatchObject({ importStatus: 'done', importAttempts: 1 });
    // The old run (attempt 1) is fenced out once a later attempt holds the row.
    await db()
      .update(priceListVersions)
      .set({ importStatus: 'running', importAttempts: 2 })
      .where(eq(priceListVersions.id, id));
    await expect(importPriceListFile(world.ctx.deps, { ...before, importStatus: 'running' })).rejects.toThrow(
      LeaseLost,
    );
    expect(await version(id)).toMatchObject({ importStatus: 'running', importAttempts: 2 });
    // The rows the later run wrote are still there.
    const rows = await db().select().from(priceListDraftRows).where(eq(priceListDraftRows.versionId, id));
    expect(rows).toHaveLength(1);
  });

  it('a killed list of insured is applied again, once', async () => {
    const header =
      'Номер полиса;Фамилия;Имя;Отчество;Дата рождения;Пол;Телефон;E-mail;Дата начала;Дата окончания';
    const policy = unique('П');
    const file = `${header}\n${policy};Петров;Иван;Сергеевич;14.03.1985;М;;;01.01.2026;31.12.2026\n`;
    const res = await insurer.request({
      method: 'POST',
      url: `/api/insurance/programs/${programId}/imports`,
      ...multipartBody(
        { mode: 'all_or_nothing' },
        { field: 'file', name: 'list.csv', content: Buffer.from(file) },
      ),
    });
    expect(res.statusCode).toBe(202);
    const id = res.json().id as string;
    await loseJobs(INSURED_IMPORT_QUEUE, id);
    await db()
      .update(insuredImports)
      .set({ status: 'running', attempts: 1, leaseUntil: sql`now() - interval '1 minute'` })
      .where(eq(insuredImports.id, id));
    expect((await recoverLostWork(world.ctx.deps)).insuredImports).toMatchObject({ requeued: 1 });
    expect(await takeJobs(INSURED_IMPORT_QUEUE)).toEqual([id]);
    await runInsuredImport(world.ctx.deps, id);
    await runInsuredImport(world.ctx.deps, id);
    const view = (await insurer.get(`/api/insurance/imports/${id}`)).json();
    expect(view).toMatchObject({ status: 'done', created: 1, updated: 0 });
  });

  it('a claim waiting for its receipt whose fetch job is lost is fetched and paid', async () => {
    const { client, submit } = await world.withLetter();
    world.store.behaviour.failNext = 1;
    const claim = await submit(bloodTest);
    expect(claim.status).toBe('waiting_receipt');
    await loseJobs(CLAIM_FETCH_QUEUE, claim.id);
    expect((await recoverLostWork(world.ctx.deps)).receiptFetches).toBeGreaterThanOrEqual(1);
    expect((await recoverLostWork(world.ctx.deps)).receiptFetches).toBe(0);
    expect(await takeJobs(CLAIM_FETCH_QUEUE)).toContain(claim.id);
    await world.services().claims.fetch(claim.id);
    expect((await client.get(`/api/me/claims/${claim.id}`)).json().status).toBe('payout_pending');
    await world.pay(claim.id);
    expect((await client.get(`/api/me/claims/${claim.id}`)).json().status).toBe('paid');
  });

  it('a payout without its job is sent by the sweep, once; a stale job after success calls nothing', async () => {
    const { submit } = await world.withLetter();
    const claim = await submit(bloodTest);
    const [p] = await world.payoutsFor(claim.id);
    await loseJobs(PAYOUT_SEND_QUEUE, p!.id);
    const posts = () => world.yookassa.requests.filter((r) => r.method === 'POST').length;
    const before = posts();
    // Idle for a while: the sweep leaves a payout alone just after it was written or sent.
    world.ctx.clock.advance(60_000);
    expect((await recoverLostWork(world.ctx.deps)).payouts).toBeGreaterThanOrEqual(1);
    expect(await takeJobs(PAYOUT_SEND_QUEUE)).toContain(p!.id);
    await world.services().payouts.send(p!.id);
    await world.services().payouts.poll(p!.id, 0);
    expect((await world.payoutsFor(claim.id))[0]!.status).toBe('succeeded');
    expect(posts()).toBe(before + 1);
    // Restarts replay old jobs of this payout, fourteen minutes later: none reaches the provider.
    world.ctx.clock.advance(14 * 60_000);
    await world.services().payouts.send(p!.id);
    await world.services().payouts.send(p!.id);
    expect(posts()).toBe(before + 1);
    expect((await recoverLostWork(world.ctx.deps)).payouts).toBe(0);
    expect((await world.ledgerFor(claim.id)).filter((l) => l.kind === 'payout')).toHaveLength(1);
  });
});
