import crypto from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  loggedIn,
  makeOrganisations,
  makeProgram,
  multipartBody,
  type TestClient,
  type TestContext,
} from '../../test/harness.ts';
import { insuredClient } from '../../test/visits.ts';
import { qrPng } from '../integrations/qr/qr-image.ts';

let ctx: TestContext;
let insured: TestClient;
let doctor: TestClient;

beforeAll(async () => {
  // A budget no photo can meet, and one megapixel at most: the refusals are what is under test here.
  ctx = await createTestContext({ QR_TIMEOUT_SECONDS: '0.001', PHOTO_MAX_MEGAPIXELS: '1' }, { jobs: 'off' });
  const orgs = await makeOrganisations(ctx.deps);
  const { programId } = await makeProgram(ctx.deps, orgs);
  insured = (await insuredClient(ctx, programId)).client;
  doctor = (await loggedIn(ctx, ['console_doctor'])).client;
});
afterAll(() => ctx.close());

const picture = (width: number, height: number, format: 'jpeg' | 'png' | 'webp' = 'jpeg') =>
  sharp({ create: { width, height, channels: 3, background: '#c8c3b9' } })
    [format]()
    .toBuffer();

const askForHelp = (photo: Buffer, type = 'image/jpeg', name = 'фото.jpg') =>
  insured.request({
    method: 'POST',
    url: '/api/me/requests',
    ...multipartBody(
      { complaint: 'Болит горло третий день' },
      { field: 'photo', name, content: photo, type },
    ),
  });

const myRequests = async () => (await insured.get('/api/me/requests')).json() as unknown[];

describe('help-request photos are checked by their content before they are stored', () => {
  it('stores a real picture with the type its bytes show, whatever the browser called it', async () => {
    const png = await picture(400, 300, 'png');
    const res = await askForHelp(png, 'image/jpeg', 'снимок.jpg');
    expect(res.statusCode).toBe(201);
    const photo = await doctor.get(`/api/console/requests/${res.json().id}/photo`);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(photo.rawPayload, png)).toBe(0);
    expect((await askForHelp(await picture(640, 480, 'webp'), 'image/webp', 'a.webp')).statusCode).toBe(201);
  });

  it('refuses a disguised file, a broken picture, a HEIC and a picture over the pixel limit; nothing is stored', async () => {
    const before = (await myRequests()).length;
    const jpeg = await picture(800, 600);
    const cases: [Buffer, string, RegExp][] = [
      [Buffer.from('%PDF-1.7 счёт на оплату'), 'VALIDATION_FAILED', /Это не фото/],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'VALIDATION_FAILED', /Это не фото/],
      [jpeg.subarray(0, Math.floor(jpeg.length / 3)), 'VALIDATION_FAILED', /повреждено/],
      [
        Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(2000)]),
        'VALIDATION_FAILED',
        /повреждено/,
      ],
      [
        Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(64)]),
        'VALIDATION_FAILED',
        /HEIC/,
      ],
      [await picture(1200, 1000), 'IMAGE_TOO_LARGE', /больше 1 мегапикс/],
    ];
    for (const [content, code, message] of cases) {
      const res = await askForHelp(content);
      expect(res.statusCode, message.source).toBe(code === 'IMAGE_TOO_LARGE' ? 422 : 400);
      expect(res.json()).toMatchObject({ code, details: { fields: { photo: expect.any(String) } } });
      expect(res.json().message).toMatch(message);
    }
    expect(await myRequests()).toHaveLength(before);
  });
});

describe('receipt photos are read under a pixel and a time budget', () => {
  const sendReceipt = (photo: Buffer) =>
    insured.request({
      method: 'POST',
      url: '/api/me/claims/photo',
      ...multipartBody(
        { letterId: crypto.randomUUID() },
        { field: 'photo', name: 'чек.jpg', content: photo },
      ),
    });

  it('refuses a photo over the pixel budget before decoding it', async () => {
    const res = await sendReceipt(await picture(1200, 1000));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'IMAGE_TOO_LARGE',
      message: expect.stringMatching(/мегапиксел/),
    });
  });

  it('answers QR_TIMEOUT with advice when the photo is not read in time, and the next request is served', async () => {
    const res = await sendReceipt(await qrPng('t=20261120T1430&s=3250.00&fn=9282000100254567&i=1&fp=2&n=1'));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'QR_TIMEOUT',
      message: expect.stringMatching(/за отведённое время. Сфотографируйте чек ближе/),
    });
    expect((await insured.get('/api/me/claims')).statusCode).toBe(200);
  });

  it('a file that is not a picture is a photo without a QR code', async () => {
    const res = await sendReceipt(Buffer.from('not an image at all'));
    expect(res.json().code).toBe('QR_NOT_FOUND');
  });
});
