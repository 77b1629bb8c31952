import { CHAT_DEPARTMENT_TITLES, type ChatDepartment } from '@remed/core';
import { sql } from 'drizzle-orm';
import { chatThreads } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { viewerIn } from './chat-access.ts';
import { loadThreadViews } from './chat-threads.queries.ts';

/** The clinic's thread with a department, started on first use (and audited then). */
export async function openThread(
  deps: Pick<AppDeps, 'database' | 'clock' | 'ids'>,
  actor: Actor,
  clinicId: string,
  department: ChatDepartment,
) {
  const viewer = viewerIn(actor, { side: 'clinic', clinicId });
  const { database, clock } = deps;
  const id = deps.ids.uuid();
  const created = await database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(chatThreads)
      .values({
        id,
        kind: 'clinic',
        clinicId,
        department,
        createdAt: clock.now(),
        createdBy: actor.user!.id,
      })
      .onConflictDoNothing()
      .returning({ id: chatThreads.id });
    if (row)
      await writeAudit(tx, clock, actor, {
        action: 'chat.thread_created',
        entityType: 'chat_thread',
        entityId: id,
        after: { clinicId, department, title: CHAT_DEPARTMENT_TITLES[department] },
      });
    return !!row;
  });
  const [thread] = await loadThreadViews(
    database.db,
    viewer,
    sql`t.clinic_id = ${clinicId} and t.department = ${department}`,
  );
  return { thread: thread!, created };
}
