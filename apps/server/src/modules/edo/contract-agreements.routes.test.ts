import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  admin,
  clinicWithUser,
  createdByClinic,
  ctx,
  setUpContractsWorld,
  sign,
  signedContract,
} from '../../../test/contracts-world.ts';
import { pdfText } from '../../../test/edo-fixtures.ts';
import { loggedIn, TestClient } from '../../../test/harness.ts';
import { clinicCashback } from '../../db/schema/index.ts';

setUpContractsWorld();

describe('supplementary agreements', () => {
  it('a prolongation, signed by both, extends the contract', async () => {
    const { staff, contract, base, url } = await signedContract();
    const tooEarly = await admin.client.post(`${url}/supplements`, {
      type: 'prolongation',
      validUntil: '2027-01-01',
    });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().details.fields.validUntil).toBeDefined();
    const ds = await admin.client.post(`${url}/supplements`, {
      type: 'prolongation',
      validUntil: '2028-11-19',
    });
    expect(ds.statusCode, ds.body).toBe(201);
    expect(ds.json()).toMatchObject({
      kind: 'supplement',
      supplementType: 'prolongation',
      status: 'draft',
      parentNumber: contract.number,
    });
    expect(ds.json().number).toMatch(/^ДС-2026-\d{6}$/);
    const dsUrl = `${base}/${ds.json().id}`;
    const text = pdfText((await staff.client.get(`${dsUrl}/pdf`)).rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain(`к договору № ${contract.number} от 20.11.2026`);
    expect(text).toContain('по 19.11.2028 включительно');

    await admin.client.post(`${dsUrl}/send`, {});
    expect((await sign(staff.client, dsUrl, staff.user.email)).statusCode).toBe(200);
    expect((await staff.client.get(url)).json().validUntil).toBe('2027-11-19');
    expect((await sign(admin.client, dsUrl, admin.user.email, { post: 'Директор' })).json().status).toBe(
      'signed',
    );
    expect((await staff.client.get(url)).json().validUntil).toBe('2028-11-19');
  });

  it('a cashback agreement sets the clinic cashback from its date once signed', async () => {
    const { clinic, staff, base, url } = await signedContract();
    const ds = (
      await admin.client.post(`${url}/supplements`, {
        type: 'cashback',
        effectiveFrom: '2026-12-01',
        cashbackPercent: 7,
      })
    ).json();
    const dsUrl = `${base}/${ds.id}`;
    await admin.client.post(`${dsUrl}/send`, {});
    await sign(staff.client, dsUrl, staff.user.email);
    await sign(admin.client, dsUrl, admin.user.email, { post: 'Директор' });
    const rows = await ctx.deps.database.db
      .select()
      .from(clinicCashback)
      .where(eq(clinicCashback.clinicId, clinic.id));
    expect(rows).toEqual([{ clinicId: clinic.id, validFrom: '2026-12-01', percent: 7 }]);
  });

  it('is refused for an unsigned contract, with a bad percent, and to the clinic', async () => {
    const { staff, url } = await createdByClinic();
    expect(
      (
        await admin.client.post(`${url}/supplements`, { type: 'requisites', effectiveFrom: '2026-12-01' })
      ).json().code,
    ).toBe('INVALID_STATE');
    const bad = await admin.client.post(`${url}/supplements`, {
      type: 'cashback',
      effectiveFrom: '2026-12-01',
      cashbackPercent: 12,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields.cashbackPercent).toBe('Не больше 10 %');
    expect(
      (await staff.client.post(`${url}/supplements`, { type: 'requisites', effectiveFrom: '2026-12-01' }))
        .statusCode,
    ).toBe(403);
  });
});

describe('access', () => {
  it('a clinic never reads, downloads or signs another clinic contract', async () => {
    const a = await clinicWithUser();
    const b = await signedContract();
    const foreign = `${a.base}/${b.contract.id}`;
    for (const suffix of ['', '/pdf', '/signed.pdf']) {
      expect((await a.staff.client.get(`${foreign}${suffix}`)).statusCode, `A path ${suffix}`).toBe(404);
      expect((await a.staff.client.get(`${b.url}${suffix}`)).statusCode, `B path ${suffix}`).toBe(403);
    }
    expect((await a.staff.client.get(b.base)).statusCode).toBe(403);
    expect((await a.staff.client.post(b.base, {})).statusCode).toBe(403);
    for (const action of ['signature-code', 'sign'])
      expect((await a.staff.client.post(`${b.url}/${action}`, {})).statusCode).not.toBe(200);
    expect(
      (
        await a.staff.client.post(`${b.url}/sign`, {
          code: '123456',
          documentHash: b.contract.pdfSha256,
          signerPost: 'Врач',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('service-only actions are closed to the clinic; other roles get 403 and strangers 401', async () => {
    const { staff, url, base } = await createdByClinic();
    for (const action of ['send', 'regenerate'])
      expect((await staff.client.post(`${url}/${action}`, {})).statusCode).toBe(403);
    expect((await staff.client.post(`${url}/cancel`, { reason: 'Не нужен' })).statusCode).toBe(403);
    expect((await staff.client.get('/api/edo/contracts')).statusCode).toBe(403);
    for (const role of ['insured', 'console_doctor', 'insurer_user'] as const) {
      const other = await loggedIn(ctx, [role]);
      expect((await other.client.get(base)).statusCode, role).toBe(403);
      expect((await other.client.get(`${url}/pdf`)).statusCode, role).toBe(403);
      expect((await other.client.get('/api/edo/contracts')).statusCode, role).toBe(403);
    }
    const stranger = new TestClient(ctx.app);
    expect((await stranger.get(base)).statusCode).toBe(401);
    expect((await stranger.get(`${url}/pdf`)).statusCode).toBe(401);
    expect((await stranger.get(`${url}/signed.pdf`)).statusCode).toBe(401);
    expect((await stranger.get('/api/edo/contracts')).statusCode).toBe(401);
  });

  it('the service sees every clinic contract and filters by clinic', async () => {
    const a = await createdByClinic();
    const b = await createdByClinic();
    const all = (await admin.client.get('/api/edo/contracts')).json();
    expect(all.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining([a.contract.id, b.contract.id]),
    );
    const onlyA = (await admin.client.get(`/api/edo/contracts?clinicId=${a.clinic.id}`)).json();
    expect(onlyA.map((c: { id: string }) => c.id)).toEqual([a.contract.id]);
    const clinicsList = (await admin.client.get('/api/edo/clinics')).json();
    expect(clinicsList.map((c: { id: string }) => c.id)).toContain(a.clinic.id);
  });
});
