import type { Role, SecondFactorState } from '@remed/core';

export function requiredByRole(roles: readonly string[], requiredRoles: readonly Role[]): boolean {
  return roles.some((r) => (requiredRoles as readonly string[]).includes(r));
}

/** An enrolled authenticator is always asked for; otherwise staff roles must set one up, demo accounts aside. */
export function secondFactorState(
  user: { roles: readonly string[]; secondFactorExempt: boolean },
  enrolled: boolean,
  requiredRoles: readonly Role[],
): SecondFactorState {
  if (enrolled) return 'enrolled';
  if (user.secondFactorExempt || !requiredByRole(user.roles, requiredRoles)) return 'not_required';
  return 'setup_required';
}
