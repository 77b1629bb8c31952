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
import { fullNameOf } from '../insurance/insurance.service.ts';
import { loadLetters } from '../letters/letters.queries.ts';
import { listConsents } from './list-consents.ts';
import { viewsOfPerson } from './list-health-views.ts';
import type { PersonRow } from './personal-data.queries.ts';

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

/** Everything the platform holds about one person, read in one pass for the export files. */
export async function collectPersonData(
  db: DbOrTx,
  person: PersonRow,
  now: Date,
  operator: PersonDataExport['operator'],
): Promise<PersonDataExport> {
  const [account] = person.userId ? await db.select().from(users).where(eq(users.id, person.userId)) : [];
  const pols = await db
    .select({ policy: policies, program: programs.name, insurer: insurers.name, holder: policyholders.name })
    .from(policies)
    .innerJoin(programs, eq(programs.id, policies.programId))
    .innerJoin(contracts, eq(contracts.id, programs.contractId))
    .innerJoin(insurers, eq(insurers.id, contracts.insurerId))
    .innerJoin(policyholders, eq(policyholders.id, contracts.policyholderId))
    .where(eq(policies.insuredPersonId, person.id))
    .orderBy(desc(policies.validFrom));
  const requests = await db
    .select()
    .from(helpRequests)
    .where(eq(helpRequests.insuredPersonId, person.id))
    .orderBy(asc(helpRequests.createdAt));
  const cases = await db
    .select()
    .from(medicalCases)
    .where(eq(medicalCases.insuredPersonId, person.id))
    .orderBy(asc(medicalCases.createdAt));
  const letters = await loadLetters(db, eq(guaranteeLetters.insuredPersonId, person.id), now, 100_000);
  const claimRows = await db
    .select()
    .from(claims)
    .where(eq(claims.insuredPersonId, person.id))
    .orderBy(asc(claims.createdAt));
  const claimList = await claimViews(db, claimRows);
  const pays = await db
    .select()
    .from(payouts)
    .where(eq(payouts.insuredPersonId, person.id))
    .orderBy(asc(payouts.createdAt));
  const ratings = await db.select().from(visitRatings).where(eq(visitRatings.insuredPersonId, person.id));
  const complaints = await db
    .select()
    .from(clinicComplaints)
    .where(eq(clinicComplaints.insuredPersonId, person.id));
  const messages = person.userId
    ? await db
        .select()
        .from(chatMessages)
        .where(eq(chatMessages.authorId, person.userId))
        .orderBy(asc(chatMessages.seq))
    : [];
  const views = await viewsOfPerson(db, person.id, { limit: MAX_VIEWS });

  return {
    format: 'remed.personal-data/v1',
    generatedAt: now.toISOString(),
    operator,
    person: {
      fullName: fullNameOf(person),
      birthDate: person.birthDate,
      sex: person.sex,
      phone: person.phone,
      email: person.email,
      payoutPhone: person.payoutPhone,
      payoutBank: person.payoutBankName,
      createdAt: person.createdAt.toISOString(),
      erasedAt: person.erasedAt?.toISOString() ?? null,
    },
    account: account
      ? {
          email: account.email,
          phone: account.phone,
          roles: account.roles.map((r) => ROLE_TITLES[r as keyof typeof ROLE_TITLES] ?? r),
          createdAt: account.createdAt.toISOString(),
          lastLoginAt: account.lastLoginAt?.toISOString() ?? null,
        }
      : null,
    policies: pols.map(({ policy, program, insurer, holder }) => ({
      number: policy.number,
      validFrom: policy.validFrom,
      validTo: policy.validTo,
      detachedOn: policy.detachedOn,
      program,
      insurer,
      policyholder: holder,
    })),
    consents: await listConsents(db, person.id),
    requests: requests.map((r) => ({
      createdAt: r.createdAt.toISOString(),
      channel: r.channel === 'app' ? 'приложение' : 'телефон',
      complaint: r.complaint,
      answers: r.answers,
      status: r.status,
      photo: !!r.photoKey,
    })),
    cases: cases.map((c) => ({
      createdAt: c.createdAt.toISOString(),
      complaints: c.complaints,
      icd10Code: c.icd10Code,
      icd10Text: c.icd10Text,
      status: c.status,
    })),
    letters: letters.map(({ caseId: _case, insuredPersonId: _person, ...l }) => l),
    claims: claimList.map((c, n) => ({
      ...c,
      fiscal: {
        fn: claimRows[n]!.fn,
        fd: claimRows[n]!.fd,
        fp: claimRows[n]!.fp,
        operationType: claimRows[n]!.operationType,
      },
    })),
    payouts: pays.map((p) => ({
      createdAt: p.createdAt.toISOString(),
      amount: p.amount,
      status: p.status,
      phone: p.phone,
      bankId: p.bankId,
    })),
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
    chatMessages: messages.map((m) => ({ createdAt: m.createdAt.toISOString(), text: m.body })),
    views: views.items,
    viewsTruncated: views.next !== null,
  };
}
