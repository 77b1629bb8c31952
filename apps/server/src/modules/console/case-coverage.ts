import { checkCoverage, coverageOf } from '@remed/core';
import { sql } from 'drizzle-orm';
import { type DbOrTx, sqlRows } from '../../db/client.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { caseContext, type SelectedService } from './case.queries.ts';

/** What the program of the case says of each chosen service, and whether they can all be given now. */
export async function caseCoverage(
  deps: Pick<AppDeps, 'database'>,
  caseId: string,
  services: SelectedService[],
  approvedCodes: string[],
) {
  const db = deps.database.db;
  const c = await caseContext(db, caseId);
  const names = await serviceNames(
    db,
    services.map((s) => s.serviceCode),
  );
  const lines = services.map((s) => ({
    serviceCode: s.serviceCode,
    name: names.get(s.serviceCode) ?? s.serviceCode,
    verdict: coverageOf(c.rules, s.serviceCode),
  }));
  const report = checkCoverage(
    c.rules,
    services.map((s) => ({ ...s, price: 0 })),
    c.usage,
    approvedCodes,
  );
  return {
    lines,
    annualLimit: c.rules.annualLimit,
    annualLeft: report.annualLeft,
    franchisePercent: c.rules.franchisePercent,
    allAllowed: report.allAllowed,
  };
}

/**
 * A name for each code, from every name it was ever published under (the alphabetically first): for a code a
 * doctor has already chosen.
 */
export async function serviceNames(db: DbOrTx, codes: string[]): Promise<Map<string, string>> {
  const rows = await sqlRows<{ service_code: string; name: string }>(
    db,
    sql`select service_code, min(name) as name from service_names
        where service_code = any(${sql.param(codes)}::text[]) group by service_code`,
  );
  return new Map(rows.map((r) => [r.service_code, r.name]));
}
