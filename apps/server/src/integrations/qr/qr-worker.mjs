// Plain JavaScript on purpose: a worker thread starts without the tsx loader, in tests and in production.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import sharp from 'sharp';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

// The decoder's WebAssembly comes from the installed package, never from a CDN.
const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
const ready = prepareZXingModule({
  overrides: { wasmBinary: fs.readFileSync(wasmPath).buffer },
  fireImmediately: true,
});

/**
 * Ways to clean up a phone photo before decoding: upright by EXIF, grey, stretched contrast, a sensible
 * size; then harsher variants (sharpened, thresholded, enlarged) for dim or small codes.
 * @type {((img: import('sharp').Sharp) => import('sharp').Sharp)[]}
 */
const VARIANTS = [
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

/** @param {string} text */
const looksLikeReceipt = (text) => /(^|[?&])fn=\d+/.test(text) && /(^|[?&])i=\d+/.test(text);

/**
 * The receipt QR text found in a photo, or null when there is none (or the file is not an image).
 * @param {Uint8Array} photo
 * @param {number} maxPixels
 * @returns {Promise<string | null>}
 */
async function decode(photo, maxPixels) {
  await ready;
  for (const variant of VARIANTS) {
    let png;
    try {
      png = await variant(sharp(photo, { failOn: 'none', limitInputPixels: maxPixels }))
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

parentPort?.on('message', (/** @type {{ id: number; photo: Uint8Array; maxPixels: number }} */ job) => {
  decode(job.photo, job.maxPixels).then(
    (text) => parentPort?.postMessage({ id: job.id, text }),
    (err) => parentPort?.postMessage({ id: job.id, error: String(err?.message ?? err) }),
  );
});
