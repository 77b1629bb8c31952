import { isObject } from './json-fields.ts';
import { isValidLocal } from './qr.ts';

/**
 * A receipt's own time as its JSON gives it: `YYYY-MM-DDTHH:MM:SS` with no zone, or `YYYY-MM-DD` when the
 * source kept only the date (some OFD exports truncate). No zone is ever applied here: which clock a number
 * or an offset really means is only known by comparing it with the QR (`receipt-time.ts`).
 *
 * - ISO text: the written clock is kept and any offset is dropped (the till wrote its own wall clock).
 * - Unix seconds or milliseconds: read in UTC. Some sources (the FNS Open API) encode the local wall
 *   clock as if it were UTC, so this is the local time there; the FNS mobile ticket sends true UTC, which
 *   the QR corrects.
 * - A MongoDB export's `{ "$date": … }` wrapper around either.
 */
export function normaliseReceiptDateTime(v: unknown): string | null {
  if (typeof v === 'number') return fromEpoch(v);
  if (typeof v === 'string') {
    const t = v.trim();
    if (/^\d{9,13}$/.test(t)) return fromEpoch(Number(t));
    return fromIsoText(t);
  }
  if (isObject(v) && '$date' in v) {
    const inner = v.$date;
    if (isObject(inner) && typeof inner.$numberLong === 'string')
      return normaliseReceiptDateTime(inner.$numberLong);
    return normaliseReceiptDateTime(inner);
  }
  return null;
}

export const isDateOnly = (t: string) => t.length === 10;

function fromIsoText(t: string): string | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00'] = m;
  if (!isValidLocal(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s)))
    return null;
  return h === undefined ? `${y}-${mo}-${d}` : `${y}-${mo}-${d}T${h}:${mi}:${s}`;
}

function fromEpoch(n: number): string | null {
  if (!Number.isFinite(n) || n < 0) return null;
  // Milliseconds are 13 digits for any date after 2001; seconds stay at 10 digits until 2286.
  const ms = n >= 1e12 ? n : n * 1000;
  const date = new Date(Math.trunc(ms));
  if (Number.isNaN(date.getTime())) return null;
  return date.toISOString().slice(0, 19);
}
