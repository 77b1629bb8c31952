import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClinicWithRequisites, pdfText, sha256, signatureCode } from '../../../test/edo-fixtures.ts';
import {
  createTestContext,
  loggedIn,
  multipartBody,
  TestClient,
  type TestContext,
} from '../../../test/harness.ts';
import { auditLog, outboxMessages } from '../../db/schema/index.ts';
import { renderPdf } from '../../platform/pdf.ts';

let ctx: TestContext;
let admin: Awaited<ReturnType<typeof loggedIn>>;
let actPdf: Buffer;

beforeAll(async () => {
  // A small limit so that the test for a too large file stays small.
  ctx = await createTestContext({ LOGIN_RATE_PER_MINUTE: '1000', EDO_MAX_FILE_MB: '1' });
  admin = await loggedIn(ctx, ['admin']);
  actPdf = await renderPdf({
    content: 'Акт сверки кэшбэка за октябрь 2026',
    defaultStyle: { font: 'DejaVu' },
  });
});
afterAll(() => ctx.close());

async function clinicWithUser() {
  const clinic = await makeClinicWithRequisites(ctx.deps);
  const staff = await loggedIn(ctx, ['clinic_user'], { clinicIds: [clinic.id] });
  return { clinic, staff, base: `/api/clinics/${clinic.id}/documents` };
}

function upload(
  client: TestClient,
  base: string,
  fields: Record<string, string>,
  file?: { name: string; content: Buffer },
) {
  const body = multipartBody(fields, file ? { field: 'file', ...file } : undefined);
  return client.post(base, body.payload, { headers: body.headers });
}

const ACT = {
  type: 'act',
  number: 'А-17',
  documentDate: '2026-11-01',
  periodFrom: '2026-10-01',
  periodTo: '2026-10-31',
};

async function xlsx() {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Реестр').addRow(['Код', 'Сумма']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function sentByService() {
  const c = await clinicWithUser();
  const res = await upload(
    admin.client,
    c.base,
    { ...ACT, comment: 'Прошу подписать до 10.11' },
    { name: 'акт.pdf', content: actPdf },
  );
  expect(res.statusCode, res.body).toBe(201);
  return { ...c, doc: res.json(), url: `${c.base}/${res.json().id}` };
}

