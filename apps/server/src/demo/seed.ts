import { eq, sql } from 'drizzle-orm';
import { clinics, insurers, policyholders, priceListItems, users } from '../db/schema/index.ts';
import { usersService } from '../modules/users/users.service.ts';
import { systemActor } from '../platform/actor.ts';
import type { AppDeps } from '../platform/deps.ts';
import { DEMO_ACCOUNTS, DEMO_CLINICS, DEMO_INSURER, DEMO_PASSWORD, DEMO_POLICYHOLDER } from './demo-data.ts';

/** Tables the demo owns, children first, so a fresh seed can empty them. */
const RESET_TABLES = [
  'audit_log',
  'api_tokens',
  'sessions',
  'login_throttle',
  'user_clinics',
  'users',
  'outbox_messages',
  'price_list_items',
  'clinics',
  'policyholders',
  'insurers',
];

export async function resetData(deps: AppDeps): Promise<void> {
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
      const { prices, ...legal } = c;
      await tx.insert(clinics).values({ id, ...legal });
      await tx.insert(priceListItems).values(
        prices.map(([clinicCode, serviceCode, name, rubles]) => ({
          id: ids.uuid(),
          clinicId: id,
          clinicCode,
          serviceCode,
          name,
          price: BigInt(rubles) * 100n,
          validFrom,
        })),
      );
    }
  });

  const service = usersService(deps);
  for (const a of DEMO_ACCOUNTS) {
    await service.create(
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
      { mustChangePassword: false },
    );
  }
  return { created: true };
}

export function demoAccountsText(baseUrl: string): string {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.login.length));
  return [
    `Демо-доступ: ${baseUrl}  (пароль у всех: ${DEMO_PASSWORD})`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.login.padEnd(width)}  ${a.title}`),
  ].join('\n');
}
