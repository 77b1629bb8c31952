import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeReceiptQr } from './qr-decoder.ts';
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

describe('receipt QR from a photo', () => {
  it('reads a turned, dim, blurred phone photo', async () => {
    const png = await qrPng(RECEIPT);
    expect(await decodeReceiptQr(png)).toBe(RECEIPT);
    expect(await decodeReceiptQr(await photograph(png, { angle: 90, brightness: 0.6 }))).toBe(RECEIPT);
    expect(await decodeReceiptQr(await photograph(png, { angle: 180, brightness: 1.3 }))).toBe(RECEIPT);
  });

  it('says so when there is no receipt QR: a blank photo, another QR, a non-image', async () => {
    const blank = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#ddd' } })
      .jpeg()
      .toBuffer();
    expect(await decodeReceiptQr(blank)).toBeNull();
    expect(await decodeReceiptQr(await qrPng('https://example.ru/not-a-receipt'))).toBeNull();
    expect(await decodeReceiptQr(Buffer.from('%PDF-1.7 not an image'))).toBeNull();
  });
});
