import type { RemedProcess } from './processes.ts';
import type { Simulators } from './simulators.ts';

/** Faults repeat in cycles of at most five minutes; a short run gets one cycle squeezed into it. */
const CYCLE_MS = 5 * 60_000;
/** How long a killed process stays down before it is started again. */
const DOWN_MS = 5_000;
/** How long a kill waits for the worker to be in the middle of a job. */
const BUSY_WAIT_MS = 20_000;

export interface FaultEvent {
  atS: number;
  what: string;
}

type Step = { at: number; what: string; run: () => Promise<void> | void };

/**
 * The fault schedule: in each cycle, by its fraction, provider errors, provider timeouts (the payout made
 * but the answer lost), receipt service errors and timeouts, duplicated webhooks, and SIGKILL of the
 * worker (in the middle of a job when it has one) and of one app process, each started again after a pause. The second app process is never
 * killed: it carries the memory trend of the whole run.
 */
export function faultSchedule(
  durationMs: number,
  sims: Simulators,
  victims: { worker: RemedProcess; app: RemedProcess },
  /** The job the worker is running now, if any: the worker is killed in the middle of one. */
  activeJob: () => Promise<string | null>,
) {
  const cycle = Math.min(CYCLE_MS, durationMs);
  const kill = (p: RemedProcess, midJob: boolean) => async () => {
    if (midJob) {
      const until = Date.now() + BUSY_WAIT_MS;
      let job: string | null = null;
      while (!job && Date.now() < until) {
        job = await activeJob();
        if (!job) await new Promise((r) => setTimeout(r, 100));
      }
      note(job ? `  (${p.name} was running ${job})` : `  (${p.name} was idle)`);
    }
    await p.kill();
    await new Promise((r) => setTimeout(r, DOWN_MS));
    await p.start();
  };
  const plan: [number, string, () => Promise<void> | void][] = [
    [0.1, 'YooKassa: 20 answers HTTP 500', () => sims.faults.payoutErrors(20)],
    [
      0.2,
      'YooKassa: 3 payouts made, answers held past the client timeout',
      () => sims.faults.payoutTimeouts(3),
    ],
    [0.3, 'FNS: 15 answers HTTP 500', () => sims.faults.receiptErrors(15)],
    [
      0.4,
      `SIGKILL ${victims.worker.name} in the middle of a job, start again after ${DOWN_MS / 1000} s`,
      kill(victims.worker, true),
    ],
    [0.5, 'FNS: 3 answers held past the client timeout', () => sims.faults.receiptTimeouts(3)],
    [0.6, 'YooKassa: every webhook delivered twice (until 0.8)', () => sims.faults.duplicateWebhooks(true)],
    [0.7, `SIGKILL ${victims.app.name}, start again after ${DOWN_MS / 1000} s`, kill(victims.app, false)],
    [0.75, 'YooKassa: 20 answers HTTP 500', () => sims.faults.payoutErrors(20)],
    [0.8, 'YooKassa: webhooks once again', () => sims.faults.duplicateWebhooks(false)],
  ];
  const steps: Step[] = [];
  for (let start = 0; start + cycle <= durationMs + 1; start += cycle)
    for (const [f, what, run] of plan) steps.push({ at: start + f * cycle, what, run });

  const events: FaultEvent[] = [];
  const timers: NodeJS.Timeout[] = [];
  const running: Promise<unknown>[] = [];
  let t0 = 0;
  const note = (what: string) => events.push({ atS: Math.round((Date.now() - t0) / 1000), what });
  return {
    events,
    start() {
      t0 = Date.now();
      for (const s of steps)
        timers.push(
          setTimeout(() => {
            events.push({ atS: Math.round((Date.now() - t0) / 1000), what: s.what });
            running.push(
              Promise.resolve(s.run()).catch((e: Error) =>
                events.push({
                  atS: Math.round((Date.now() - t0) / 1000),
                  what: `FAILED: ${s.what}: ${e.message}`,
                }),
              ),
            );
          }, s.at),
        );
    },
    /** Stops what has not started; waits for a killed process to be back. */
    async stop() {
      for (const t of timers) clearTimeout(t);
      await Promise.all(running);
      sims.faults.clear();
    },
  };
}
