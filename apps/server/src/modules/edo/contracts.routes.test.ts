import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  admin,
  createdByClinic,
  ctx,
  setUpContractsWorld,
  sign,
  signedContract,
} from '../../../test/contracts-world.ts';
import { makeClinicWithRequisites, pdfText, sha256, signatureCode } from '../../../test/edo-fixtures.ts';
import { loggedIn, TestClient } from '../../../test/harness.ts';
import { auditLog, clinics, edoSignatures, outboxMessages, userClinics } from '../../db/schema/index.ts';
import { createContractForNewClinic } from './draw-up-contract.ts';

setUpContractsWorld();

describe('drawing up the contract', () => {
  it('the clinic forms the contract from the template: its and the service requisites are in the PDF', async () => {
    const { clinic, staff, contract, url } = await createdByClinic();
    expect(contract).toMatchObject({
      kind: 'contract',
      status: 'sent',
      createdBySide: 'clinic',
      clinicName: clinic.shortName,
      actions: ['sign'],
      signatures: [],
    });
    expect(contract.number).toMatch(/^Д-2026-\d{6}$/);
    expect(contract.validUntil).toBe('2027-11-19');

    const pdf = await staff.client.get(`${url}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['x-document-sha256']).toBe(contract.pdfSha256);
    expect(sha256(pdf.rawPayload)).toBe(contract.pdfSha256);
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain(`ДОГОВОР № ${contract.number}`);
    expect(text).toContain(`${clinic.name} (ИНН ${clinic.inn}, ОГРН ${clinic.ogrn})`);
    expect(text).toContain('Главный врач Соколова Ирина Викторовна');
    expect(text).toContain('Р/с 40702810938000012345 в ПАО Сбербанк');
    expect(text).toContain(
      'Общество с ограниченной ответственностью «Ремед Ассистанс» (ИНН 7710000008, ОГРН 1027700000107)',
    );
    expect(text).toContain('ИНН 7710000008, КПП 771001001');
    expect(text).toContain('статьи 6 и статьи 9');
    expect(text).toContain('152-ФЗ');

    const [mail] = await ctx.deps.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.subject, `${clinic.shortName}: сформирован Договор № ${contract.number}`));
    expect(mail?.recipient).toBe('dogovor@demo.remed.ru');

    const again = await staff.client.post(`/api/clinics/${clinic.id}/contracts`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CONFLICT');
    const list = (await staff.client.get(`/api/clinics/${clinic.id}/contracts`)).json();
    expect(list.canCreateContract).toBe(false);
    expect(list.missingRequisites).toEqual([]);
  });

  it('names every requisite the clinic has to fill before a contract can be formed', async () => {
    const clinic = await makeClinicWithRequisites(ctx.deps, { ogrn: null, bik: null, headName: null });
    const { client } = await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinic.id] });
    const list = (await client.get(`/api/clinics/${clinic.id}/contracts`)).json();
    expect(list.missingRequisites.map((m: { label: string }) => m.label)).toEqual([
      'ОГРН',
      'ФИО руководителя',
      'БИК банка',
    ]);
    expect(list.canCreateContract).toBe(true);
    const res = await client.post(`/api/clinics/${clinic.id}/contracts`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'REQUISITES_INCOMPLETE',
      message:
        'Чтобы сформировать договор, заполните в реквизитах клиники: ОГРН, ФИО руководителя, БИК банка',
      details: { fields: { ogrn: 'Заполните: ОГРН', bik: 'Заполните: БИК банка' } },
    });
  });

  it('the service starts from a draft, sends it, and can cancel an unsigned one', async () => {
    const clinic = await makeClinicWithRequisites(ctx.deps);
    const base = `/api/clinics/${clinic.id}/contracts`;
    const draft = (await admin.client.post(base, {})).json();
    expect(draft).toMatchObject({
      status: 'draft',
      createdBySide: 'service',
      actions: ['send', 'regenerate', 'cancel'],
    });
    const sent = await admin.client.post(`${base}/${draft.id}/send`, {});
    expect(sent.json()).toMatchObject({ status: 'sent' });
    const [mail] = await ctx.deps.database.db
      .select()
      .from(outboxMessages)
      .where(
        and(
          eq(outboxMessages.recipient, clinic.email!),
          eq(outboxMessages.subject, `Договор № ${draft.number} — на подпись`),
        ),
      );
    expect(mail?.attachments).toEqual([expect.objectContaining({ filename: `${draft.number}.pdf` })]);

    expect((await admin.client.post(`${base}/${draft.id}/send`, {})).json().code).toBe('INVALID_STATE');
    const noReason = await admin.client.post(`${base}/${draft.id}/cancel`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details.fields.reason).toBe('Укажите причину отмены');
    const cancelled = await admin.client.post(`${base}/${draft.id}/cancel`, { reason: 'Неверный срок' });
    expect(cancelled.json()).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Неверный срок',
      actions: [],
    });
    expect((await admin.client.post(base, {})).statusCode).toBe(201);
  });

  it('other modules can draw up the contract for a newly registered clinic, ready for its signature', async () => {
    const clinic = await makeClinicWithRequisites(ctx.deps);
    const id = await createContractForNewClinic(ctx.deps, clinic.id);
    const { client } = await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinic.id] });
    const view = (await client.get(`/api/clinics/${clinic.id}/contracts/${id}`)).json();
    expect(view).toMatchObject({ status: 'sent', createdBySide: 'service', actions: ['sign'] });
    await expect(createContractForNewClinic(ctx.deps, clinic.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('signing with a one-time code', () => {
  it('clinic signs, service countersigns; both signatures are stored and stamped into a new PDF', async () => {
    const { clinic, staff, contract, url } = await createdByClinic();
    const code = await signatureCode(ctx, staff.client, url, staff.user.email);
    const byClinic = await staff.client.post(`${url}/sign`, {
      code,
      documentHash: contract.pdfSha256,
      signerPost: 'Главный врач',
    });
    expect(byClinic.statusCode, byClinic.body).toBe(200);
    expect(byClinic.json()).toMatchObject({ status: 'signed_by_clinic', actions: [] });
    const notice = await ctx.deps.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.subject, `${clinic.shortName} подписала: Договор № ${contract.number}`));
    expect(notice).toHaveLength(1);

    expect((await admin.client.get(url)).json().actions).toEqual(['sign']);
    const byService = await sign(admin.client, url, admin.user.email, {
      post: 'Директор по договорной работе',
    });
    expect(byService.json()).toMatchObject({ status: 'signed', actions: [] });
    const signed = byService.json();
    expect(signed.signatures.map((s: { side: string }) => s.side)).toEqual(['clinic', 'service']);
    expect(
      signed.signatures.every((s: { documentSha256: string }) => s.documentSha256 === contract.pdfSha256),
    ).toBe(true);

    const rows = await ctx.deps.database.db
      .select()
      .from(edoSignatures)
      .where(eq(edoSignatures.contractId, contract.id));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ ip: '127.0.0.1', documentSha256: contract.pdfSha256 });

    // The original stays byte for byte what was signed; the stamped copy is a separate file.
    const original = await staff.client.get(`${url}/pdf`);
    expect(sha256(original.rawPayload)).toBe(contract.pdfSha256);
    const stamped = await staff.client.get(`${url}/signed.pdf`);
    expect(stamped.statusCode).toBe(200);
    const text = pdfText(stamped.rawPayload).replace(/\s+/g, ' ');
    expect(text.match(/Документ подписан простой электронной подписью/g)).toHaveLength(2);
    expect(text).toContain(`Клиника: ${clinic.shortName}`);
    expect(text).toContain('Главный врач');
    expect(text).toContain('Директор по договорной работе');
    expect(text).toContain(contract.pdfSha256);
    expect(text).toContain(signed.signatures[0].codeId);
    expect(text).toContain(signed.signatures[1].codeId);
    expect(text).toContain('20.11.2026');
    expect(text).toContain(clinic.name);

    const mails = await ctx.deps.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.subject, `Договор № ${contract.number} подписан обеими сторонами`));
    expect(mails.map((m) => m.recipient)).toContain(clinic.email);
    expect(mails[0]!.attachments[0]!.filename).toBe(`${contract.number}-подписан.pdf`);

    const audit = await ctx.deps.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, contract.id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'clinic_contract.created',
        'clinic_contract.signature_code_sent',
        'clinic_contract.signed',
      ]),
    );
  });

  it('refuses a wrong code and an expired one, and audits the refusal', async () => {
    const { staff, contract, url } = await createdByClinic();
    const code = await signatureCode(ctx, staff.client, url, staff.user.email);
    const wrong = await staff.client.post(`${url}/sign`, {
      code: code === '000000' ? '111111' : '000000',
      documentHash: contract.pdfSha256,
      signerPost: 'Главный врач',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      code: 'CODE_INVALID',
      details: { fields: { code: expect.any(String) } },
    });

    const malformed = await staff.client.post(`${url}/sign`, {
      code: '12',
      documentHash: 'x',
      signerPost: '',
    });
    expect(malformed.statusCode).toBe(400);
    expect(Object.keys(malformed.json().details.fields).sort()).toEqual([
      'code',
      'documentHash',
      'signerPost',
    ]);

    const fresh = await signatureCode(ctx, staff.client, url, staff.user.email);
    ctx.clock.advance(11 * 60_000);
    const expired = await sign(staff.client, url, staff.user.email, { code: fresh });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().code).toBe('CODE_EXPIRED');
    expect((await staff.client.get(url)).json()).toMatchObject({ status: 'sent', signatures: [] });
    const refusals = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entityId, contract.id), eq(auditLog.action, 'clinic_contract.signature_refused')),
      );
    expect(refusals.map((r) => (r.after as { reason: string }).reason)).toEqual([
      'CODE_INVALID',
      'CODE_EXPIRED',
    ]);
  });

  it('refuses a signature when the document changed after the signer opened it', async () => {
    const clinic = await makeClinicWithRequisites(ctx.deps);
    const staff = await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinic.id] });
    const base = `/api/clinics/${clinic.id}/contracts`;
    const draft = (await admin.client.post(base, {})).json();
    const url = `${base}/${draft.id}`;
    await admin.client.post(`${url}/send`, {});
    const shown = (await staff.client.get(url)).json().pdfSha256;
    const code = await signatureCode(ctx, staff.client, url, staff.user.email);

    await ctx.deps.database.db
      .update(clinics)
      .set({ address: 'г. Москва, Новый проспект, д. 1' })
      .where(eq(clinics.id, clinic.id));
    const regenerated = (await admin.client.post(`${url}/regenerate`, {})).json();
    expect(regenerated.status).toBe('sent');
    expect(regenerated.pdfSha256).not.toBe(shown);

    const stale = await staff.client.post(`${url}/sign`, {
      code,
      documentHash: shown,
      signerPost: 'Главный врач',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('DOCUMENT_CHANGED');
    // The code was not spent on the stale attempt: it signs the new version.
    const fresh = await staff.client.post(`${url}/sign`, {
      code,
      documentHash: regenerated.pdfSha256,
      signerPost: 'Главный врач',
    });
    expect(fresh.statusCode, fresh.body).toBe(200);
    const text = pdfText((await staff.client.get(`${url}/pdf`)).rawPayload);
    expect(text).toContain('Новый проспект');
  });

  it('signing twice leaves one signature; no code is sent for a document already signed', async () => {
    const { staff, contract, url } = await createdByClinic();
    const code = await signatureCode(ctx, staff.client, url, staff.user.email);
    const body = { code, documentHash: contract.pdfSha256, signerPost: 'Главный врач' };
    const first = await staff.client.post(`${url}/sign`, body);
    const second = await staff.client.post(`${url}/sign`, body);
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.json().signatures).toHaveLength(1);
    const rows = await ctx.deps.database.db
      .select()
      .from(edoSignatures)
      .where(eq(edoSignatures.contractId, contract.id));
    expect(rows).toHaveLength(1);
    ctx.clock.advance(61_000);
    const again = await staff.client.post(`${url}/signature-code`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_STATE');
  });

  it('keeps the order: the service cannot sign before the clinic, nothing changes a signed contract', async () => {
    const { url } = await createdByClinic();
    ctx.clock.advance(61_000);
    expect((await admin.client.post(`${url}/signature-code`, {})).json().code).toBe('INVALID_STATE');
    const signed = await signedContract();
    for (const action of ['send', 'regenerate'])
      expect((await admin.client.post(`${signed.url}/${action}`, {})).json().code).toBe('INVALID_STATE');
    expect((await admin.client.post(`${signed.url}/cancel`, { reason: 'Передумали' })).json().code).toBe(
      'INVALID_STATE',
    );
  });

  it('a code is bound to one document: a code for one contract does not sign another', async () => {
    const a = await createdByClinic();
    const code = await signatureCode(ctx, a.staff.client, a.url, a.staff.user.email);
    const clinicB = await makeClinicWithRequisites(ctx.deps);
    await ctx.deps.database.db.insert(userClinics).values({
      userId: a.staff.user.id,
      clinicId: clinicB.id,
    });
    const other = new TestClient(ctx.app);
    await other.login(a.staff.user.email);
    const b = (await other.post(`/api/clinics/${clinicB.id}/contracts`, {})).json();
    const res = await other.post(`/api/clinics/${clinicB.id}/contracts/${b.id}/sign`, {
      code,
      documentHash: b.pdfSha256,
      signerPost: 'Главный врач',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('CODE_INVALID');
  });
});
