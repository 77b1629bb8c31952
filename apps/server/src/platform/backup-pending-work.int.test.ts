import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { makeClinicWithRequisites } from '../../test/edo-fixtures.ts';
import {
  loggedIn,
  openFreshPglite,
  TEST_PASSWORD,
  TestClient,
  type TestContext,
} from '../../test/harness.ts';
import { sqlRows } from '../db/client.ts';
import { claims, users } from '../db/schema/index.ts';
import { CLAIM_FETCH_QUEUE } from '../modules/claims/claim-jobs.ts';
import { claimsWorld } from '../modules/claims/claims.fixtures.ts';
import { PAYOUT_SEND_QUEUE } from '../modules/payouts/payout-jobs.ts';
import { recoverLostWork } from '../modules/recovery/recover-lost-work.ts';
import { createBackup, restoreBackup } from './backup.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remed-backup-work-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Jobs of a queue waiting to run, taken off it as a worker would. */
async function takeJobs(ctx: TestContext, queue: string): Promise<string[]> {
  const rows = await sqlRows<{ id: string }>(
    ctx.deps.database.db,
    sql`delete from pgboss.job where name = ${queue} and state in ('created', 'retry') returning data->>'id' as id`,
  );
  return rows.map((r) => r.id);
}

async function signIn(ctx: TestContext, email: string) {
  const client = new TestClient(ctx.app);
  await client.login(email, TEST_PASSWORD);
  return client;
}

async function letterFor(doctor: TestClient, policyNumber: string, clinicId: string) {
  const reqId = (await doctor.post('/api/console/requests', { policyNumber, complaint: 'Горло' })).json().id;
  const caseId = (await doctor.post(`/api/console/requests/${reqId}/case`)).json().id;
  return doctor.post(`/api/console/cases/${caseId}/letters`, {
    services: [{ serviceCode: 'B01.047.001', quantity: 1 }],
    approvedCodes: [],
    clinicId,
  });
}

/** PGlite → PostgreSQL and PostgreSQL → PostgreSQL when TEST_DATABASE_URL is set; PGlite → PGlite without. */
const routes = process.env.TEST_DATABASE_URL
  ? [
      { name: 'PGlite → PostgreSQL', source: openFreshPglite },
      { name: 'PostgreSQL → PostgreSQL', source: undefined },
    ]
  : [{ name: 'PGlite → PGlite', source: undefined }];

describe.each(routes)('a restore into a fresh database ($name)', ({ source: openSource }) => {
  it('keeps numbering going and finishes the claim that waited for its receipt', async () => {
    const source = await claimsWorld(openSource ? { openDatabase: openSource } : {});
    const target = await claimsWorld({ store: source.store });
    try {
      const { insured, client, letterId } = await source.withLetter();
      const earlier = await source.withLetter();
      const clinic = await makeClinicWithRequisites(source.ctx.deps);
      const staff = await loggedIn(source.ctx, ['clinic_user'], { clinicIds: [clinic.id] });
      const contract = await staff.client.post(`/api/clinics/${clinic.id}/contracts`, {});
      expect(contract.statusCode, contract.body).toBe(201);
      const qr = source.tillReceipt([
        { name: 'Общий (клинический) анализ крови развернутый', price: 75_000 },
      ]);
      source.store.behaviour.failNext = 1;
      const waiting = (await client.post('/api/me/claims', { letterId, qr })).json();
      expect(waiting.status).toBe('waiting_receipt');
      const file = path.join(dir, `${source.ctx.deps.database.kind}-${Date.now()}.tar.gz`);
      const manifest = await createBackup(
        source.ctx.deps.database,
        source.ctx.deps.storage,
        file,
        new Date(),
      );
      expect(manifest.sequences?.map((s) => s.name)).toEqual(
        expect.arrayContaining(['guarantee_letter_number_seq', 'clinic_contract_number_seq']),
      );

      await restoreBackup(target.ctx.deps.database, target.ctx.deps.storage, file);
      const t = target.ctx;

      // New letters and contracts continue after the restored numbers instead of failing on a duplicate.
      const [doctorRow] = await t.deps.database.db
        .select({ email: users.email })
        .from(users)
        .where(sql`'console_doctor' = any(${users.roles})`);
      const doctor = await signIn(t, doctorRow!.email!);
      const restoredNumbers = [
        ...(await sqlRows<{ number: string }>(t.deps.database.db, sql`select number from guarantee_letters`)),
      ].map((r) => r.number);
      expect(restoredNumbers).toHaveLength(2);
      for (const policy of [insured.policyNumber, earlier.insured.policyNumber]) {
        const letter = await letterFor(doctor, policy, source.clinic.id);
        expect(letter.statusCode, letter.body).toBe(201);
        expect(restoredNumbers).not.toContain(letter.json().number);
      }
      const newClinic = await makeClinicWithRequisites(t.deps);
      const newStaff = await loggedIn(t, ['clinic_user'], { clinicIds: [newClinic.id] });
      const next = await newStaff.client.post(`/api/clinics/${newClinic.id}/contracts`, {});
      expect(next.statusCode, next.body).toBe(201);
      expect(next.json().number).not.toBe(contract.json().number);

      // The job queue did not travel: the sweep finds the claim and fetches the receipt the FNS still has.
      const recovered = await recoverLostWork(t.deps);
      expect(recovered.receiptFetches).toBe(1);
      expect(await recoverLostWork(t.deps)).toMatchObject({ receiptFetches: 0 });
      for (const id of await takeJobs(t, CLAIM_FETCH_QUEUE)) await target.services().claims.fetch(id);
      for (const id of await takeJobs(t, PAYOUT_SEND_QUEUE)) await target.services().payouts.send(id);
      const [p] = await target.payoutsFor(waiting.id);
      await target.services().payouts.poll(p!.id, 0);
      const person = await signIn(t, insured.user!.email);
      expect((await person.get(`/api/me/claims/${waiting.id}`)).json().status).toBe('paid');
      const [row] = await t.deps.database.db.select().from(claims).where(eq(claims.id, waiting.id));
      expect(row!.status).toBe('paid');
    } finally {
      await target.close();
      await source.close();
    }
  });
});
