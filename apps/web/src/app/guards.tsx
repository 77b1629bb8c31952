import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ForbiddenPage } from './errors/StatusPage.tsx';
import { canSee, type NavItem } from './navigation.ts';
import { useSession, useUser } from './session.tsx';

export const SECOND_FACTOR_SETUP_PATH = '/second-factor/setup';

/** Sends anonymous visitors to the login page and remembers where they were going. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) return <Navigate to="/login" replace state={{ from: location }} />;
  if (user.mustChangePassword && location.pathname !== '/change-password')
    return <Navigate to="/change-password" replace state={{ from: location }} />;
  if (
    !user.mustChangePassword &&
    user.secondFactor === 'setup_required' &&
    location.pathname !== SECOND_FACTOR_SETUP_PATH
  )
    return <Navigate to={SECOND_FACTOR_SETUP_PATH} replace state={{ from: location }} />;
  return children;
}

export function RequireRole({ roles }: { roles: NavItem['roles'] }) {
  const user = useUser();
  return canSee(user, roles) ? <Outlet /> : <ForbiddenPage />;
}
