import { type MyInsurance, serviceGroupTitle } from '@remed/core';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { clinics, policies } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { todayOf, usageOf } from '../console/case.queries.ts';
import { fullNameOf } from '../insurance/person-name.ts';
import { loadProgram, rulesOf } from '../insurance/programs.queries.ts';
import { ownInsuredPerson } from './insured-person.queries.ts';

type PolicyRow = typeof policies.$inferSelect;
const groupTitles = (codes: readonly string[]) => [...new Set(codes.map(serviceGroupTitle))];

/** The insured person's policies, newest first, each with its program in plain words and what is left of it. */
export async function myInsurance(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  actor: Actor,
): Promise<MyInsurance> {
  const db = deps.database.db;
  const person = await ownInsuredPerson(db, actor);
  const day = todayOf(deps.clock.now());
  const rows = await db
    .select()
    .from(policies)
    .where(eq(policies.insuredPersonId, person.id))
    .orderBy(desc(policies.validTo));
  const out: MyInsurance['policies'] = [];
  for (const p of rows) out.push(await policyView(db, p, day));
  return { fullName: fullNameOf(person), policies: out };
}

async function policyView(db: DbOrTx, p: PolicyRow, day: string): Promise<MyInsurance['policies'][number]> {
  const prog = await loadProgram(db, p.programId);
  const rules = rulesOf(prog.program);
  const usage = await usageOf(db, p.id, rules.franchisePercent, []);
  const clinicRows = prog.clinicIds.length
    ? await db
        .select()
        .from(clinics)
        .where(inArray(clinics.id, prog.clinicIds))
        .orderBy(asc(clinics.shortName))
    : [];
  return {
    number: p.number,
    validFrom: p.validFrom,
    validTo: p.validTo,
    active: !p.detachedOn && p.validFrom <= day && p.validTo >= day,
    program: {
      name: prog.program.name,
      description: prog.program.description,
      insurer: prog.insurer.name,
      covered: groupTitles([...rules.coveredPrefixes, ...rules.coveredCodes]),
      excluded: groupTitles(rules.exclusionPrefixes),
      needsApproval: groupTitles(rules.approvalPrefixes),
      annualLimit: rules.annualLimit,
      annualLeft: rules.annualLimit === null ? null : Math.max(0, rules.annualLimit - usage.annual),
      franchisePercent: rules.franchisePercent,
      anyClinic: prog.program.anyClinic,
      accessTypes: prog.program.accessTypes as ('letter' | 'reimbursement')[],
      clinics: clinicRows.map((c) => ({ name: c.shortName, address: c.address })),
    },
  };
}
