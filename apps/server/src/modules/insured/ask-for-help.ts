import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { checkPhoto } from '../../platform/photo-check.ts';
import { activePolicy, todayOf } from '../console/case.queries.ts';
import { recordHelpRequest } from '../console/help-requests.ts';
import { ownInsuredPerson } from './insured-person.queries.ts';

/** A request for help from the app, with a photo if one was taken; only while a policy is in force. */
export async function askForHelp(
  deps: Pick<AppDeps, 'database' | 'clock' | 'ids' | 'storage' | 'config'>,
  actor: Actor,
  input: { complaint: string; answers: Record<string, string> },
  photo: Buffer | null,
): Promise<string> {
  const db = deps.database.db;
  const person = await ownInsuredPerson(db, actor);
  if (!(await activePolicy(db, person.id, todayOf(deps.clock.now()))))
    throw new AppError('POLICY_NOT_ACTIVE', 'Ваш полис сейчас не действует');
  const id = deps.ids.uuid();
  let photoKey: string | null = null;
  if (photo) {
    const { ext, contentType } = await checkPhoto(photo, deps.config.photoMaxPixels);
    photoKey = `requests/${id}/photo.${ext}`;
    await deps.storage.put(photoKey, photo, contentType);
  }
  await recordHelpRequest(deps, actor, {
    id,
    insuredPersonId: person.id,
    channel: 'app',
    complaint: input.complaint,
    answers: input.answers,
    photoKey,
  });
  return id;
}
