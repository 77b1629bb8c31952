/**
 * The shared builder of the console search benchmark's services: the registry every family file adds to, in
 * import order (codes are assigned as services are added), and the deterministic helpers.
 */

interface Service {
  code: string;
  /** The 804н-style name first, then the ways clinics write it. */
  names: string[];
  family: string;
  /** Typical price, rubles. */
  rubles: number;
  /** Offered by every clinic of the benchmark (the rest are sampled per clinic). */
  core: boolean;
}

/** FNV-1a: a stable number from a string (prices, samples). */
export const hash = (s: string) => {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
};

const services: Service[] = [];
const used = new Set<string>();
const next = new Map<string, number>();

/** The code wanted if free, else the next free one under the same prefix (from .101 up). */
function codeOf(prefix: string, wanted?: string): string {
  if (wanted && !used.has(wanted)) {
    used.add(wanted);
    return wanted;
  }
  let n = next.get(prefix) ?? 101;
  let code = `${prefix}.${String(n).padStart(3, '0')}`;
  while (used.has(code)) code = `${prefix}.${String(++n).padStart(3, '0')}`;
  next.set(prefix, n + 1);
  used.add(code);
  return code;
}

/** Adds a service under the wanted code (or the next free one), its price drawn from the range by code. */
export function add(
  family: string,
  prefix: string,
  wanted: string | undefined,
  names: string[],
  [min, max]: [number, number],
  core = false,
) {
  const code = codeOf(prefix, wanted);
  const rubles = Math.round((min + (hash(code) % 1000) * ((max - min) / 1000)) / 10) * 10;
  services.push({ code, names: [...new Set(names)], family, rubles, core });
}

/** Every service added so far; complete once `../services.ts` has imported all the family files. */
export const SERVICES: readonly Service[] = services;
