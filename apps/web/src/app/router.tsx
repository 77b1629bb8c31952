import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { ChangePasswordPage } from '../features/account/ChangePasswordPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { ClaimNewPage } from '../features/claims/ClaimNewPage.tsx';
import { ClaimPage } from '../features/claims/ClaimPage.tsx';
import { ClaimsPage } from '../features/claims/ClaimsPage.tsx';
import { ProgramsPage } from '../features/insurance/ProgramsPage.tsx';
import { HelpPage } from '../features/insured/HelpPage.tsx';
import { LetterPage } from '../features/letters/LetterPage.tsx';
import { LettersPage } from '../features/letters/LettersPage.tsx';
import { RegisterPage } from '../features/registration/RegisterPage.tsx';
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
// Staff workspaces are loaded on demand too.
const InboxPage = lazy(() =>
  import('../features/console/InboxPage.tsx').then((m) => ({ default: m.InboxPage })),
);
const CasePage = lazy(() =>
  import('../features/console/CasePage.tsx').then((m) => ({ default: m.CasePage })),
);
const ReviewsPage = lazy(() =>
  import('../features/reviews/ReviewsPage.tsx').then((m) => ({ default: m.ReviewsPage })),
);
const ReviewPage = lazy(() =>
  import('../features/reviews/ReviewPage.tsx').then((m) => ({ default: m.ReviewPage })),
);
const TillPage = lazy(() =>
  import('../features/demo-till/TillPage.tsx').then((m) => ({ default: m.TillPage })),
);
const ReconciliationPage = lazy(() =>
  import('../features/reconciliation/ReconciliationPage.tsx').then((m) => ({
    default: m.ReconciliationPage,
  })),
);
const PriceListsPage = lazy(() =>
  import('../features/price-lists/PriceListsPage.tsx').then((m) => ({ default: m.PriceListsPage })),
);
const PriceListVersionPage = lazy(() =>
  import('../features/price-lists/VersionPage.tsx').then((m) => ({ default: m.VersionPage })),
);
const ProgramPage = lazy(() =>
  import('../features/insurance/ProgramPage.tsx').then((m) => ({ default: m.ProgramPage })),
);

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/register" element={<RegisterPage />} />
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
        <Route element={<RequireRole roles={['insured']} />}>
          <Route path="help" element={<HelpPage />} />
          <Route path="claims" element={<ClaimsPage />} />
          <Route path="claims/new" element={<ClaimNewPage />} />
          <Route path="claims/:id" element={<ClaimPage />} />
        </Route>
        <Route element={<RequireRole roles={['insured', 'clinic_user', 'insurer_user', 'admin']} />}>
          <Route path="letters" element={<LettersPage />} />
        </Route>
        <Route
          element={
            <RequireRole roles={['insured', 'clinic_user', 'insurer_user', 'console_doctor', 'admin']} />
          }
        >
          <Route path="letters/:id" element={<LetterPage />} />
        </Route>
        <Route path="console" element={<RequireRole roles={['console_doctor']} />}>
          <Route index element={<InboxPage />} />
          <Route path="cases/:id" element={<CasePage />} />
          <Route path="reviews" element={<ReviewsPage />} />
          <Route path="reviews/:id" element={<ReviewPage />} />
        </Route>
        <Route path="clinic" element={<RequireRole roles={['clinic_user']} />}>
          <Route path="price-lists" element={<PriceListsPage />} />
          <Route path="price-lists/:versionId" element={<PriceListVersionPage />} />
        </Route>
        <Route path="demo-till" element={<RequireRole roles={['clinic_user', 'admin']} />}>
          <Route index element={<TillPage />} />
        </Route>
        <Route path="insurance" element={<RequireRole roles={['insurer_user', 'admin']} />}>
          <Route index element={<ProgramsPage />} />
          <Route path="programs/:id" element={<ProgramPage />} />
        </Route>
        <Route path="admin" element={<RequireRole roles={['admin']} />}>
          <Route path="users" element={<UsersPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="outbox" element={<OutboxPage />} />
          <Route path="reconciliation" element={<ReconciliationPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
