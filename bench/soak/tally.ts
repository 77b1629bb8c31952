import type { Answer } from './http-client.ts';

/** Operations whose success is a 409: a receipt sent again is refused, never paid twice. */
const CONFLICTS_WANTED = new Set(['claim_repeat_refused', 'claim_retry_was_written']);

/**
 * What the load saw from the outside: answers by operation and HTTP status, what the API acknowledged (so
 * that nothing acknowledged may be missing from the database at the end) and the first unexpected answers.
 */
export class Tally {
  readonly answers = new Map<string, Map<number, number>>();
  readonly acceptedClaims = new Set<string>();
  /** Chat messages acknowledged, by the client id the sender chose. */
  readonly acceptedMessages = new Set<string>();
  readonly priceListVersions = new Set<string>();
  readonly insuredImports = new Set<string>();
  readonly problems: string[] = [];
  /** All unexpected answers; `problems` keeps the first ones. */
  problemCount = 0;

  count(op: string, a: Answer): void {
    const byStatus = this.answers.get(op) ?? new Map<number, number>();
    byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    this.answers.set(op, byStatus);
    // 0 and 502 are connections broken by a kill; a refused repeat is the answer wanted; nothing else may fail.
    const fine =
      a.status === 0 || a.status < 400 || a.status === 502 || (a.status === 409 && CONFLICTS_WANTED.has(op));
    if (!fine) this.problem(`${op}: HTTP ${a.status}`, a);
  }

  problem(what: string, a?: Answer): void {
    this.problemCount++;
    if (this.problems.length < 20)
      this.problems.push(a ? `${what}: ${JSON.stringify(a.body).slice(0, 300)}` : what);
  }

  /** `op  status×count …` lines, for the summary. */
  lines(): string[] {
    return [...this.answers]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([op, m]) =>
          `${op.padEnd(28)} ${[...m]
            .sort(([a], [b]) => a - b)
            .map(([s, n]) => `${s === 0 ? 'dropped' : s}×${n}`)
            .join('  ')}`,
      );
  }
}
