import type { UserView } from '@remed/core';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { findUserById, toUserView } from './users.queries.ts';

export async function getUser(deps: AppDeps, id: string): Promise<UserView> {
  const db = deps.database.db;
  const row = await findUserById(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Пользователь не найден');
  return toUserView(db, row);
}
