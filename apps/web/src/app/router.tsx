import { lazy, Suspense } from 'react';
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
import { NotificationsPage } from '../features/notifications/NotificationsPage.tsx';
import { RegisterPage } from '../features/registration/RegisterPage.tsx';
import { SetupSecondFactorPage } from '../features/second-factor/SetupSecondFactorPage.tsx';
import { SessionLoading } from './errors/SessionStates.tsx';
import { NotFoundPage } from './errors/StatusPage.tsx';
import { RequireAuth, RequireRole, SECOND_FACTOR_SETUP_PATH } from './guards.tsx';
import { HomePage } from './home/HomePage.tsx';
import { AppLayout } from './layout/AppLayout.tsx';

// Admin pages are loaded on demand so the insured phone app stays small.
const UsersPage = lazy(() =>
  import('../features/admin-users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })),
);
const AuditPage = lazy(() =>
  import('../features/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })),
);
const AdminPersonalDataPage = lazy(() =>
  import('../features/personal-data/AdminPersonalDataPage.tsx').then((m) => ({
    default: m.AdminPersonalDataPage,
  })),
);
const PrivacyPolicyPage = lazy(() =>
  import('../features/personal-data/PrivacyPolicyPage.tsx').then((m) => ({ default: m.PrivacyPolicyPage })),
);
const MyDataPage = lazy(() =>
  import('../features/personal-data/MyDataPage.tsx').then((m) => ({ default: m.MyDataPage })),
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
const ClinicChatPage = lazy(() =>
  import('../features/chat/ClinicChatPage.tsx').then((m) => ({ default: m.ClinicChatPage })),
);
const ConsoleChatPage = lazy(() =>
  import('../features/chat/ConsoleChatPage.tsx').then((m) => ({ default: m.ConsoleChatPage })),
);
const ContactsPage = lazy(() =>
  import('../features/contacts/ContactsPage.tsx').then((m) => ({ default: m.ContactsPage })),
);
const AdminContactsPage = lazy(() =>
  import('../features/contacts/AdminContactsPage.tsx').then((m) => ({ default: m.AdminContactsPage })),
);
const ComplaintsPage = lazy(() =>
  import('../features/complaints/ComplaintsPage.tsx').then((m) => ({ default: m.ComplaintsPage })),
);
const BonusPage = lazy(() =>
  import('../features/bonus/BonusPage.tsx').then((m) => ({ default: m.BonusPage })),
);
const RatingPage = lazy(() =>
  import('../features/rating/RatingPage.tsx').then((m) => ({ default: m.RatingPage })),
);
const ReportsPage = lazy(() =>
  import('../features/reports/ReportsPage.tsx').then((m) => ({ default: m.ReportsPage })),
);
const ClinicContractsPage = lazy(() =>
  import('../features/edo/ClinicContractsPage.tsx').then((m) => ({ default: m.ClinicContractsPage })),
);
const ClinicDocumentsPage = lazy(() =>
  import('../features/edo/DocumentsPage.tsx').then((m) => ({ default: m.ClinicDocumentsPage })),
);
const AdminContractsPage = lazy(() =>
  import('../features/edo/AdminContractsPage.tsx').then((m) => ({ default: m.AdminContractsPage })),
);
const AdminDocumentsPage = lazy(() =>
  import('../features/edo/DocumentsPage.tsx').then((m) => ({ default: m.AdminDocumentsPage })),
);
const RegisterClinicPage = lazy(() =>
  import('../features/clinic-registration/RegisterClinicPage.tsx').then((m) => ({
    default: m.RegisterClinicPage,
  })),
);
const RequisitesPage = lazy(() =>
  import('../features/clinic-cabinet/RequisitesPage.tsx').then((m) => ({ default: m.RequisitesPage })),
);
const PatientsPage = lazy(() =>
  import('../features/clinic-cabinet/PatientsPage.tsx').then((m) => ({ default: m.PatientsPage })),
);
const NetworkPage = lazy(() =>
  import('../features/clinic-cabinet/NetworkPage.tsx').then((m) => ({ default: m.NetworkPage })),
);
const AddClinicPage = lazy(() =>
  import('../features/clinic-cabinet/AddClinicPage.tsx').then((m) => ({ default: m.AddClinicPage })),
);
const ClinicProgramsPage = lazy(() =>
  import('../features/clinic-programs/ProgramsPage.tsx').then((m) => ({ default: m.ProgramsPage })),
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
        path="/privacy"
        element={
          <Suspense fallback={<SessionLoading />}>
            <PrivacyPolicyPage />
          </Suspense>
        }
      />
      <Route
        path="/clinic/register"
        element={
          <Suspense fallback={<SessionLoading />}>
            <RegisterClinicPage />
          </Suspense>
        }
      />
      <Route
        path="/change-password"
        element={
          <RequireAuth>
            <ChangePasswordPage />
          </RequireAuth>
        }
      />
      <Route
        path={SECOND_FACTOR_SETUP_PATH}
        element={
          <RequireAuth>
            <SetupSecondFactorPage />
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
        <Route path="notifications" element={<NotificationsPage />} />
        <Route element={<RequireRole roles={['insured']} />}>
          <Route path="help" element={<HelpPage />} />
          <Route path="claims" element={<ClaimsPage />} />
          <Route path="claims/new" element={<ClaimNewPage />} />
          <Route path="claims/:id" element={<ClaimPage />} />
          <Route path="my-data" element={<MyDataPage />} />
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
        <Route path="console/chat" element={<RequireRole roles={['console_doctor', 'admin']} />}>
          <Route index element={<ConsoleChatPage />} />
          <Route path=":threadId" element={<ConsoleChatPage />} />
        </Route>
        <Route path="clinic" element={<RequireRole roles={['clinic_user']} />}>
          <Route path="chat" element={<ClinicChatPage />} />
          <Route path="chat/:threadId" element={<ClinicChatPage />} />
          <Route path="contacts" element={<ContactsPage />} />
          <Route path="bonus" element={<BonusPage />} />
          <Route path="rating" element={<RatingPage />} />
          <Route path="reports" element={<ReportsPage />} />
          <Route path="contracts" element={<ClinicContractsPage />} />
          <Route path="documents" element={<ClinicDocumentsPage />} />
          <Route path="patients" element={<PatientsPage />} />
          <Route path="programs" element={<ClinicProgramsPage />} />
          <Route path="price-lists" element={<PriceListsPage />} />
          <Route path="price-lists/:versionId" element={<PriceListVersionPage />} />
          <Route path="requisites" element={<RequisitesPage />} />
          <Route path="network" element={<NetworkPage />} />
          <Route path="network/new" element={<AddClinicPage />} />
        </Route>
        <Route path="console" element={<RequireRole roles={['console_doctor']} />}>
          <Route index element={<InboxPage />} />
          <Route path="cases/:id" element={<CasePage />} />
          <Route path="reviews" element={<ReviewsPage />} />
          <Route path="reviews/:id" element={<ReviewPage />} />
          <Route path="complaints" element={<ComplaintsPage />} />
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
          <Route path="personal-data" element={<AdminPersonalDataPage />} />
          <Route path="outbox" element={<OutboxPage />} />
          <Route path="reconciliation" element={<ReconciliationPage />} />
          <Route path="contacts" element={<AdminContactsPage />} />
          <Route path="clinic-contracts" element={<AdminContractsPage />} />
          <Route path="clinic-documents" element={<AdminDocumentsPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
