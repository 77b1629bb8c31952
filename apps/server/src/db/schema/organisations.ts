import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  index,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
} from 'drizzle-orm/pg-core';
import { at, createdAt, id, requiredRef } from './columns.ts';

/** The service knows an insurer and a policyholder by a name and an ИНН, and nothing more. */
const knownByInn = () => ({
  id: id(),
  name: text('name').notNull(),
  inn: text('inn').notNull(),
  createdAt: createdAt().defaultNow(),
});

export const insurers = pgTable(
  'insurers',
  {
    ...knownByInn(),
  },
  (t) => [unique('insurers_inn_uq').on(t.inn), check('insurers_inn_ck', sql`${t.inn} ~ '^\\d{10}$'`)],
);

export const policyholders = pgTable(
  'policyholders',
  {
    ...knownByInn(),
  },
  (t) => [
    unique('policyholders_inn_uq').on(t.inn),
    check('policyholders_inn_ck', sql`${t.inn} ~ '^\\d{10}(\\d{2})?$'`),
  ],
);

export const clinics = pgTable(
  'clinics',
  {
    id: id(),
    inn: text('inn').notNull(),
    kpp: text('kpp'),
    ogrn: text('ogrn'),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    /** The head who signs for the clinic (from the company directory, editable). */
    headName: text('head_name'),
    headPost: text('head_post'),
    /** Bank requisites for settlements and contracts; the account keys are checked against the БИК. */
    bik: text('bik'),
    bankName: text('bank_name'),
    correspondentAccount: text('correspondent_account'),
    settlementAccount: text('settlement_account'),
    /** Set when the clinic registered itself in the cabinet; null for clinics the service added. */
    registeredAt: at('registered_at'),
    /** 0–10, computed by the rating module; null until a clinic has enough history. */
    rating: numeric('rating', { precision: 3, scale: 1 }),
    createdAt: createdAt().defaultNow(),
  },
  (t) => [
    unique('clinics_inn_uq').on(t.inn),
    check('clinics_inn_ck', sql`${t.inn} ~ '^\\d{10}(\\d{2})?$'`),
    check('clinics_rating_ck', sql`${t.rating} between 0 and 10`),
    check('clinics_kpp_ck', sql`${t.kpp} ~ '^\\d{4}[\\dA-Z]{2}\\d{3}$'`),
    check('clinics_ogrn_ck', sql`${t.ogrn} ~ '^\\d{13}(\\d{2})?$'`),
    check('clinics_bik_ck', sql`${t.bik} ~ '^\\d{9}$'`),
    check('clinics_correspondent_account_ck', sql`${t.correspondentAccount} ~ '^\\d{20}$'`),
    check('clinics_settlement_account_ck', sql`${t.settlementAccount} ~ '^\\d{20}$'`),
  ],
);

export const clinicBranches = pgTable(
  'clinic_branches',
  {
    id: id(),
    clinicId: requiredRef('clinic_id', () => clinics.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    address: text('address').notNull(),
    district: text('district'),
    phone: text('phone'),
    hours: text('hours'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
  },
  (t) => [index('clinic_branches_clinic_idx').on(t.clinicId)],
);

/** The clinic's bonus-program cashback, effective from a date; the latest row not after a day applies. */
export const clinicCashback = pgTable(
  'clinic_cashback',
  {
    clinicId: requiredRef('clinic_id', () => clinics.id, { onDelete: 'cascade' }),
    validFrom: date('valid_from').notNull(),
    percent: smallint('percent').notNull(),
  },
  (t) => [
    primaryKey({ name: 'clinic_cashback_pk', columns: [t.clinicId, t.validFrom] }),
    check('clinic_cashback_percent_ck', sql`${t.percent} between 2 and 10`),
  ],
);
