import { bigint, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, oneOf, ref, requiredRef } from './columns.ts';
import { insuredPersons } from './insurance.ts';
import { users } from './users.ts';

/**
 * Every read of a person's health data by someone else (152-ФЗ art. 10, 19): append only, written in batches.
 * The three indexes serve the three questions asked of it — about a person, about a user, about a period — each
 * already in the order of the pages, newest first, so a page costs its own rows and no sort.
 */
export const healthDataViews = pgTable(
  'health_data_views',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: at('at').notNull(),
    insuredPersonId: requiredRef('insured_person_id', () => insuredPersons.id),
    viewerUserId: ref('viewer_user_id', () => users.id, { onDelete: 'set null' }),
    viewerName: text('viewer_name').notNull(),
    viewerRole: text('viewer_role').notNull(),
    organisation: text('organisation'),
    recordType: text('record_type').$type<'letter' | 'case' | 'request' | 'claim'>().notNull(),
    recordId: uuid('record_id').notNull(),
    recordLabel: text('record_label'),
    purpose: text('purpose').notNull(),
    requestId: text('request_id'),
    ip: text('ip'),
  },
  (t) => [
    index('health_data_views_person_idx').on(t.insuredPersonId, t.at, t.id),
    index('health_data_views_viewer_idx').on(t.viewerUserId, t.at, t.id),
    index('health_data_views_at_idx').on(t.at, t.id),
    oneOf('health_data_views_record_ck', t.recordType, ['letter', 'case', 'request', 'claim']),
  ],
);
