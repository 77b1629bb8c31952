import { Worker } from 'node:worker_threads';
import sharp from 'sharp';

interface QrReaderOptions {
  /** Decoding threads; on a small machine one, so photos never take every core from requests. */
  workers: number;
  /** From the moment a photo is handed in (waiting in the queue included) to the answer. */
  timeoutMs: number;
  /** Photos with more pixels are refused before any decoding: decoding cost grows with the pixel count. */
  maxPixels: number;
  /** Photos waiting beyond this are refused at once rather than queued for a time they cannot get. */
  maxQueue?: number;
}

export type QrReading =
  | { ok: true; text: string }
  | { ok: false; reason: 'not_found' | 'timeout' | 'too_many_pixels' | 'busy' }
  | { ok: false; reason: 'failed'; error: string };

interface Job {
  id: number;
  photo: Uint8Array;
  timer: NodeJS.Timeout;
  done(r: QrReading): void;
}

interface Slot {
  worker: Worker | null;
  job: Job | null;
}

const WORKER_URL = new URL('./qr-worker.mjs', import.meta.url);

/** Empties the slot; returns what it held. */
function vacate(slot: Slot): Slot {
  const { worker, job } = slot;
  slot.worker = null;
  slot.job = null;
  return { worker, job };
}

/** A decoder thread for the slot; `settle` gets the slot's job with its reading, or with a failure if the thread dies. */
function spawnDecoder(slot: Slot, settle: (job: Job | null, r: QrReading) => void): Worker {
  const worker = new Worker(WORKER_URL);
  worker.unref();
  worker.on('message', (m: { id: number; text?: string | null; error?: string }) => {
    const job = slot.job;
    if (!job || job.id !== m.id) return;
    slot.job = null;
    settle(job, m.error ? { ok: false, reason: 'failed', error: m.error } : textReading(m.text ?? null));
  });
  const lost = (error: string) => {
    if (slot.worker !== worker) return;
    slot.worker = null;
    const job = slot.job;
    slot.job = null;
    settle(job, { ok: false, reason: 'failed', error });
  };
  worker.on('error', (e) => lost(e.message));
  worker.on('exit', (code) => lost(`decoder thread exited with code ${code}`));
  return worker;
}

/** Width × height from the header alone; 0 for what is not an image. */
function pixelCount(photo: Buffer): Promise<number> {
  return sharp(photo, { failOn: 'none' })
    .metadata()
    .then(
      (m) => (m.width ?? 0) * (m.height ?? 0),
      () => 0,
    );
}

/**
 * Reads receipt QR codes from photos in worker threads under a pixel and a time budget. A photo of noise
 * can keep the decoder busy for seconds; over budget its thread is terminated and replaced, so neither the
 * request thread nor the next photo waits for it.
 */
export function createQrReader(opts: QrReaderOptions) {
  const slots: Slot[] = Array.from({ length: Math.max(1, opts.workers) }, () => ({
    worker: null,
    job: null,
  }));
  const queue: Job[] = [];
  const maxQueue = opts.maxQueue ?? 16;
  let seq = 0;
  let closed = false;

  function finish(job: Job, r: QrReading) {
    clearTimeout(job.timer);
    job.done(r);
  }

  function settle(job: Job | null, r: QrReading) {
    if (job) finish(job, r);
    pump();
  }

  function pump() {
    if (closed) return;
    for (const slot of slots) {
      if (slot.job || !queue.length) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.worker ??= spawnDecoder(slot, settle);
      slot.worker.postMessage({ id: job.id, photo: job.photo, maxPixels: opts.maxPixels });
    }
  }

  function overBudget(job: Job) {
    const queued = queue.indexOf(job);
    if (queued >= 0) queue.splice(queued, 1);
    const slot = slots.find((s) => s.job === job);
    if (slot) void vacate(slot).worker?.terminate();
    job.done({ ok: false, reason: 'timeout' });
    pump();
  }

  return {
    /** `timeoutMs` overrides the reader's budget for one photo. */
    async read(photo: Buffer, timeoutMs = opts.timeoutMs): Promise<QrReading> {
      if (closed) return { ok: false, reason: 'failed', error: 'reader closed' };
      const size = await pixelCount(photo);
      if (!size) return { ok: false, reason: 'not_found' };
      if (size > opts.maxPixels) return { ok: false, reason: 'too_many_pixels' };
      if (queue.length >= maxQueue) return { ok: false, reason: 'busy' };
      return new Promise<QrReading>((resolve) => {
        const job: Job = {
          id: ++seq,
          photo: new Uint8Array(photo),
          timer: setTimeout(() => overBudget(job), timeoutMs),
          done: resolve,
        };
        queue.push(job);
        pump();
      });
    },

    async close() {
      closed = true;
      for (const job of queue.splice(0)) finish(job, { ok: false, reason: 'failed', error: 'reader closed' });
      await Promise.all(
        slots.map(async (slot) => {
          const { worker, job } = vacate(slot);
          if (job) finish(job, { ok: false, reason: 'failed', error: 'reader closed' });
          await worker?.terminate();
        }),
      );
    },
  };
}

const textReading = (text: string | null): QrReading =>
  text ? { ok: true, text } : { ok: false, reason: 'not_found' };
