import { addDays, CONSENT_TEXTS, moscowDate, validatePriceList } from '@remed/core';
import { eq, sql } from 'drizzle-orm';
import {
  clinicBranches,
  clinicCashback,
  clinics,
  consents,
  contracts,
  helpRequests,
  insuredPersons,
  insurers,
  policies,
  policyholders,
  priceListVersions,
  programClinics,
  programs,
  users,
} from '../db/schema/index.ts';
import { createUser } from '../modules/admin-users/create-user.ts';
import { toSessionUser } from '../modules/admin-users/users.queries.ts';
import { createPhoneRequest } from '../modules/console/create-phone-request.ts';
import { issueLetter } from '../modules/console/issue-letter.ts';
import { openCase } from '../modules/console/open-case.ts';
import { updateCase } from '../modules/console/update-case.ts';
import { reportOf } from '../modules/price-lists/draft-check.ts';
import { insertDraftRows } from '../modules/price-lists/draft-rows.queries.ts';
import { insertPublishedVersion } from '../modules/price-lists/price-list-versions.queries.ts';
import { recomputeRatings } from '../modules/rating/recompute-ratings.ts';
import { systemActor } from '../platform/actor.ts';
import type { AppDeps } from '../platform/deps.ts';
import { seedChat } from './chat.ts';
import {
  DEMO_ACCOUNTS,
  DEMO_CLINICS,
  DEMO_DRAFT_FILE,
  DEMO_INSURED,
  DEMO_INSURER,
  DEMO_PASSWORD,
  DEMO_POLICYHOLDER,
  DEMO_PRICE_CHANGES,
  DEMO_PROGRAM,
  demoDraftRows,
} from './demo-data.ts';
import { seedEdo } from './edo.ts';
import { seedPersonalData } from './personal-data.ts';

/** Tables the demo owns, children first, so a fresh seed can empty them. */
const RESET_TABLES = [
  'chat_read_markers',
  'chat_attachments',
  'chat_messages',
  'chat_threads',
  'department_contacts',
  'visit_ratings',
  'clinic_complaints',
  'clinic_rating_snapshots',
  'edo_events',
  'edo_signatures',
  'clinic_documents',
  'clinic_contracts',
  'ledger_entries',
  'payouts',
  'claims',
  'guarantee_letter_items',
  'guarantee_letters',
  'medical_cases',
  'help_requests',
  'insured_imports',
  'user_agreements',
  'otp_codes',
  'health_data_views',
  'consents',
  'policies',
  'insured_persons',
  'program_clinics',
  'programs',
  'contracts',
  'clinic_cashback',
  'clinic_branches',
  'audit_log',
  'api_tokens',
  'sessions',
  'login_throttle',
  'user_clinics',
  'users',
  'outbox_messages',
  'price_list_items',
  'service_names',
  'price_list_draft_rows',
  'price_list_versions',
  'clinics',
  'policyholders',
  'insurers',
];

async function resetData(deps: AppDeps): Promise<void> {
  await deps.database.db.execute(
    sql.raw(`truncate table ${RESET_TABLES.join(', ')} restart identity cascade`),
  );
  for await (const key of deps.storage.list()) await deps.storage.delete(key);
}