describe('sending a document', () => {
  it('the service sends an act: the clinic is told by e-mail, opening it marks it received', async () => {
    const { clinic, staff, doc, url } = await sentByService();
    expect(doc).toMatchObject({
      senderSide: 'service',
      type: 'act',
      number: 'А-17',
      periodFrom: '2026-10-01',
      periodTo: '2026-10-31',
      fileName: 'акт.pdf',
      contentType: 'application/pdf',
      size: actPdf.length,
      sha256: sha256(actPdf),
      status: 'sent',
      actions: [],
    });
    const [mail] = await ctx.deps.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.subject, 'Новый документ: Акт № А-17 от 01.11.2026'));
    expect(mail?.recipient).toBe(clinic.email);
    expect(mail?.body).toContain('Период: 01.10.2026 — 31.10.2026.');

    // The sender looking at its own document changes nothing.
    expect((await admin.client.get(url)).json().status).toBe('sent');
    const opened = (await staff.client.get(url)).json();
    expect(opened).toMatchObject({ status: 'received', actions: ['sign', 'reject'] });
    expect(opened.receivedAt).toBe('2026-11-20T07:00:00.000Z');
    const file = await staff.client.get(`${url}/file`);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(sha256(file.rawPayload)).toBe(doc.sha256);
  });

  it('downloading the file is also a first opening', async () => {
    const { staff, url } = await sentByService();
    await staff.client.get(`${url}/file`);
    expect((await admin.client.get(url)).json().status).toBe('received');
  });

  it('the clinic signs with a code; the signature sheet binds the file hash and the stamp', async () => {
    const { clinic, staff, doc, url } = await sentByService();
    expect((await staff.client.get(`${url}/signed.pdf`)).statusCode).toBe(404);
    const code = await signatureCode(ctx, staff.client, url, staff.user.email);
    const res = await staff.client.post(`${url}/sign`, {
      code,
      documentHash: doc.sha256,
      signerPost: 'Главный бухгалтер',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'signed',
      signature: { side: 'clinic', signerPost: 'Главный бухгалтер', documentSha256: doc.sha256 },
    });
    const sheet = await staff.client.get(`${url}/signed.pdf`);
    const text = pdfText(sheet.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Лист подписания электронного документа');
    expect(text).toContain('Акт № А-17 от 01.11.2026');
    expect(text).toContain(doc.sha256);
    expect(text).toContain('Документ подписан простой электронной подписью');
    expect(text).toContain(`Клиника: ${clinic.shortName}`);
    expect(text).toContain(res.json().signature.codeId);
    const again = await staff.client.post(`${url}/sign`, {
      code,
      documentHash: doc.sha256,
      signerPost: 'Главный бухгалтер',
    });
    expect(again.statusCode).toBe(200);
    expect((await staff.client.post(`${url}/reject`, { reason: 'Поздно' })).json().code).toBe(
      'INVALID_STATE',
    );
    const [notice] = await ctx.deps.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.subject, `Подписан: Акт № А-17 от 01.11.2026 (${clinic.shortName})`));
    expect(notice?.recipient).toBe('dogovor@demo.remed.ru');
  });

  it('refuses a signature with a wrong hash or code, and the sender answering its own document', async () => {
    const { staff, doc, url } = await sentByService();
    const code = await signatureCode(ctx, staff.client, url, staff.user.email);
    const changed = await staff.client.post(`${url}/sign`, {
      code,
      documentHash: 'a'.repeat(64),
      signerPost: 'Бухгалтер',
    });
    expect(changed.json().code).toBe('DOCUMENT_CHANGED');
    const wrong = await staff.client.post(`${url}/sign`, {
      code: code === '000000' ? '111111' : '000000',
      documentHash: doc.sha256,
      signerPost: 'Бухгалтер',
    });
    expect(wrong.json().code).toBe('CODE_INVALID');
    ctx.clock.advance(61_000);
    expect((await admin.client.post(`${url}/signature-code`, {})).json().code).toBe('INVALID_STATE');
    expect((await admin.client.post(`${url}/reject`, { reason: 'Сами отправили' })).json().code).toBe(
      'INVALID_STATE',
    );
  });

  it('the clinic sends a registry; the service rejects it with a reason', async () => {
    const { clinic, staff, base } = await clinicWithUser();
    const res = await upload(
      staff.client,
      base,
      { type: 'registry', number: 'Р-5', documentDate: '2026-11-19' },
      { name: 'реестр.xlsx', content: await xlsx() },
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      senderSide: 'clinic',
      contentType: expect.stringContaining('spreadsheetml'),
    });
    const url = `${base}/${res.json().id}`;
    const [toService] = await ctx.deps.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.subject, `${clinic.shortName}: Реестр № Р-5 от 19.11.2026`));
    expect(toService?.recipient).toBe('dogovor@demo.remed.ru');
    expect((await staff.client.post(`${url}/reject`, { reason: 'Своё не отклоняют' })).statusCode).toBe(409);
    const short = await admin.client.post(`${url}/reject`, { reason: 'x' });
    expect(short.json().details.fields.reason).toBe('Укажите причину отказа');
    const rejected = await admin.client.post(`${url}/reject`, { reason: 'Нет строки за 12.10' });
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      rejectReason: 'Нет строки за 12.10',
      actions: [],
    });
    const audit = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, res.json().id));
    expect(audit.map((a) => a.action).sort()).toEqual(['clinic_document.rejected', 'clinic_document.sent']);
  });
});

describe('upload checks', () => {
  it('checks the type by content, not by name', async () => {
    const { staff, base } = await clinicWithUser();
    const renamed = await upload(staff.client, base, ACT, {
      name: 'акт.pdf',
      content: Buffer.from('MZ\x90\x00\x03\x00 executable'),
    });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().details.fields.file).toContain('не похоже на PDF');
    const exe = await upload(staff.client, base, ACT, { name: 'setup.exe', content: actPdf });
    expect(exe.json().details.fields.file).toContain('не принимается');
  });

  it('refuses a file over the limit with 413', async () => {
    const { staff, base } = await clinicWithUser();
    const big = Buffer.concat([actPdf, Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    const res = await upload(staff.client, base, ACT, { name: 'акт.pdf', content: big });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: { fields: { file: 'Не больше 1 МБ' } },
    });
  });

  it('names each missing or wrong field', async () => {
    const { staff, base } = await clinicWithUser();
    const res = await upload(staff.client, base, {
      type: 'receipt',
      documentDate: '2026-13-01',
      periodFrom: '2026-10-31',
      periodTo: '2026-10-01',
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().details.fields).sort()).toEqual(['documentDate', 'file', 'number', 'type']);
    const period = await upload(
      staff.client,
      base,
      { ...ACT, periodFrom: '2026-10-31', periodTo: '2026-10-01' },
      { name: 'акт.pdf', content: actPdf },
    );
    expect(period.json().details.fields.periodTo).toBe('Конец периода раньше начала');
  });
});

