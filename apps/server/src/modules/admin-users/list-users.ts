import type { UserView } from '@remed/core';
import type { AppDeps } from '../../platform/deps.ts';
import { selectUserPage, toUserViews } from './users.queries.ts';

/** A page of users for the administrator, filtered by name or contact, role and blocking. */
export async function listUsers(
  deps: AppDeps,
  q: Parameters<typeof selectUserPage>[1],
): Promise<{ items: UserView[]; total: number }> {
  const db = deps.database.db;
  const { rows, total } = await selectUserPage(db, q);
  return { items: await toUserViews(db, rows), total };
}
