import crypto from 'node:crypto';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { createQrReader } from './qr-decoder.ts';
import { qrPng } from './qr-image.ts';

const RECEIPT = 't=20261120T1430&s=3250.00&fn=9282000100254567&i=11401&fp=2817130534&n=1';

/** A till QR as a phone would photograph it: small on a big grey page, turned, dim, blurred, as JPEG. */
async function photograph(png: Buffer, opts: { angle: number; brightness: number }) {
  const qr = await sharp(png).resize(300).toBuffer();
  const page = await sharp({
    create: { width: 1400, height: 1800, channels: 3, background: { r: 205, g: 200, b: 190 } },
  })
    .composite([{ input: qr, left: 520, top: 700 }])
    .png()
    .toBuffer();
  return sharp(page)
    .rotate(opts.angle, { background: { r: 120, g: 115, b: 110 } })
    .modulate({ brightness: opts.brightness })
    .blur(1.2)
    .jpeg({ quality: 70 })
    .toBuffer();
}

/** Random pixels: the decoder's worst case, every variant searched to the end. */
const noise = (width: number, height: number) =>
  sharp(crypto.randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .jpeg()
    .toBuffer();

const reader = createQrReader({ workers: 1, timeoutMs: 60_000, maxPixels: 20_000_000 });
afterAll(() => reader.close());

// Decoding is real work; on a machine shared with other test runs it takes longer than a unit test's default.
describe('receipt QR from a photo', { timeout: 60_000 }, () => {
  it('reads a turned, dim, blurred phone photo', async () => {
    const png = await qrPng(RECEIPT);
    expect(await reader.read(png)).toEqual({ ok: true, text: RECEIPT });
    expect(await reader.read(await photograph(png, { angle: 90, brightness: 0.6 }))).toEqual({
      ok: true,
      text: RECEIPT,
    });
    expect(await reader.read(await photograph(png, { angle: 180, brightness: 1.3 }))).toEqual({
      ok: true,
      text: RECEIPT,
    });
  });

  it('says so when there is no receipt QR: a blank photo, another QR, a non-image', async () => {
    const blank = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#ddd' } })
      .jpeg()
      .toBuffer();
    expect(await reader.read(blank)).toEqual({ ok: false, reason: 'not_found' });
    expect(await reader.read(await qrPng('https://example.ru/not-a-receipt'))).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(await reader.read(Buffer.from('%PDF-1.7 not an image'))).toEqual({
      ok: false,
      reason: 'not_found',
    });
  });

  it('refuses a photo above the pixel budget before decoding it', async () => {
    const small = createQrReader({ workers: 1, timeoutMs: 60_000, maxPixels: 1_000_000 });
    try {
      const big = await sharp({ create: { width: 1200, height: 1000, channels: 3, background: '#fff' } })
        .png()
        .toBuffer();
      expect(await small.read(big)).toEqual({ ok: false, reason: 'too_many_pixels' });
      expect(await small.read(await qrPng(RECEIPT))).toEqual({ ok: true, text: RECEIPT });
    } finally {
      await small.close();
    }
  });

  it('abandons a photo over the time budget, and the next photo is read by a fresh thread', async () => {
    const own = createQrReader({ workers: 1, timeoutMs: 60_000, maxPixels: 20_000_000 });
    try {
      expect(await own.read(await noise(1600, 1200), 1)).toEqual({ ok: false, reason: 'timeout' });
      expect(await own.read(await qrPng(RECEIPT))).toEqual({ ok: true, text: RECEIPT });
    } finally {
      await own.close();
    }
  });

  it('refuses at once when too many photos are already waiting', async () => {
    const narrow = createQrReader({ workers: 1, timeoutMs: 60_000, maxPixels: 20_000_000, maxQueue: 1 });
    try {
      const photo = await noise(160, 120);
      const readings = await Promise.all([narrow.read(photo), narrow.read(photo), narrow.read(photo)]);
      // Each read first measures its photo, so which of the three finds the queue full is up to the thread pool.
      expect(readings.map((r) => r.ok || r.reason).sort()).toEqual(['busy', 'not_found', 'not_found']);
    } finally {
      await narrow.close();
    }
  });
});
