import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { ChangePasswordPage } from '../features/account/ChangePasswordPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { NotFoundPage } from './errors/StatusPage.tsx';
import { RequireAuth, RequireRole } from './guards.tsx';
import { HomePage } from './home/HomePage.tsx';
import { AppLayout } from './layout/AppLayout.tsx';

// Admin pages are loaded on demand so the insured phone app stays small.
const UsersPage = lazy(() =>
  import('../features/admin-users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })),
);
const AuditPage = lazy(() =>
  import('../features/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })),
);
const OutboxPage = lazy(() =>
  import('../features/outbox/OutboxPage.tsx').then((m) => ({ default: m.OutboxPage })),
);

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/change-password"
        element={
          <RequireAuth>
            <ChangePasswordPage />
          </RequireAuth>
        }
      />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="admin" element={<RequireRole roles={['admin']} />}>
          <Route path="users" element={<UsersPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="outbox" element={<OutboxPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