/** Loads the demo organisations, price lists and one account per role; does nothing if they are there. */
export async function seedDemo(deps: AppDeps, opts: { fresh?: boolean } = {}): Promise<{ created: boolean }> {
  if (opts.fresh) await resetData(deps);
  const db = deps.database.db;
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, DEMO_ACCOUNTS[0]!.login));
  if (existing) return { created: false };

  const { ids, clock } = deps;
  const insurerId = ids.uuid();
  const policyholderId = ids.uuid();
  const clinicIds: string[] = [];
  const validFrom = `${clock.now().getUTCFullYear()}-01-01`;
  await db.transaction(async (tx) => {
    await tx.insert(insurers).values({ id: insurerId, ...DEMO_INSURER });
    await tx.insert(policyholders).values({ id: policyholderId, ...DEMO_POLICYHOLDER });
    for (const c of DEMO_CLINICS) {
      const id = ids.uuid();
      clinicIds.push(id);
      const { prices: _prices, branches, cashback, ...legal } = c;
      await tx.insert(clinics).values({ id, ...legal });
      await tx.insert(clinicBranches).values(branches.map((b) => ({ id: ids.uuid(), clinicId: id, ...b })));
      await tx.insert(clinicCashback).values({ clinicId: id, validFrom, percent: cashback });
    }
  });

  for (const a of DEMO_ACCOUNTS) {
    await createUser(
      deps,
      systemActor,
      {
        fullName: a.fullName,
        email: a.login,
        phone: a.phone ?? null,
        password: DEMO_PASSWORD,
        roles: a.roles,
        omsLevel: a.omsLevel ?? null,
        clinicIds: a.org === 'clinics' ? clinicIds.slice(0, 2) : [],
        insurerId: a.org === 'insurer' ? insurerId : null,
        policyholderId: a.org === 'policyholder' ? policyholderId : null,
      },
      // The printed demo accounts must work for anyone without an authenticator app (decision 013).
      { mustChangePassword: false, secondFactorExempt: true },
    );
  }
  await seedPriceLists(deps, clinicIds, validFrom);
  await seedInsurance(deps, { insurerId, policyholderId, clinicIds, year: validFrom.slice(0, 4) });
  await seedPersonalData(deps, await seedLetter(deps, clinicIds[0]!));
  await seedChat(deps);
  // Ratings come from the formula from the first day, with its components for the clinic cabinet.
  await recomputeRatings(deps);
  await seedEdo(deps, clinicIds);
  return { created: true };
}

/**
 * Each clinic's price list from the start of the year, uploaded by the demo clinic user; the first clinic
 * changed some prices from the first day of this month, the second has a draft with mistakes in it.
 */
async function seedPriceLists(deps: AppDeps, clinicIds: string[], yearStart: string) {
  const { ids, clock } = deps;
  const db = deps.database.db;
  const now = clock.now();
  const [author] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'clinic@demo.remed.ru'));
  const year = yearStart.slice(0, 4);
  const kopecks = (rubles: number) => rubles * 100;
  for (const [n, c] of DEMO_CLINICS.entries()) {
    await insertPublishedVersion(db, ids, {
      clinicId: clinicIds[n]!,
      number: 1,
      effectiveFrom: yearStart,
      at: now,
      sourceFileName: `Прейскурант ${year}.xlsx`,
      createdBy: author?.id ?? null,
      rows: c.prices.map(([clinicCode, code, name, rubles]) => [clinicCode, code, name, kopecks(rubles)]),
    });
  }
  const monthStart = `${moscowDate(now).slice(0, 7)}-01`;
  const changes = DEMO_PRICE_CHANGES;
  await insertPublishedVersion(db, ids, {
    clinicId: clinicIds[0]!,
    number: 2,
    effectiveFrom: monthStart > yearStart ? monthStart : addDays(yearStart, 1),
    at: now,
    sourceFileName: `Прейскурант ${year}, изменения.xlsx`,
    createdBy: author?.id ?? null,
    rows: [...DEMO_CLINICS[0]!.prices, ...changes.added]
      .filter(([, code]) => !changes.removed.includes(code))
      .map(([clinicCode, code, name, rubles]) => [
        clinicCode,
        code,
        changes.renamed[code] ?? name,
        kopecks(changes.prices[code] ?? rubles),
      ]),
  });
  const draftId = ids.uuid();
  const check = validatePriceList(
    demoDraftRows(DEMO_CLINICS[1]!.prices).map(([clinicCode, serviceCode, name, price], i) => ({
      id: ids.uuid(),
      line: i + 2,
      clinicCode,
      serviceCode,
      name,
      price,
    })),
  );
  await db.insert(priceListVersions).values({
    id: draftId,
    clinicId: clinicIds[1]!,
    number: 2,
    status: 'draft',
    source: 'file',
    sourceFileName: DEMO_DRAFT_FILE,
    importStatus: 'done',
    totalRows: check.rows.length,
    processedRows: check.rows.length,
    rowCount: check.rows.length,
    ...reportOf(check.issues),
    createdBy: author?.id ?? null,
    createdAt: now,
    updatedAt: now,
  });
  await insertDraftRows(
    db,
    draftId,
    check.rows.map((r) => ({ ...r, id: r.source.id, line: r.source.line })),
  );
}