describe('history and search', () => {
  it('lists who did what and when, filtered by kind, status, period and text', async () => {
    const { staff, clinic, url } = await sentByService();
    ctx.clock.advance(60_000);
    await staff.client.get(url);
    ctx.clock.advance(60_000);
    await upload(
      staff.client,
      `/api/clinics/${clinic.id}/documents`,
      { type: 'report', number: 'О-3', documentDate: '2026-11-19' },
      {
        name: 'отчёт.csv',
        content: Buffer.from('Показатель;Значение\r\nПриёмы;12\r\n'),
      },
    );
    const h = `/api/clinics/${clinic.id}/edo-history`;
    const all = (await staff.client.get(h)).json();
    expect(all.map((e: { action: string; title: string }) => `${e.action} ${e.title}`)).toEqual([
      'sent Отчёт № О-3',
      'received Акт № А-17',
      'sent Акт № А-17',
    ]);
    expect(all[1]).toMatchObject({
      actorName: expect.stringContaining('Тестов'),
      actorSide: 'clinic',
      status: 'received',
    });
    expect((await staff.client.get(`${h}?kind=report`)).json()).toHaveLength(1);
    expect((await staff.client.get(`${h}?status=received`)).json()).toHaveLength(2);
    expect((await staff.client.get(`${h}?q=${encodeURIComponent('отчёт.csv')}`)).json()).toHaveLength(1);
    expect((await staff.client.get(`${h}?from=2026-11-21`)).json()).toHaveLength(0);
    expect((await staff.client.get(`${h}?from=2026-11-20&to=2026-11-20`)).json()).toHaveLength(3);
    expect((await staff.client.get(`${h}?kind=invoice`)).statusCode).toBe(400);

    const docs = `/api/clinics/${clinic.id}/documents`;
    expect((await staff.client.get(`${docs}?type=act`)).json()).toHaveLength(1);
    expect((await staff.client.get(`${docs}?q=О-3`)).json()).toHaveLength(1);
    expect((await staff.client.get(`${docs}?status=signed`)).json()).toHaveLength(0);
    expect((await admin.client.get(`/api/edo/documents?clinicId=${clinic.id}`)).json()).toHaveLength(2);
    expect((await admin.client.get(`/api/edo/history?clinicId=${clinic.id}`)).json()).toHaveLength(3);
  });
});

describe('access', () => {
  it('a clinic never sees, downloads or answers another clinic documents', async () => {
    const a = await clinicWithUser();
    const b = await sentByService();
    const code = await signatureCode(ctx, b.staff.client, b.url, b.staff.user.email);
    await b.staff.client.post(`${b.url}/sign`, { code, documentHash: b.doc.sha256, signerPost: 'Бухгалтер' });
    const foreign = `${a.base}/${b.doc.id}`;
    for (const suffix of ['', '/file', '/signed.pdf']) {
      expect((await a.staff.client.get(`${foreign}${suffix}`)).statusCode, `A path ${suffix}`).toBe(404);
      expect((await a.staff.client.get(`${b.url}${suffix}`)).statusCode, `B path ${suffix}`).toBe(403);
    }
    expect((await a.staff.client.post(`${foreign}/reject`, { reason: 'Чужой документ' })).statusCode).toBe(
      404,
    );
    expect((await a.staff.client.post(`${b.url}/reject`, { reason: 'Чужой документ' })).statusCode).toBe(403);
    expect((await a.staff.client.get(b.base)).statusCode).toBe(403);
    expect((await a.staff.client.get(`/api/clinics/${b.clinic.id}/edo-history`)).statusCode).toBe(403);
    expect((await upload(a.staff.client, b.base, ACT, { name: 'акт.pdf', content: actPdf })).statusCode).toBe(
      403,
    );
    const own = (await a.staff.client.get(`/api/clinics/${a.clinic.id}/edo-history`)).json();
    expect(own).toEqual([]);
  });

  it('other roles get 403, strangers 401; the clinic cannot use the service lists', async () => {
    const { staff, base, url } = await sentByService();
    for (const path of ['/api/edo/documents', '/api/edo/history', '/api/edo/clinics'])
      expect((await staff.client.get(path)).statusCode, path).toBe(403);
    for (const role of ['insured', 'console_doctor', 'policyholder_user'] as const) {
      const other = await loggedIn(ctx, [role]);
      for (const path of [base, url, `${url}/file`, `${url}/signed.pdf`, '/api/edo/documents'])
        expect((await other.client.get(path)).statusCode, `${role} ${path}`).toBe(403);
    }
    const stranger = new TestClient(ctx.app);
    for (const path of [base, url, `${url}/file`, `${url}/signed.pdf`, '/api/edo/history'])
      expect((await stranger.get(path)).statusCode, path).toBe(401);
  });
});

