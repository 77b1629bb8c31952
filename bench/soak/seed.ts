import { eq } from 'drizzle-orm';
import { type Database, openPostgres } from '../../apps/server/src/db/client.ts';
import {
  clinicCashback,
  clinics,
  programClinics,
  programs,
  userClinics,
  users,
} from '../../apps/server/src/db/schema/index.ts';
import { insertPublishedVersion } from '../../apps/server/src/modules/price-lists/price-list-versions.queries.ts';
import { cryptoIds, type Ids } from '../../apps/server/src/platform/ids.ts';
import { hashPassword } from '../../apps/server/src/platform/passwords.ts';
import { insertBenchInsured } from '../bench-people.ts';
import { insertBenchProgram } from '../bench-program.ts';

export const PASSWORD = 'Soak-password-1';
/** The letter's services, as the clinic's price list has them (kopecks). */
export const THERAPIST = {
  code: 'B01.047.001',
  name: 'Прием (осмотр, консультация) врача-терапевта первичный',
  price: 250_000,
};
export const BLOOD = {
  code: 'B03.016.003',
  name: 'Общий (клинический) анализ крови развернутый',
  price: 75_000,
};
export const CLAIMS_CLINIC_INN = '7715000562';

export interface Person {
  email: string;
  policyNumber: string;
  /** Payouts to a phone ending in 0000 are refused by the СБП side: the claim waits for the person. */
  refusedByBank: boolean;
}

export interface World {
  claimsClinicId: string;
  officeClinicId: string;
  importProgramId: string;
  doctor: string;
  clinicUser: string;
  insurerUser: string;
  people: Person[];
}

type Db = Database['db'];
type Seed = { db: Db; ids: Ids; now: Date };
type AddUser = (
  email: string,
  fullName: string,
  roles: string[],
  extra?: Partial<typeof users.$inferInsert>,
) => Promise<string>;

/** The claims program (both services) and a second program of the same insurer for the insured lists. */
async function seedPrograms({ db, ids, now }: Seed) {
  const programId = await insertBenchProgram(db, ids, {
    name: 'Поликлиника (нагрузочный прогон)',
    validFrom: '2020-01-01',
    validTo: '2099-12-31',
    coveredPrefixes: ['B01.', 'B03.'],
    createdAt: now,
  });
  const [program] = await db.select().from(programs).where(eq(programs.id, programId));
  const importProgramId = ids.uuid();
  await db.insert(programs).values({
    id: importProgramId,
    contractId: program!.contractId,
    code: 'SOAK-IMPORT',
    name: 'Списки застрахованных (нагрузочный прогон)',
    coveredPrefixes: ['B01.'],
    accessTypes: ['letter'],
    createdAt: now,
  });
  return { programId, importProgramId, contractId: program!.contractId };
}

/** The clinic the claims go to (in the program, 5 % cashback, a published price list) and the office one. */
async function seedClinics({ db, ids, now }: Seed, programId: string) {
  const [claimsClinicId, officeClinicId] = [ids.uuid(), ids.uuid()] as const;
  await db.insert(clinics).values([
    {
      id: claimsClinicId,
      inn: CLAIMS_CLINIC_INN,
      name: 'ООО «Клиника здоровья»',
      shortName: 'Клиника здоровья',
      address: 'г. Москва',
    },
    {
      id: officeClinicId,
      inn: '7701000178',
      name: 'ООО «Клиника прейскурантов»',
      shortName: 'Клиника прейскурантов',
      address: 'г. Москва',
    },
  ]);
  await db.insert(programClinics).values({ programId, clinicId: claimsClinicId });
  await db.insert(clinicCashback).values({ clinicId: claimsClinicId, validFrom: '2020-01-01', percent: 5 });
  await insertPublishedVersion(db, ids, {
    clinicId: claimsClinicId,
    number: 1,
    effectiveFrom: '2020-01-01',
    at: now,
    rows: [
      ['1.1', THERAPIST.code, THERAPIST.name, THERAPIST.price],
      ['1.2', BLOOD.code, BLOOD.name, BLOOD.price],
    ],
  });
  return { claimsClinicId, officeClinicId };
}

function userWriter({ db, ids, now }: Seed, hash: string): AddUser {
  return async (email, fullName, roles, extra = {}) => {
    const id = ids.uuid();
    // The soak signs staff in again after every kill; a TOTP code may be spent once per 30 s step, which
    // would throttle the load rather than test it. The second factor has its own tests.
    await db.insert(users).values({
      id,
      email,
      fullName,
      passwordHash: hash,
      roles,
      secondFactorExempt: true,
      createdAt: now,
      updatedAt: now,
      ...extra,
    });
    return id;
  };
}

/** Insured person `n`: an account, СБП details (every tenth refused by the bank) and a policy. */
async function seedPerson(
  { db, ids, now }: Seed,
  user: AddUser,
  programId: string,
  n: number,
): Promise<Person> {
  const email = `p${n}@soak.remed.ru`;
  const userId = await user(email, `Застрахованный ${n}`, ['insured']);
  const personId = ids.uuid();
  const refusedByBank = n % 10 === 9;
  const policyNumber = `СОАК-${n}`;
  await insertBenchInsured(db, now, {
    personId,
    policyId: ids.uuid(),
    policyNumber,
    programId,
    phone: `+7916${String(n).padStart(7, '0')}`,
    payout: { userId, phone: `+7926${String(n).padStart(3, '0')}${refusedByBank ? '0000' : '1111'}` },
  });
  return { email, policyNumber, refusedByBank };
}

/**
 * The soak test's data, written with the server's own schema and price-list queries as the test
 * factories do: one clinic the claims go to (a published price list, 5 % cashback) and one that uploads
 * price lists and writes to the chat, a program with both services, a second program of the same insurer
 * that receives the insured lists, a console doctor, a clinic user, an insurer user and `count` insured
 * people with СБП details (every tenth with a phone the bank refuses). Letters are issued later over HTTP.
 */
export async function seedWorld(url: string, count: number): Promise<World> {
  const database = await openPostgres(url, 2);
  const seed: Seed = { db: database.db, ids: cryptoIds, now: new Date() };
  try {
    const { programId, importProgramId, contractId } = await seedPrograms(seed);
    const { claimsClinicId, officeClinicId } = await seedClinics(seed, programId);
    const user = userWriter(seed, await hashPassword(PASSWORD, 12));
    await user('doctor@soak.remed.ru', 'Врач Нагрузочный', ['console_doctor']);
    const clinicUserId = await user('clinic@soak.remed.ru', 'Бухгалтер Клиники', ['clinic_user']);
    await seed.db.insert(userClinics).values({ userId: clinicUserId, clinicId: officeClinicId });
    await user('insurer@soak.remed.ru', 'Сотрудник Страховой', ['insurer_user'], {
      insurerId: (await insurerOf(database, contractId))!,
    });
    const people: Person[] = [];
    for (let n = 0; n < count; n++) people.push(await seedPerson(seed, user, programId, n));
    return {
      claimsClinicId,
      officeClinicId,
      importProgramId,
      doctor: 'doctor@soak.remed.ru',
      clinicUser: 'clinic@soak.remed.ru',
      insurerUser: 'insurer@soak.remed.ru',
      people,
    };
  } finally {
    await database.close();
  }
}

async function insurerOf(database: Awaited<ReturnType<typeof openPostgres>>, contractId: string) {
  const r = await database.query<{ insurer_id: string }>('select insurer_id from contracts where id = $1', [
    contractId,
  ]);
  return r.rows[0]?.insurer_id;
}
