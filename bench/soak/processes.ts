import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REMED = fileURLToPath(new URL('../../apps/server/bin/remed.js', import.meta.url));

/** One life of a process between its start and its death: its RSS samples, for the memory check. */
export interface Incarnation {
  pid: number;
  startedAt: number;
  endedAt: number | null;
  /** How it ended: `killed` by the fault schedule, `exit N` on its own, `stopped` at the end of the run. */
  end: string | null;
  samples: { at: number; rssKb: number }[];
}

/**
 * A `remed` process of the soak test (`start` or `worker`) with its own environment and log file; it can be
 * killed with SIGKILL and started again, and every life is kept with its memory samples.
 */
export class RemedProcess {
  readonly lives: Incarnation[] = [];
  private child: ChildProcess | null = null;

  constructor(
    readonly name: string,
    private readonly command: 'start' | 'worker',
    private readonly env: Record<string, string>,
    private readonly logDir: string,
    /** The port it answers on (`start`), for the readiness check; none for the worker. */
    readonly port: number | null,
  ) {}

  get running() {
    return this.child !== null;
  }

  async start(): Promise<void> {
    const log = fs.openSync(path.join(this.logDir, `${this.name}.log`), 'a');
    const child = spawn(process.execPath, [REMED, this.command], {
      env: { ...process.env, ...this.env },
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    const life: Incarnation = {
      pid: child.pid!,
      startedAt: Date.now(),
      endedAt: null,
      end: null,
      samples: [],
    };
    this.lives.push(life);
    this.child = child;
    child.on('exit', (code, signal) => {
      life.endedAt = Date.now();
      life.end ??= signal ? `signal ${signal}` : `exit ${code}`;
      if (this.child === child) this.child = null;
    });
    await this.ready(life);
  }

  /** SIGKILL: no shutdown hook runs, as when a machine dies or the kernel's OOM killer strikes. */
  kill(): Promise<void> {
    return this.end('killed', 'SIGKILL');
  }

  /** SIGTERM, and SIGKILL when the process is still there after 15 s. */
  stop(): Promise<void> {
    return this.end('stopped', 'SIGTERM', 15_000);
  }

  private async end(end: 'killed' | 'stopped', signal: NodeJS.Signals, killAfterMs?: number): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.lives.at(-1)!.end = end;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    const timer =
      killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    await gone;
    clearTimeout(timer);
  }

  /** Resident set size from /proc, the memory the kernel gives the process. */
  sample(): void {
    const life = this.lives.at(-1);
    if (!this.child || !life) return;
    try {
      const status = fs.readFileSync(`/proc/${life.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
      if (kb) life.samples.push({ at: Date.now(), rssKb: kb });
    } catch {
      // The process died between the check and the read; its exit handler records it.
    }
  }

  private async ready(life: Incarnation): Promise<void> {
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (life.endedAt) throw new Error(`${this.name} stopped at start (${life.end}); see ${this.name}.log`);
      if (this.port === null) {
        const log = fs.readFileSync(path.join(this.logDir, `${this.name}.log`), 'utf8');
        // The worker says so once its job runner has started.
        if (log.split('обрабатываю фоновые задачи').length > this.lives.length) return;
      } else {
        const ok = await fetch(`http://127.0.0.1:${this.port}/readyz`)
          .then((r) => r.ok)
          .catch(() => false);
        if (ok) return;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${this.name} not ready within 90 s; see ${this.name}.log`);
  }
}

/** Runs a `remed` command to its end (migrate), failing with its output. */
export function runRemed(command: string, env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [REMED, command], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`remed ${command}: ${out}`))));
  });
}
