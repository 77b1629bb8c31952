import { eq } from 'drizzle-orm';
import { outboxMessages } from '../../db/schema/index.ts';
import { checkAccess } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';

/** The `n`-th file attached to a message of the outbox. */
export async function outboxAttachment(
  deps: Pick<AppDeps, 'database' | 'storage'>,
  actor: Actor,
  id: string,
  n: number,
) {
  checkAccess(['admin'], actor.user);
  const [m] = await deps.database.db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
  const a = m?.attachments[n];
  if (!a) throw new AppError('NOT_FOUND', 'Вложение не найдено');
  return { filename: a.filename, contentType: a.contentType, content: await deps.storage.get(a.storageKey) };
}
