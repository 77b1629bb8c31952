import { isValidLocal } from './qr.ts';

/**
 * Receipt time as the till's local wall clock, `YYYY-MM-DDTHH:MM:SS` with no zone: receipts are dated in
 * the seller's local time and a letter's validity is a local calendar period, so no zone is ever applied.
 *
 * - ISO text: the written clock is kept and any offset is dropped (it describes the same wall clock).
 * - A date alone (some OFDs truncate): midnight.
 * - Unix seconds (or milliseconds): the FNS encodes local wall-clock time as if it were UTC, so the
 *   UTC reading of the number is the local time.
 */
export function normaliseReceiptDateTime(v: unknown): string | null {
  if (typeof v === 'number') return fromEpoch(v);
  if (typeof v === 'string') {
    const t = v.trim();
    if (/^\d{9,13}$/.test(t)) return fromEpoch(Number(t));
    return fromIsoText(t);
  }
  return null;
}

function fromIsoText(t: string): string | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = m;
  if (!isValidLocal(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s))) return null;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}`;
}

function fromEpoch(n: number): string | null {
  if (!Number.isFinite(n) || n < 0) return null;
  // Milliseconds are 13 digits for any date after 2001; seconds stay at 10 digits until 2286.
  const ms = n >= 1e12 ? n : n * 1000;
  const date = new Date(Math.trunc(ms));
  if (Number.isNaN(date.getTime())) return null;
  return date.toISOString().slice(0, 19);
}
