import { eq } from 'drizzle-orm';
import { policies } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { recordHelpRequest } from './help-requests.ts';

/** The operator records a phone call: the caller is found by policy number. */
export async function createPhoneRequest(
  deps: AppDeps,
  actor: Actor,
  input: { policyNumber: string; complaint: string },
) {
  const [p] = await deps.database.db.select().from(policies).where(eq(policies.number, input.policyNumber));
  if (!p)
    throw new AppError('NOT_FOUND', 'Полис не найден', {
      fields: { policyNumber: 'Полис с таким номером не найден' },
    });
  const id = deps.ids.uuid();
  await recordHelpRequest(deps, actor, {
    id,
    insuredPersonId: p.insuredPersonId,
    channel: 'phone',
    complaint: input.complaint,
  });
  return id;
}
