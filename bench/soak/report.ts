import type { FaultEvent } from './faults.ts';
import type { Incarnation, RemedProcess } from './processes.ts';
import type { Check } from './reconcile.ts';

interface MemoryRow {
  process: string;
  life: number;
  pid: number;
  ended: string;
  warmMb: number | null;
  endMb: number | null;
  peakMb: number | null;
  ratio: number | null;
  /** Whether this life lived long enough after its warm-up for the ratio to mean anything. */
  judged: boolean;
  /** RSS at six even points of the life, MB: the shape of the curve, not only its ends. */
  trendMb: number[];
}

const mb = (kb: number) => Math.round(kb / 102.4) / 10;

/**
 * Memory per life of each process: RSS at the end of its warm-up, at its end and at its peak. A life
 * restarted late in a run is shown but not judged: it has no trend yet.
 */
export function memoryRows(processes: RemedProcess[], warmupMs: number): MemoryRow[] {
  return processes.flatMap((p) =>
    p.lives.map((life: Incarnation, i) => {
      const warm = life.samples.find((s) => s.at >= life.startedAt + warmupMs);
      const last = life.samples.at(-1);
      const peak = life.samples.reduce((m, s) => Math.max(m, s.rssKb), 0);
      const judged = !!warm && !!last && last.at - warm.at >= warmupMs;
      return {
        process: p.name,
        life: i + 1,
        pid: life.pid,
        ended: life.end ?? 'running',
        warmMb: warm ? mb(warm.rssKb) : null,
        endMb: last ? mb(last.rssKb) : null,
        peakMb: peak ? mb(peak) : null,
        ratio: warm && last ? Math.round((last.rssKb / warm.rssKb) * 100) / 100 : null,
        judged,
        trendMb: [0, 1, 2, 3, 4, 5]
          .map((k) => life.samples[Math.round((k * (life.samples.length - 1)) / 5)])
          .filter((x) => x !== undefined)
          .map((x) => mb(x.rssKb)),
      };
    }),
  );
}

const cell = (v: number | null) => (v === null ? '—' : String(v));

export function printSummary(s: {
  minutes: number;
  acknowledged: number;
  drainS: number | null;
  drainLimitS: number;
  byStatus: Record<string, number>;
  tallyLines: string[];
  problems: string[];
  balancer: { requests: number; refused: number; broken: number };
  events: FaultEvent[];
  memory: MemoryRow[];
  maxRatio: number;
  checks: Check[];
}) {
  const out: string[] = [];
  out.push(
    '',
    `=== soak: ${s.minutes} min of load, drain ${s.drainS === null ? `not finished in ${s.drainLimitS} s` : `${s.drainS.toFixed(0)} s`} ===`,
  );
  out.push('', 'faults:', ...s.events.map((e) => `  ${String(e.atS).padStart(5)} s  ${e.what}`));
  out.push(
    '',
    'answers by operation (HTTP status × count; dropped = connection broken by a kill):',
    ...s.tallyLines.map((l) => `  ${l}`),
  );
  out.push(
    `  balancer: ${s.balancer.requests} requests, ${s.balancer.refused} sent on after a refused connection, ${s.balancer.broken} broken`,
  );
  if (s.problems.length) out.push('', 'unexpected answers (first ones):', ...s.problems.map((p) => `  ${p}`));
  out.push(
    '',
    `claims by status: ${Object.entries(s.byStatus)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );
  out.push('', 'memory (RSS, MB; ratio = end / after warm-up):');
  out.push(`  ${'process'.padEnd(8)} life  pid      ${'ended'.padEnd(12)} warm    end     peak    ratio`);
  for (const m of s.memory)
    out.push(
      `  ${m.process.padEnd(8)} ${String(m.life).padEnd(5)} ${String(m.pid).padEnd(8)} ${m.ended.padEnd(12)} ${cell(m.warmMb).padEnd(7)} ${cell(m.endMb).padEnd(7)} ${cell(m.peakMb).padEnd(7)} ${cell(m.ratio)}${m.judged ? '' : ' (too short to judge)'}`,
    );
  out.push('', 'RSS through each life (MB, six even points):');
  for (const m of s.memory)
    out.push(`  ${m.process.padEnd(8)} ${String(m.life).padEnd(5)} ${m.trendMb.join(' → ')}`);
  out.push('', 'checks:');
  for (const c of s.checks) out.push(`  ${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}: ${c.detail}`);
  console.log(out.join('\n'));
}

/** The memory check: every life long enough to judge ends within `maxRatio` of its warm-up RSS. */
export function memoryCheck(rows: MemoryRow[], maxRatio: number): Check {
  const judged = rows.filter((r) => r.judged);
  const grown = judged.filter((r) => (r.ratio ?? 0) > maxRatio);
  return {
    name: `memory flat (end ≤ ${maxRatio} × after warm-up)`,
    ok: grown.length === 0,
    detail: judged.length
      ? judged.map((r) => `${r.process}#${r.life} ${r.ratio}`).join(', ')
      : 'no process lived long enough after its warm-up to judge',
  };
}
