import { eq, sql } from 'drizzle-orm';
import {
  clinicBranches,
  clinicCashback,
  clinics,
  insurers,
  policyholders,
  users,
} from '../db/schema/index.ts';
import { createUser } from '../modules/admin-users/create-user.ts';
import { recomputeRatings } from '../modules/rating/recompute-ratings.ts';
import { systemActor } from '../platform/actor.ts';
import type { AppDeps } from '../platform/deps.ts';
import { seedChat } from './chat.ts';
import { DEMO_ACCOUNTS, DEMO_CLINICS, DEMO_INSURER, DEMO_PASSWORD, DEMO_POLICYHOLDER } from './demo-data.ts';
import { seedEdo } from './edo.ts';
import { seedInsurance } from './insurance.ts';
import { seedLetter } from './letter.ts';
import { seedPersonalData } from './personal-data.ts';
import { seedPriceLists } from './price-lists.ts';

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

export function demoAccountsText(baseUrl: string): string {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.login.length));
  return [
    `Демо-доступ: ${baseUrl}  (пароль у всех: ${DEMO_PASSWORD})`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.login.padEnd(width)}  ${a.title}`),
    'Эти учётные записи входят по паролю; новые сотрудники при первом входе подключают приложение-аутентификатор.',
  ].join('\n');
}
