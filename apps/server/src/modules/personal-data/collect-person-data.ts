import { type ClaimView, type HealthView, type LetterView, type MyConsent, ROLE_TITLES } from '@remed/core';
import { asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  chatMessages,
  claims,
  clinicComplaints,
  contracts,
  guaranteeLetters,
  helpRequests,
  insurers,
  medicalCases,
  payouts,
  policies,
  policyholders,
  programs,
  users,
  visitRatings,
} from '../../db/schema/index.ts';
import { claimViews } from '../claims/claim-view.ts';
import { fullNameOf } from '../insurance/person-name.ts';
import { loadLetters } from '../letters/letters.queries.ts';
import { viewsOfPerson } from './health-views.queries.ts';
import { consentsOf, type PersonRow } from './personal-data.queries.ts';

/** More views than this are summarised: a file for a person, not a dump of the whole log. */
const MAX_VIEWS = 10_000;

export interface PersonDataExport {
  format: 'remed.personal-data/v1';
  generatedAt: string;
  operator: { name: string; inn: string; address: string; email: string; phone: string };
  person: {
    fullName: string;
    birthDate: string;
    sex: 'male' | 'female';
    phone: string | null;
    email: string | null;
    payoutPhone: string | null;
    payoutBank: string | null;
    createdAt: string;
    erasedAt: string | null;
  };
  account: {
    email: string | null;
    phone: string | null;
    roles: string[];
    createdAt: string;
    lastLoginAt: string | null;
  } | null;
  policies: {
    number: string;
    validFrom: string;
    validTo: string;
    detachedOn: string | null;
    program: string;
    insurer: string;
    policyholder: string;
  }[];
  consents: MyConsent[];
  requests: {
    createdAt: string;
    channel: string;
    complaint: string;
    answers: Record<string, string>;
    status: string;
    photo: boolean;
  }[];
  cases: {
    createdAt: string;
    complaints: string;
    icd10Code: string | null;
    icd10Text: string | null;
    status: string;
  }[];
  letters: Omit<LetterView, 'caseId'>[];
  claims: (ClaimView & { fiscal: { fn: string; fd: string; fp: string; operationType: number } })[];
  payouts: { createdAt: string; amount: number; status: string; phone: string; bankId: string }[];
  ratings: { createdAt: string; stars: number; comment: string | null }[];
  complaints: { createdAt: string; text: string; status: string }[];
  chatMessages: { createdAt: string; text: string }[];
  views: HealthView[];
  viewsTruncated: boolean;
}

type Section<K extends keyof PersonDataExport> = Promise<PersonDataExport[K]>;

/** Everything the platform holds about one person, read in one pass for the export files. */
export async function collectPersonData(
  db: DbOrTx,
  person: PersonRow,
  now: Date,
  operator: PersonDataExport['operator'],
): Promise<PersonDataExport> {
  const views = await viewsOfPerson(db, person.id, { limit: MAX_VIEWS });
  return {
    format: 'remed.personal-data/v1',
    generatedAt: now.toISOString(),
    operator,
    person: personSection(person),
    account: await accountSection(db, person.userId),
    policies: await policiesSection(db, person.id),
    consents: await consentsOf(db, person.id),
    requests: await requestsSection(db, person.id),
    cases: await casesSection(db, person.id),
    letters: (await loadLetters(db, eq(guaranteeLetters.insuredPersonId, person.id), now, 100_000)).map(
      ({ caseId: _case, insuredPersonId: _person, ...l }) => l,
    ),
    claims: await claimsSection(db, person.id),
    payouts: await payoutsSection(db, person.id),
    ...(await feedbackSections(db, person.id)),
    chatMessages: await chatSection(db, person.userId),
    views: views.items,
    viewsTruncated: views.next !== null,
  };
}

function personSection(person: PersonRow): PersonDataExport['person'] {
  return {
    fullName: fullNameOf(person),
    birthDate: person.birthDate,
    sex: person.sex,
    phone: person.phone,
    email: person.email,
    payoutPhone: person.payoutPhone,
    payoutBank: person.payoutBankName,
    createdAt: person.createdAt.toISOString(),
    erasedAt: person.erasedAt?.toISOString() ?? null,
  };
}

