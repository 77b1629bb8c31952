import { CONSENT_TEXTS } from '@remed/core';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import {
  consents,
  contracts,
  helpRequests,
  insuredPersons,
  policies,
  programClinics,
  programs,
  users,
} from '../db/schema/index.ts';
import type { AppDeps } from '../platform/deps.ts';
import { DEMO_INSURED, DEMO_PROGRAM } from './demo-data.ts';

type Seeding = Pick<AppDeps, 'ids'> & { tx: DbOrTx; now: Date; year: string };

/** The demo contract and program with its clinics, and the people insured under it. */
export async function seedInsurance(
  deps: AppDeps,
  o: { insurerId: string; policyholderId: string; clinicIds: string[]; year: string },
) {
  const db = deps.database.db;
  const [insuredUser] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'insured@demo.remed.ru'));
  await db.transaction(async (tx) => {
    const s: Seeding = { ids: deps.ids, tx, now: deps.clock.now(), year: o.year };
    const programId = await seedProgram(s, o);
    for (const [n, person] of DEMO_INSURED.entries()) {
      const personId = await seedInsuredPerson(s, programId, person, n === 0 ? insuredUser?.id : undefined);
      if (n === 0 && insuredUser) await seedOwnAccount(s, personId, insuredUser.id, person.phone);
    }
  });
}

async function seedProgram(
  { ids, tx, now, year }: Seeding,
  o: { insurerId: string; policyholderId: string; clinicIds: string[] },
) {
  const contractId = ids.uuid();
  const programId = ids.uuid();
  const p = DEMO_PROGRAM;
  await tx.insert(contracts).values({
    id: contractId,
    insurerId: o.insurerId,
    policyholderId: o.policyholderId,
    number: p.contractNumber,
    validFrom: `${year}-01-01`,
    validTo: `${year}-12-31`,
    createdAt: now,
  });
  await tx.insert(programs).values({
    id: programId,
    contractId,
    code: p.code,
    name: p.name,
    description: p.description,
    coveredPrefixes: [...p.coveredPrefixes],
    exclusionPrefixes: [...p.exclusionPrefixes],
    approvalPrefixes: [...p.approvalPrefixes],
    annualLimit: p.annualLimitRubles * 100,
    groupLimits: p.groupLimits.map((g) => ({
      prefix: g.prefix,
      name: g.name,
      limit: String(g.limitRubles * 100),
    })),
    franchisePercent: p.franchisePercent,
    accessTypes: ['letter', 'reimbursement'],
    // Clinics that register in the demo can join it from their cabinet once their contract is signed.
    clinicsMayJoin: true,
    createdAt: now,
  });
  await tx.insert(programClinics).values(o.clinicIds.map((clinicId) => ({ programId, clinicId })));
  return programId;
}

async function seedInsuredPerson(
  { ids, tx, now, year }: Seeding,
  programId: string,
  person: (typeof DEMO_INSURED)[number],
  userId: string | undefined,
) {
  const personId = ids.uuid();
  const { policy, detached, ...fields } = person;
  await tx
    .insert(insuredPersons)
    .values({ id: personId, ...fields, userId: userId ?? null, createdAt: now, updatedAt: now });
  await tx.insert(policies).values({
    id: ids.uuid(),
    number: policy,
    programId,
    insuredPersonId: personId,
    validFrom: `${year}-01-01`,
    validTo: `${year}-12-31`,
    detachedOn: detached ? `${year}-${detached}` : null,
    createdAt: now,
    updatedAt: now,
  });
  return personId;
}

/** The demo insured account's СБП details, its consent and a help request waiting at the console. */
async function seedOwnAccount({ ids, tx, now }: Seeding, personId: string, userId: string, phone: string) {
  await tx
    .update(insuredPersons)
    .set({ payoutPhone: phone, payoutBankId: '100000000111', payoutBankName: 'Сбербанк' })
    .where(eq(insuredPersons.id, personId));
  await tx.insert(consents).values({
    id: ids.uuid(),
    insuredPersonId: personId,
    kind: 'data_processing',
    textVersion: CONSENT_TEXTS.data_processing.version,
    acceptedAt: now,
    ip: null,
  });
  await tx.insert(helpRequests).values({
    id: ids.uuid(),
    insuredPersonId: personId,
    channel: 'app',
    complaint:
      'Третий день болит горло и держится температура 37,8. Нужен терапевт и, наверное, анализ крови.',
    answers: { since: '3 дня', temperature: '37,8', preferredArea: 'север Москвы' },
    status: 'new',
    createdBy: userId,
    createdAt: now,
  });
}
