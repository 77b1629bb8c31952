import { helpRequests } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';

/** A request for help enters the console's inbox the same way from the app form and from a phone call. */
export async function recordHelpRequest(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  actor: Actor,
  request: {
    id: string;
    insuredPersonId: string;
    channel: 'app' | 'phone';
    complaint: string;
    answers?: Record<string, string>;
    photoKey?: string | null;
  },
) {
  const { database, clock } = deps;
  await database.db.transaction(async (tx) => {
    await tx
      .insert(helpRequests)
      .values({ ...request, status: 'new', createdBy: actor.user!.id, createdAt: clock.now() });
    await writeAudit(tx, clock, actor, {
      action: 'help_request.created',
      entityType: 'help_request',
      entityId: request.id,
      after: { channel: request.channel, photo: !!request.photoKey },
    });
  });
}
