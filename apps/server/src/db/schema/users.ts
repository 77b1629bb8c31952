import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref, requiredRef, updatedAt } from './columns.ts';
import { clinics, insurers, policyholders } from './organisations.ts';

export const users = pgTable(
  'users',
  {
    id: id(),
    fullName: text('full_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull(),
    omsLevel: smallint('oms_level'),
    insurerId: ref('insurer_id', () => insurers.id),
    policyholderId: ref('policyholder_id', () => policyholders.id),
    blockedAt: at('blocked_at'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** Set only by the demo seed: the printed demo accounts sign in with a password alone. */
    secondFactorExempt: boolean('second_factor_exempt').notNull().default(false),
    createdAt: createdAt().defaultNow(),
    updatedAt: updatedAt().defaultNow(),
    lastLoginAt: at('last_login_at'),
  },
  (t) => [
    uniqueIndex('users_email_uq').on(t.email),
    uniqueIndex('users_phone_uq').on(t.phone),
    check('users_contact_ck', sql`${t.email} is not null or ${t.phone} is not null`),
    check('users_email_lower_ck', sql`${t.email} = lower(${t.email})`),
    check('users_phone_ck', sql`${t.phone} ~ '^\\+7\\d{10}$'`),
    check(
      'users_roles_ck',
      sql`cardinality(${t.roles}) > 0 and ${t.roles} <@ array['admin','console_doctor','clinic_user','insurer_user','policyholder_user','insured','oms_rep']::text[]`,
    ),
    check('users_oms_level_ck', sql`${t.omsLevel} between 1 and 3`),
    check('users_oms_rep_level_ck', sql`not ('oms_rep' = any(${t.roles})) or ${t.omsLevel} is not null`),
  ],
);

export const userClinics = pgTable(
  'user_clinics',
  {
    userId: requiredRef('user_id', () => users.id, { onDelete: 'cascade' }),
    clinicId: requiredRef('clinic_id', () => clinics.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ name: 'user_clinics_pk', columns: [t.userId, t.clinicId] })],
);

/** Server-side sessions: the cookie carries a random token, the table keeps only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: requiredRef('user_id', () => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** Failed logins per login name (existing or not), so a lock never reveals whether an account exists. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  firstFailureAt: at('first_failure_at').notNull(),
  lockedUntil: at('locked_until'),
});

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    userId: requiredRef('user_id', () => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash_uq').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: at('at').notNull(),
    actorUserId: ref('actor_user_id', () => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_actor_idx').on(t.actorUserId),
  ],
);
