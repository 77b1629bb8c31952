import type { DbOrTx } from '../apps/server/src/db/client.ts';
import { helpRequests, insuredPersons, medicalCases, policies } from '../apps/server/src/db/schema/index.ts';

/**
 * An insured person, Петров Иван born 1 January 1980, with a policy of the program valid 2020–2099; with
 * `payout`, also the person's account and СБП details.
 */
export async function insertBenchInsured(
  db: DbOrTx,
  at: Date,
  p: {
    personId: string;
    policyId: string;
    policyNumber: string;
    programId: string;
    phone: string;
    payout?: { userId: string; phone: string };
  },
): Promise<void> {
  await db.insert(insuredPersons).values({
    id: p.personId,
    lastName: 'Петров',
    firstName: 'Иван',
    birthDate: '1980-01-01',
    sex: 'male',
    phone: p.phone,
    ...(p.payout
      ? { userId: p.payout.userId, payoutPhone: p.payout.phone, payoutBankId: '100000000111' }
      : {}),
    createdAt: at,
    updatedAt: at,
  });
  await db.insert(policies).values({
    id: p.policyId,
    number: p.policyNumber,
    programId: p.programId,
    insuredPersonId: p.personId,
    validFrom: '2020-01-01',
    validTo: '2099-12-31',
    createdAt: at,
    updatedAt: at,
  });
}

/** The person's call to the service by phone and the medical case a doctor opened on it. */
export async function insertBenchCase(
  db: DbOrTx,
  at: Date,
  c: {
    requestId: string;
    caseId: string;
    personId: string;
    policyId: string;
    doctorId: string;
    complaint: string;
    requestStatus: (typeof helpRequests.$inferInsert)['status'];
    caseStatus: (typeof medicalCases.$inferInsert)['status'];
  },
): Promise<void> {
  await db.insert(helpRequests).values({
    id: c.requestId,
    insuredPersonId: c.personId,
    channel: 'phone',
    complaint: c.complaint,
    status: c.requestStatus,
    createdAt: at,
  });
  await db.insert(medicalCases).values({
    id: c.caseId,
    requestId: c.requestId,
    insuredPersonId: c.personId,
    policyId: c.policyId,
    doctorId: c.doctorId,
    complaints: c.complaint,
    status: c.caseStatus,
    createdAt: at,
    updatedAt: at,
  });
}
