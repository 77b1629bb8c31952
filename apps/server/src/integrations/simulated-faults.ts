import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';

/** The knobs every simulator of an outside system has; each adds its own beside them. */
export interface SimulatedFaults {
  /** Added before every answer. */
  latencyMs: number;
  /** The next N requests answer HTTP 500. */
  failNext: number;
  /** The next N requests are held for `hangMs` before an answer, so that the client times out. */
  timeoutNext: number;
  hangMs: number;
}

/** A signal that fires when the simulator's server closes. */
export function closingSignal(app: FastifyInstance): AbortSignal {
  // Held requests end at shutdown instead of keeping the server open for `hangMs`.
  const closing = new AbortController();
  app.addHook('preClose', async () => closing.abort());
  return closing.signal;
}

/**
 * Counts the request and plays the faults it is due: latency, a hang (cut short by `closing`), a failure.
 * Says which fault the simulator must answer with in its own protocol, or null to answer normally.
 */
export async function simulateFaults(
  sim: { requests: number; readonly behaviour: SimulatedFaults },
  closing: AbortSignal,
): Promise<'stopping' | 'failed' | null> {
  sim.requests += 1;
  const b = sim.behaviour;
  if (b.latencyMs > 0) await sleep(b.latencyMs);
  if (b.timeoutNext > 0) {
    b.timeoutNext -= 1;
    try {
      await sleep(b.hangMs, undefined, { signal: closing });
    } catch {
      return 'stopping';
    }
  }
  if (b.failNext > 0) {
    b.failNext -= 1;
    return 'failed';
  }
  return null;
}
