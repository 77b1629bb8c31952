/** Moscow has kept UTC+3 all year since 2014; documents and receipts are in Moscow wall-clock time. */
const MSK_OFFSET_MS = 3 * 3600_000;

export function moscowDate(at: Date): string {
  return new Date(at.getTime() + MSK_OFFSET_MS).toISOString().slice(0, 10);
}

export function moscowIso(at: Date): string {
  return `${new Date(at.getTime() + MSK_OFFSET_MS).toISOString().slice(0, 19)}+03:00`;
}

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** 12.05.2026 */
export function ruDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}.${m}.${y}`;
}