describe('every route of the exchange', () => {
  it('answers strangers 401, other roles 403, and another clinic 403 by its path or 404 by one own', async () => {
    const a = await clinicWithUser();
    const b = await sentByService();
    const contract = (await admin.client.post(`/api/clinics/${b.clinic.id}/contracts`, {})).json();
    const routes = (clinicId: string, contractId: string, docId: string): [string, string, unknown][] => [
      ['GET', `/api/clinics/${clinicId}/contracts`, undefined],
      ['POST', `/api/clinics/${clinicId}/contracts`, {}],
      ['GET', `/api/clinics/${clinicId}/contracts/${contractId}`, undefined],
      ['GET', `/api/clinics/${clinicId}/contracts/${contractId}/pdf`, undefined],
      ['GET', `/api/clinics/${clinicId}/contracts/${contractId}/signed.pdf`, undefined],
      ['POST', `/api/clinics/${clinicId}/contracts/${contractId}/signature-code`, {}],
      [
        'POST',
        `/api/clinics/${clinicId}/contracts/${contractId}/sign`,
        { code: '123456', documentHash: 'a'.repeat(64), signerPost: 'Врач' },
      ],
      ['GET', `/api/clinics/${clinicId}/documents`, undefined],
      ['GET', `/api/clinics/${clinicId}/documents/${docId}`, undefined],
      ['GET', `/api/clinics/${clinicId}/documents/${docId}/file`, undefined],
      ['GET', `/api/clinics/${clinicId}/documents/${docId}/signed.pdf`, undefined],
      ['POST', `/api/clinics/${clinicId}/documents/${docId}/signature-code`, {}],
      [
        'POST',
        `/api/clinics/${clinicId}/documents/${docId}/sign`,
        { code: '123456', documentHash: 'a'.repeat(64), signerPost: 'Врач' },
      ],
      ['POST', `/api/clinics/${clinicId}/documents/${docId}/reject`, { reason: 'Не наш документ' }],
      ['GET', `/api/clinics/${clinicId}/edo-history`, undefined],
    ];
    const call = (client: TestClient, [method, url, body]: [string, string, unknown]) =>
      method === 'GET' ? client.get(url) : client.post(url, body);

    const insured = await loggedIn(ctx, ['insured']);
    const stranger = new TestClient(ctx.app);
    for (const route of routes(b.clinic.id, contract.id, b.doc.id)) {
      expect((await call(stranger, route)).statusCode, `stranger ${route[1]}`).toBe(401);
      expect((await call(insured.client, route)).statusCode, `insured ${route[1]}`).toBe(403);
      expect((await call(a.staff.client, route)).statusCode, `clinic A ${route[1]}`).toBe(403);
    }
    // Clinic A naming its own clinic in the path finds nothing of clinic B (every route about one item).
    const itemRoutes = routes(a.clinic.id, contract.id, b.doc.id).filter(
      ([, url]) => url.split('/').length > 5,
    );
    expect(itemRoutes).toHaveLength(11);
    for (const route of itemRoutes)
      expect((await call(a.staff.client, route)).statusCode, `clinic A own path ${route[1]}`).toBe(404);
    for (const [method, url] of [
      ['GET', '/api/edo/clinics'],
      ['GET', '/api/edo/contracts'],
      ['GET', '/api/edo/documents'],
      ['GET', '/api/edo/history'],
      ['POST', `/api/clinics/${b.clinic.id}/contracts/${contract.id}/send`],
      ['POST', `/api/clinics/${b.clinic.id}/contracts/${contract.id}/regenerate`],
    ] as const) {
      expect((await call(stranger, [method, url, {}])).statusCode, `stranger ${url}`).toBe(401);
      expect((await call(b.staff.client, [method, url, {}])).statusCode, `clinic ${url}`).toBe(403);
    }
  });
});
