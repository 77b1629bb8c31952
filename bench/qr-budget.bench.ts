/**
 * Receipt photos under the QR budget: how long a photo of noise (the decoder's worst case: every variant
 * searched to the end) takes to answer, and how much the request thread stalls meanwhile — with the budget
 * off (a minute) and on (QR_TIMEOUT_SECONDS, default 6). A readable receipt photo is timed as the baseline.
 * `npx tsx bench/qr-budget.bench.ts [photos]` (default 3).
 */
import crypto from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import sharp from 'sharp';
import { createQrReader } from '../apps/server/src/integrations/qr/qr-decoder.ts';
import { qrPng } from '../apps/server/src/integrations/qr/qr-image.ts';

const N = Number(process.argv[2] ?? 3);
const noise = await sharp(crypto.randomBytes(1600 * 1200 * 3), {
  raw: { width: 1600, height: 1200, channels: 3 },
})
  .jpeg()
  .toBuffer();
const receipt = await qrPng('t=20261120T1430&s=3250.00&fn=9282000100254567&i=11401&fp=2817130534&n=1');

async function run(label: string, photo: Buffer, timeoutMs: number) {
  const reader = createQrReader({ workers: 1, timeoutMs, maxPixels: 50_000_000 });
  await reader.read(receipt); // the thread and its WebAssembly are warm before timing
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const times: number[] = [];
  let answer = '';
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    const r = await reader.read(photo);
    times.push(performance.now() - t);
    answer = r.ok ? 'read' : r.reason;
  }
  lag.disable();
  await reader.close();
  const avg = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(
    `${label}: answer=${answer} avg_ms=${avg.toFixed(0)} max_ms=${Math.max(...times).toFixed(0)} event_loop_max_ms=${(lag.max / 1e6).toFixed(0)}`,
  );
}

await run('receipt, budget 6 s', receipt, 6000);
await run('noise, no budget (60 s)', noise, 60_000);
await run('noise, budget 6 s', noise, 6000);
