import { asc } from 'drizzle-orm';
import { clinics, insurers, policyholders } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';

/** Every clinic, insurer and policyholder by name, for linking a user to them. */
export async function listOrganisations(deps: AppDeps) {
  const db = deps.database.db;
  const [c, i, p] = await Promise.all([
    db.select({ id: clinics.id, name: clinics.shortName }).from(clinics).orderBy(asc(clinics.shortName)),
    db.select({ id: insurers.id, name: insurers.name }).from(insurers).orderBy(asc(insurers.name)),
    db
      .select({ id: policyholders.id, name: policyholders.name })
      .from(policyholders)
      .orderBy(asc(policyholders.name)),
  ]);
  return { clinics: c, insurers: i, policyholders: p };
}
