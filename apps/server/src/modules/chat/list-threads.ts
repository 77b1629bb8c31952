import type { ChatDepartment } from '@remed/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { CONSOLE_SEAT, viewerIn } from './chat-access.ts';
import { loadThreadViews } from './chat-threads.queries.ts';

/** A clinic's threads with the service's departments, the latest first. */
export async function clinicThreads(deps: Pick<AppDeps, 'database'>, actor: Actor, clinicId: string) {
  const viewer = viewerIn(actor, { side: 'clinic', clinicId });
  return loadThreadViews(deps.database.db, viewer, sql`t.clinic_id = ${clinicId}`);
}

/** Every clinic's threads that have messages; those with unread messages first. */
export async function consoleThreads(
  deps: Pick<AppDeps, 'database'>,
  actor: Actor,
  filter: { department?: ChatDepartment | undefined; clinicId?: string | undefined },
) {
  const viewer = viewerIn(actor, CONSOLE_SEAT);
  const where: SQL[] = [sql`t.last_message_seq is not null`];
  if (filter.department) where.push(sql`t.department = ${filter.department}`);
  if (filter.clinicId) where.push(sql`t.clinic_id = ${filter.clinicId}`);
  return loadThreadViews(deps.database.db, viewer, sql.join(where, sql` and `), 'unread_first');
}
