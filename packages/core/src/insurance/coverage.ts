import { percentHalfUp } from '../money.ts';

/** Coverage of 804н services by an insurance program. Money in integer kopecks. */

export interface ProgramRules {
  coveredPrefixes: readonly string[];
  coveredCodes: readonly string[];
  exclusionPrefixes: readonly string[];
  approvalPrefixes: readonly string[];
  annualLimit: number | null;
  groupLimits: readonly { prefix: string; name: string; limit: number }[];
  franchisePercent: number;
}

export type CoverageVerdict = 'covered' | 'excluded' | 'needs_approval' | 'not_covered';

const matches = (code: string, prefixes: readonly string[]) => prefixes.some((p) => code.startsWith(p));

export function coverageOf(rules: ProgramRules, serviceCode: string): CoverageVerdict {
  if (matches(serviceCode, rules.exclusionPrefixes)) return 'excluded';
  const covered = rules.coveredCodes.includes(serviceCode) || matches(serviceCode, rules.coveredPrefixes);
  if (matches(serviceCode, rules.approvalPrefixes)) return 'needs_approval';
  return covered ? 'covered' : 'not_covered';
}

export interface Usage {
  /** Kopecks already used or reserved this policy year. */
  annual: number;
  /** Per group prefix. */
  groups: Readonly<Record<string, number>>;
}

export interface ServiceLine {
  serviceCode: string;
  price: number;
  quantity: number;
}

export interface CoverageReport {
  lines: { serviceCode: string; verdict: CoverageVerdict; amount: number; group: string | null }[];
  total: number;
  franchise: number;
  /** What the insurer pays for the chosen services: total less the franchise. */
  insurerShare: number;
  annualLeft: number | null;
  groups: { prefix: string; name: string; limit: number; used: number; requested: number; left: number }[];
  overLimit: boolean;
  /** Every line covered, or approved by the doctor where approval is needed. */
  allAllowed: boolean;
}

/** Checks a set of services against the program, its limits and franchise. */
export function checkCoverage(
  rules: ProgramRules,
  services: readonly ServiceLine[],
  usage: Usage,
  approvedCodes: readonly string[] = [],
): CoverageReport {
  const lines = services.map((s) => {
    const verdict = coverageOf(rules, s.serviceCode);
    const group = rules.groupLimits.find((g) => s.serviceCode.startsWith(g.prefix))?.prefix ?? null;
    return { serviceCode: s.serviceCode, verdict, amount: s.price * s.quantity, group };
  });
  const total = lines.reduce((sum, l) => sum + l.amount, 0);
  const franchise = percentHalfUp(total, rules.franchisePercent);
  const insurerShare = total - franchise;
  const annualLeft = rules.annualLimit === null ? null : Math.max(0, rules.annualLimit - usage.annual);
  const groups = rules.groupLimits.map((g) => {
    const used = usage.groups[g.prefix] ?? 0;
    const requestedTotal = lines.filter((l) => l.group === g.prefix).reduce((s, l) => s + l.amount, 0);
    const requested = requestedTotal - percentHalfUp(requestedTotal, rules.franchisePercent);
    return {
      prefix: g.prefix,
      name: g.name,
      limit: g.limit,
      used,
      requested,
      left: Math.max(0, g.limit - used),
    };
  });
  const overLimit =
    (annualLeft !== null && insurerShare > annualLeft) || groups.some((g) => g.requested > g.left);
  const allAllowed = lines.every(
    (l) =>
      l.verdict === 'covered' || (l.verdict === 'needs_approval' && approvedCodes.includes(l.serviceCode)),
  );
  return { lines, total, franchise, insurerShare, annualLeft, groups, overLimit, allAllowed };
}
