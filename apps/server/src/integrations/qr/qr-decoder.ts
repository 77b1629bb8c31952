import fs from 'node:fs';
import { createRequire } from 'node:module';
import sharp, { type Sharp } from 'sharp';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

// The decoder's WebAssembly comes from the installed package, never from a CDN.
const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
let ready: Promise<unknown> | null = null;
function zxing() {
  ready ??= Promise.resolve(
    prepareZXingModule({
      overrides: { wasmBinary: fs.readFileSync(wasmPath).buffer as ArrayBuffer },
      fireImmediately: true,
    }),
  );
  return ready;
}

/**
 * Ways to clean up a phone photo before decoding: upright by EXIF, grey, stretched contrast, a sensible
 * size; then harsher variants (sharpened, thresholded, enlarged) for dim or small codes.
 */
const VARIANTS: ((img: Sharp) => Sharp)[] = [
  (img) => img.rotate().resize({ width: 1600, height: 1600, fit: 'inside' }).greyscale().normalise(),
  (img) =>
    img
      .rotate()
      .resize({ width: 1600, height: 1600, fit: 'inside' })
      .greyscale()
      .normalise()
      .sharpen({ sigma: 1.5 }),
  (img) =>
    img.rotate().resize({ width: 1200, height: 1200, fit: 'inside' }).greyscale().normalise().threshold(140),
  (img) => img.rotate().resize({ width: 2400, height: 2400, fit: 'inside' }).greyscale().linear(1.6, -60),
];

const looksLikeReceipt = (text: string) => /(^|[?&])fn=\d+/.test(text) && /(^|[?&])i=\d+/.test(text);

/** The receipt QR text found in a photo, or null when there is none (or the file is not an image). */
export async function decodeReceiptQr(photo: Buffer): Promise<string | null> {
  await zxing();
  for (const variant of VARIANTS) {
    let png: Buffer;
    try {
      png = await variant(sharp(photo, { failOn: 'none' }))
        .png()
        .toBuffer();
    } catch {
      return null;
    }
    const results = await readBarcodes(new Uint8Array(png), {
      formats: ['QRCode'],
      tryHarder: true,
      tryRotate: true,
      tryInvert: true,
      maxNumberOfSymbols: 4,
    });
    const found = results.find((r) => r.isValid && looksLikeReceipt(r.text));
    if (found) return found.text;
  }
  return null;
}
