import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { at, id, ref, requiredRef } from './columns.ts';
import { otpCodes } from './insurance.ts';
import { clinics } from './organisations.ts';
import { users } from './users.ts';

/**
 * Acceptance of the user agreement (with the simple electronic signature terms, 63-ФЗ art. 6 and 9) by an
 * employee on behalf of a clinic: which wording (version and SHA-256 of the text), when, from where, and the
 * one-time code that confirmed the employee's contact at registration. Kept as long as the clinic is.
 */
export const userAgreements = pgTable(
  'user_agreements',
  {
    id: id(),
    userId: requiredRef('user_id', () => users.id),
    clinicId: requiredRef('clinic_id', () => clinics.id),
    textVersion: text('text_version').notNull(),
    textHash: text('text_hash').notNull(),
    acceptedAt: at('accepted_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /** The e-mail or phone confirmed by the code; null when a signed-in employee added a network clinic. */
    confirmedContact: text('confirmed_contact'),
    otpCodeId: ref('otp_code_id', () => otpCodes.id, { onDelete: 'set null' }),
  },
  (t) => [
    unique('user_agreements_user_clinic_version_uq').on(t.userId, t.clinicId, t.textVersion),
    index('user_agreements_clinic_idx').on(t.clinicId),
    check('user_agreements_text_hash_ck', sql`${t.textHash} ~ '^[0-9a-f]{64}$'`),
  ],
);
