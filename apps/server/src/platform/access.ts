import type { Role, SessionUser } from '@remed/core';
import { AppError } from './errors.ts';

/** What every API route must declare: who may call it. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export function checkAccess(access: Access, user: SessionUser | null): void {
  if (access === 'public') return;
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (access === 'authenticated') return;
  if (!user.roles.some((r) => access.includes(r))) throw new AppError('FORBIDDEN');
}
