import type { AdminHealthView, HealthView, ViewLogQuery } from '@remed/core';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { viewsForAdmin, viewsOfPerson } from './health-views.queries.ts';
import { assertAdmin, ownPerson } from './personal-data-access.ts';

type Page<T> = { items: T[]; next: string | null };

/** Who looked at the signed-in person's health data, newest first. */
export async function listMyHealthViews(
  deps: Pick<AppDeps, 'database'>,
  actor: Actor,
  q: Pick<ViewLogQuery, 'before' | 'limit'>,
): Promise<Page<HealthView>> {
  const db = deps.database.db;
  return viewsOfPerson(db, (await ownPerson(db, actor)).id, q);
}

/** The whole log of views of health data, filtered, for the admin. */
export async function listHealthViews(
  deps: Pick<AppDeps, 'database'>,
  actor: Actor,
  q: ViewLogQuery,
): Promise<Page<AdminHealthView>> {
  assertAdmin(actor);
  return viewsForAdmin(deps.database.db, q);
}