async function accountSection(db: DbOrTx, userId: string | null): Section<'account'> {
  const [account] = userId ? await db.select().from(users).where(eq(users.id, userId)) : [];
  if (!account) return null;
  return {
    email: account.email,
    phone: account.phone,
    roles: account.roles.map((r) => ROLE_TITLES[r as keyof typeof ROLE_TITLES] ?? r),
    createdAt: account.createdAt.toISOString(),
    lastLoginAt: account.lastLoginAt?.toISOString() ?? null,
  };
}

async function policiesSection(db: DbOrTx, personId: string): Section<'policies'> {
  const pols = await db
    .select({ policy: policies, program: programs.name, insurer: insurers.name, holder: policyholders.name })
    .from(policies)
    .innerJoin(programs, eq(programs.id, policies.programId))
    .innerJoin(contracts, eq(contracts.id, programs.contractId))
    .innerJoin(insurers, eq(insurers.id, contracts.insurerId))
    .innerJoin(policyholders, eq(policyholders.id, contracts.policyholderId))
    .where(eq(policies.insuredPersonId, personId))
    .orderBy(desc(policies.validFrom));
  return pols.map(({ policy, program, insurer, holder }) => ({
    number: policy.number,
    validFrom: policy.validFrom,
    validTo: policy.validTo,
    detachedOn: policy.detachedOn,
    program,
    insurer,
    policyholder: holder,
  }));
}

async function requestsSection(db: DbOrTx, personId: string): Section<'requests'> {
  const requests = await db
    .select()
    .from(helpRequests)
    .where(eq(helpRequests.insuredPersonId, personId))
    .orderBy(asc(helpRequests.createdAt));
  return requests.map((r) => ({
    createdAt: r.createdAt.toISOString(),
    channel: r.channel === 'app' ? 'приложение' : 'телефон',
    complaint: r.complaint,
    answers: r.answers,
    status: r.status,
    photo: !!r.photoKey,
  }));
}

async function casesSection(db: DbOrTx, personId: string): Section<'cases'> {
  const cases = await db
    .select()
    .from(medicalCases)
    .where(eq(medicalCases.insuredPersonId, personId))
    .orderBy(asc(medicalCases.createdAt));
  return cases.map((c) => ({
    createdAt: c.createdAt.toISOString(),
    complaints: c.complaints,
    icd10Code: c.icd10Code,
    icd10Text: c.icd10Text,
    status: c.status,
  }));
}

/** The claims as the person sees them, with the fiscal requisites of each receipt. */
async function claimsSection(db: DbOrTx, personId: string): Section<'claims'> {
  const rows = await db
    .select()
    .from(claims)
    .where(eq(claims.insuredPersonId, personId))
    .orderBy(asc(claims.createdAt));
  return (await claimViews(db, rows)).map((c, n) => {
    const { fn, fd, fp, operationType } = rows[n]!;
    return { ...c, fiscal: { fn, fd, fp, operationType } };
  });
}

async function payoutsSection(db: DbOrTx, personId: string): Section<'payouts'> {
  const pays = await db
    .select()
    .from(payouts)
    .where(eq(payouts.insuredPersonId, personId))
    .orderBy(asc(payouts.createdAt));
  return pays.map((p) => ({
    createdAt: p.createdAt.toISOString(),
    amount: p.amount,
    status: p.status,
    phone: p.phone,
    bankId: p.bankId,
  }));
}

async function feedbackSections(
  db: DbOrTx,
  personId: string,
): Promise<Pick<PersonDataExport, 'ratings' | 'complaints'>> {
  const ratings = await db.select().from(visitRatings).where(eq(visitRatings.insuredPersonId, personId));
  const complaints = await db
    .select()
    .from(clinicComplaints)
    .where(eq(clinicComplaints.insuredPersonId, personId));
  return {
    ratings: ratings.map((r) => ({
      createdAt: r.createdAt.toISOString(),
      stars: r.stars,
      comment: r.comment,
    })),
    complaints: complaints.map((c) => ({
      createdAt: c.createdAt.toISOString(),
      text: c.text,
      status: c.status,
    })),
  };
}

async function chatSection(db: DbOrTx, userId: string | null): Section<'chatMessages'> {
  if (!userId) return [];
  const messages = await db
    .select()
    .from(chatMessages)
    .where(eq(chatMessages.authorId, userId))
    .orderBy(asc(chatMessages.seq));
  return messages.map((m) => ({ createdAt: m.createdAt.toISOString(), text: m.body }));
}
