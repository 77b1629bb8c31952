import { bigint, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, requiredRef } from './columns.ts';
import { users } from './users.ts';

/**
 * A user's TOTP secret, sealed with AES-256-GCM (TOTP_ENCRYPTION_KEY). A row without `enrolled_at` is a
 * set-up started but not yet confirmed with a code; `last_time_step` refuses a code used once already.
 */
export const userTotp = pgTable('user_totp', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretSealed: text('secret_sealed').notNull(),
  enrolledAt: at('enrolled_at'),
  lastTimeStep: bigint('last_time_step', { mode: 'number' }),
  createdAt: createdAt(),
});

/** One-time recovery codes: a per-code salt and the SHA-256 of salt and code; never the code itself. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    userId: requiredRef('user_id', () => users.id, { onDelete: 'cascade' }),
    salt: text('salt').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: createdAt(),
    usedAt: at('used_at'),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/**
 * The half-signed-in state between a correct password and the code: its own short-lived cookie, never a
 * session. Only the SHA-256 of the token is kept, like sessions; wrong codes count in login_throttle.
 */
export const pendingLogins = pgTable(
  'pending_logins',
  {
    id: text('id').primaryKey(),
    userId: requiredRef('user_id', () => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
    userAgent: text('user_agent'),
  },
  (t) => [index('pending_logins_user_idx').on(t.userId), index('pending_logins_expires_idx').on(t.expiresAt)],
);
