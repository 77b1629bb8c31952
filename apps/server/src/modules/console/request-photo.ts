import { eq } from 'drizzle-orm';
import { helpRequests } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { logHealthViews } from '../../platform/view-log.ts';

const PHOTO_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
};

/** The photo a person attached to a request; looking at it is logged as a view of health data. */
export async function requestPhoto(deps: AppDeps, actor: Actor, requestId: string) {
  const [r] = await deps.database.db.select().from(helpRequests).where(eq(helpRequests.id, requestId));
  if (!r?.photoKey) throw new AppError('NOT_FOUND', 'Фото к заявке не приложено');
  await logHealthViews(deps, actor, 'request.photo', [
    { insuredPersonId: r.insuredPersonId, recordType: 'request', recordId: r.id },
  ]);
  const ext = r.photoKey.split('.').pop()!;
  const type = PHOTO_TYPES[ext] ?? 'application/octet-stream';
  return { content: await deps.storage.get(r.photoKey), contentType: type };
}
