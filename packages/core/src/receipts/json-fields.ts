/**
 * Tolerant readers for fiscal JSON in the wild: keys may be lower-cased by an export, numbers may come as
 * text, ИНН and registration numbers are space-padded. Each reader returns `undefined` when the key is
 * absent and `null` when it is present but unusable, so the caller can tell "missing" from "malformed".
 */

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `obj[key]`, falling back to a case-insensitive key match (MongoDB exports lower-case every key). */
export function pick(obj: JsonObject, key: string): unknown {
  if (key in obj) return obj[key];
  const lower = key.toLowerCase();
  if (lower in obj) return obj[lower];
  for (const k of Object.keys(obj)) {
    if (k.toLowerCase() === lower) return obj[k];
  }
  return undefined;
}

/** The first present key among aliases (FNS names first, then names other OFDs use). */
export function pickAny(obj: JsonObject, keys: readonly string[]): unknown {
  for (const key of keys) {
    const v = pick(obj, key);
    if (v !== undefined && v !== null) return v;
  }
  return undefined;
}

/** A non-negative safe integer from a number or a digit string (zero padding allowed). */
export function readUint(v: unknown): number | null | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? v : null;
  if (typeof v === 'string' && /^\s*\d{1,15}\s*$/.test(v)) return Number(v);
  return null;
}

/** A string of digits, trimmed; a JSON number only while it is exact (a 16-digit ФН is not). */
export function readDigits(v: unknown): string | null | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? String(v) : null;
  if (typeof v === 'string') {
    const t = v.trim();
    return /^\d+$/.test(t) ? t : null;
  }
  return null;
}

export function readText(v: unknown): string | null | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v.trim();
  return null;
}

/** A finite number from a number or a decimal string. */
export function readNumber(v: unknown): number | null | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && /^\s*\d+(?:[.,]\d+)?\s*$/.test(v)) return Number(v.trim().replace(',', '.'));
  return null;
}
