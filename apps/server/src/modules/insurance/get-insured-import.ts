import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { importView, loadImportFor } from './insured-imports.queries.ts';

/** The progress and outcome of an upload of insured people. */
export async function getInsuredImport(deps: Pick<AppDeps, 'database'>, actor: Actor, id: string) {
  return importView(await loadImportFor(deps.database.db, actor, id));
}
