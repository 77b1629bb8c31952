import type { SecondFactorStatus } from '@remed/core';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { findUserById } from '../admin-users/users.queries.ts';
import { countUnusedRecoveryCodes, findTotp } from './second-factor.queries.ts';
import { requiredByRole, secondFactorState } from './second-factor-state.ts';

export async function secondFactorStatus(deps: AppDeps, userId: string): Promise<SecondFactorStatus> {
  const db = deps.database.db;
  const user = await findUserById(db, userId);
  if (!user) throw new AppError('NOT_FOUND', 'Пользователь не найден');
  const totp = await findTotp(db, userId);
  const roles = deps.config.secondFactor.roles;
  return {
    state: secondFactorState(user, !!totp?.enrolledAt, roles),
    requiredByRole: requiredByRole(user.roles, roles),
    demoExempt: user.secondFactorExempt,
    enrolledAt: totp?.enrolledAt?.toISOString() ?? null,
    recoveryCodesLeft: totp?.enrolledAt ? await countUnusedRecoveryCodes(db, userId) : 0,
  };
}
