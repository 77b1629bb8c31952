import { checkCoverage, type RankedClinic } from '@remed/core';
import { type Column, sql } from 'drizzle-orm';
import { type DbOrTx, sqlRows } from '../../db/client.ts';
import { clinicBranches, clinics } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { effectiveVersions } from '../price-lists/price-list-versions.queries.ts';
import { type CaseContext, caseContext, type SelectedService, todayOf } from './case.queries.ts';
import { cashbackOn } from './pricing.queries.ts';

/** Ranking weights: rating counts most, then the price of the chosen services, then the clinic's cashback. */
const W_RATING = 0.5;
const W_PRICE = 0.3;
const W_CASHBACK = 0.2;

type Found = Awaited<ReturnType<typeof clinicsInScope>>;
type Branch = Found['branches'][number];

/** Clinics of the program ranked for the chosen services: rating, price of these services, cashback. */
export async function rankClinics(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  caseId: string,
  services: SelectedService[],
): Promise<RankedClinic[]> {
  const db = deps.database.db;
  const c = await caseContext(db, caseId);
  const scope = c.program.program.anyClinic ? null : c.program.clinicIds;
  const codes = services.map((s) => s.serviceCode);
  const found = await clinicsInScope(db, codes, todayOf(deps.clock.now()), scope);
  const candidates = candidatesOf(c, services, found);
  // Grouped once: a program may have a thousand clinics.
  const branchesOf = new Map<string, Branch[]>();
  for (const b of found.branches) {
    const list = branchesOf.get(b.clinicId);
    if (list) list.push(b);
    else branchesOf.set(b.clinicId, [b]);
  }
  const complete = candidates.filter((x) => !x.missing.length);
  const maxTotal = Math.max(1, ...complete.map((x) => x.total));
  const minTotal = Math.min(...complete.map((x) => x.total), maxTotal);
  return candidates
    .map((x) => {
      const rating = x.cl.rating === null ? null : Number(x.cl.rating);
      const priceScore = x.missing.length
        ? 0
        : maxTotal === minTotal
          ? 1
          : (maxTotal - x.total) / (maxTotal - minTotal);
      const score =
        W_RATING * ((rating ?? 5) / 10) + W_PRICE * priceScore + W_CASHBACK * (x.cashbackPercent / 10);
      return {
        clinicId: x.cl.id,
        name: x.cl.shortName,
        inn: x.cl.inn,
        address: x.cl.address,
        district: branchesOf.get(x.cl.id)?.[0]?.district ?? null,
        rating,
        cashbackPercent: x.cashbackPercent,
        total: x.total,
        missing: x.missing,
        score: Math.round(score * 1000) / 1000,
        overLimit: x.overLimit,
        branches: (branchesOf.get(x.cl.id) ?? []).map((b) => ({
          id: b.id,
          name: b.name,
          address: b.address,
          district: b.district,
        })),
      };
    })
    .sort(
      (a, b) =>
        Number(a.missing.length > 0) - Number(b.missing.length > 0) || b.score - a.score || a.total - b.total,
    );
}

/** The clinics the program allows (all of them when it allows any), with their prices in force and branches. */
async function clinicsInScope(db: DbOrTx, codes: string[], day: string, scope: string[] | null) {
  const inScope = (id: Column) => (scope ? sql`${id} = any(${sql.param(scope)}::uuid[])` : undefined);
  const [prices, cashback, clinicRows, branches] = await Promise.all([
    pricesInForce(db, codes, day, scope),
    cashbackOn(db, day),
    db
      .select({
        id: clinics.id,
        shortName: clinics.shortName,
        inn: clinics.inn,
        address: clinics.address,
        rating: clinics.rating,
      })
      .from(clinics)
      .where(inScope(clinics.id)),
    db
      .select({
        id: clinicBranches.id,
        clinicId: clinicBranches.clinicId,
        name: clinicBranches.name,
        address: clinicBranches.address,
        district: clinicBranches.district,
      })
      .from(clinicBranches)
      .where(inScope(clinicBranches.clinicId)),
  ]);
  return { prices, cashback, clinicRows, branches };
}

/** Each clinic that offers at least one chosen service: what it lacks, its total and whether it passes the limit. */
function candidatesOf(c: CaseContext, services: SelectedService[], found: Found) {
  const codes = services.map((s) => s.serviceCode);
  // Grouped once: the prices of a thousand clinics are five times as many rows.
  const priceOf = new Map<string, Map<string, number>>();
  for (const p of found.prices) {
    const own = priceOf.get(p.clinicId) ?? new Map<string, number>();
    own.set(p.serviceCode, p.price);
    priceOf.set(p.clinicId, own);
  }
  return found.clinicRows
    .map((cl) => {
      const own = priceOf.get(cl.id) ?? new Map<string, number>();
      const missing = codes.filter((code) => !own.has(code));
      const total = services.reduce((s, sel) => s + (own.get(sel.serviceCode) ?? 0) * sel.quantity, 0);
      const report = checkCoverage(
        c.rules,
        services.map((s) => ({ ...s, price: own.get(s.serviceCode) ?? 0 })),
        c.usage,
      );
      return {
        cl,
        missing,
        total,
        overLimit: report.overLimit,
        cashbackPercent: found.cashback.get(cl.id) ?? 0,
      };
    })
    .filter((x) => x.missing.length < codes.length);
}

/**
 * Each clinic's price for each code in the version in force on `day`, without the clinic's code and name:
 * what ranking the clinics needs, read from the (code, version, price) index alone.
 */
async function pricesInForce(
  db: DbOrTx,
  codes: string[],
  day: string,
  clinicIds: string[] | null,
): Promise<{ clinicId: string; serviceCode: string; price: number }[]> {
  const rows = await sqlRows<{ clinic_id: string; service_code: string; price: string }>(
    db,
    sql`select v.clinic_id, i.service_code, i.price::text as price
        from ${effectiveVersions(day, clinicIds)} v
        join price_list_items i on i.version_id = v.id
        where i.service_code = any(${sql.param(codes)}::text[])`,
  );
  return rows.map((r) => ({ clinicId: r.clinic_id, serviceCode: r.service_code, price: Number(r.price) }));
}