async function seedInsurance(
  deps: AppDeps,
  o: { insurerId: string; policyholderId: string; clinicIds: string[]; year: string },
) {
  const { ids, clock } = deps;
  const db = deps.database.db;
  const now = clock.now();
  const contractId = ids.uuid();
  const programId = ids.uuid();
  const p = DEMO_PROGRAM;
  const [insuredUser] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'insured@demo.remed.ru'));
  await db.transaction(async (tx) => {
    await tx.insert(contracts).values({
      id: contractId,
      insurerId: o.insurerId,
      policyholderId: o.policyholderId,
      number: p.contractNumber,
      validFrom: `${o.year}-01-01`,
      validTo: `${o.year}-12-31`,
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
    for (const [n, person] of DEMO_INSURED.entries()) {
      const personId = ids.uuid();
      const userId = n === 0 ? (insuredUser?.id ?? null) : null;
      const { policy, detached, ...fields } = person;
      await tx
        .insert(insuredPersons)
        .values({ id: personId, ...fields, userId, createdAt: now, updatedAt: now });
      await tx.insert(policies).values({
        id: ids.uuid(),
        number: policy,
        programId,
        insuredPersonId: personId,
        validFrom: `${o.year}-01-01`,
        validTo: `${o.year}-12-31`,
        detachedOn: detached ? `${o.year}-${detached}` : null,
        createdAt: now,
        updatedAt: now,
      });
      if (userId) {
        await tx
          .update(insuredPersons)
          .set({ payoutPhone: fields.phone, payoutBankId: '100000000111', payoutBankName: 'Сбербанк' })
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
    }
  });
}

export function demoAccountsText(baseUrl: string): string {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.login.length));
  return [
    `Демо-доступ: ${baseUrl}  (пароль у всех: ${DEMO_PASSWORD})`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.login.padEnd(width)}  ${a.title}`),
    'Эти учётные записи входят по паролю; новые сотрудники при первом входе подключают приложение-аутентификатор.',
  ].join('\n');
}

/** One guarantee letter for the demo insured, issued through the console as a doctor would, for the demo till. */
async function seedLetter(deps: AppDeps, clinicId: string) {
  const db = deps.database.db;
  const [doctor] = await db.select().from(users).where(eq(users.email, 'doctor@demo.remed.ru'));
  const [person] = await db
    .select()
    .from(insuredPersons)
    .where(eq(insuredPersons.email, 'insured@demo.remed.ru'));
  const [policy] = await db.select().from(policies).where(eq(policies.insuredPersonId, person!.id));
  const actor = { user: await toSessionUser(db, doctor!), requestId: null, ip: null };
  const requestId = await createPhoneRequest(deps, actor, {
    policyNumber: policy!.number,
    complaint: 'Звонок: давление 150/95 по утрам, голова тяжёлая. Нужен терапевт и ЭКГ.',
  });
  const caseId = await openCase(deps, actor, requestId);
  await updateCase(deps, actor, caseId, {
    icd10Code: 'I10',
    icd10Text: 'Эссенциальная (первичная) гипертензия',
  });
  return issueLetter(deps, actor, caseId, {
    clinicId,
    services: [
      { serviceCode: 'B01.047.001', quantity: 1 },
      { serviceCode: 'A05.10.006', quantity: 1 },
    ],
    approvedCodes: [],
    validDays: 30,
  });
}
