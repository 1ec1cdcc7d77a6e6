import { Navigate, Route, Routes } from 'react-router-dom';
import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { PERM } from './lib/permissions';
import { ChangePasswordPage } from './features/auth/change-password-page';
import { LoginPage } from './features/auth/login-page';
import { RequireAuth, RequirePermission } from './features/auth/require-auth';
import { SessionWatcher } from './features/auth/session-watcher';
import { DashboardPage } from './features/dashboard/dashboard-page';
import { AppLayout } from './features/layout/app-layout';
import { LoginLogsPage } from './features/logs/login-logs-page';
import { OperationLogsPage } from './features/logs/operation-logs-page';
import { PeoplePage } from './features/people/people-page';
import { ResponsibilitiesPage } from './features/responsibilities/responsibilities-page';
import { RolesPage } from './features/roles/roles-page';
import { UnitDetailPage } from './features/units/unit-detail-page';
import { UnitsPage } from './features/units/units-page';
import { UsersPage } from './features/users/users-page';
import { ReceivedReportsPage } from './features/reports/received-reports-page';
import { ReportEditorPage } from './features/reports/report-editor-page';
import { ReportTemplatesPage } from './features/reports/report-templates-page';
import { ReportsPage } from './features/reports/reports-page';
import { ProofreadPage } from './features/proofread/proofread-page';
import { TermListsPage } from './features/proofread/term-lists-page';
import { LedgerPage } from './features/ledger/ledger-page';
import { ActivityDetailPage } from './features/ledger/activity-detail-page';
import { FrameworkPage } from './features/framework/framework-page';
import { CompliancePage } from './features/compliance/compliance-page';

function NotFoundPage() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除。"
      extra={
        <Link to="/dashboard">
          <Button type="primary">返回工作台</Button>
        </Link>
      }
    />
  );
}

/** Each protected page with the permission that guards it (same codes as the menu). */
const PAGES = [
  { path: 'org/units', permission: PERM.unitList, element: <UnitsPage /> },
  { path: 'org/units/:id', permission: PERM.unitList, element: <UnitDetailPage /> },
  { path: 'org/people', permission: PERM.personList, element: <PeoplePage /> },
  { path: 'org/responsibilities', permission: PERM.respList, element: <ResponsibilitiesPage /> },
  { path: 'system/users', permission: PERM.userList, element: <UsersPage /> },
  { path: 'system/roles', permission: PERM.roleList, element: <RolesPage /> },
  { path: 'monitor/login-logs', permission: PERM.loginLogList, element: <LoginLogsPage /> },
  { path: 'monitor/operation-logs', permission: PERM.operLogList, element: <OperationLogsPage /> },
  { path: 'reports', permission: 'report:list', element: <ReportsPage /> },
  { path: 'reports/received', permission: 'report:list', element: <ReceivedReportsPage /> },
  { path: 'reports/templates', permission: 'report:template', element: <ReportTemplatesPage /> },
  { path: 'reports/:id', permission: 'report:list', element: <ReportEditorPage /> },
  { path: 'proofread', permission: 'proofread:check', element: <ProofreadPage /> },
  { path: 'proofread/terms', permission: 'proofread:terms:list', element: <TermListsPage /> },
  { path: 'ledger', permission: 'ledger:record:list', element: <LedgerPage /> },
  { path: 'ledger/:id', permission: 'ledger:record:list', element: <ActivityDetailPage /> },
  { path: 'framework', permission: 'framework:list', element: <FrameworkPage /> },
  { path: 'compliance', permission: 'compliance:view', element: <CompliancePage /> },
];

export function AppRoutes() {
  return (
    <>
      <SessionWatcher />
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          path="/change-password"
          element={
            <RequireAuth allowPasswordChangePending>
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
          <Route index element={<Navigate to="/dashboard" replace />} />
          <Route path="dashboard" element={<DashboardPage />} />
          {PAGES.map((page) => (
            <Route
              key={page.path}
              path={page.path}
              element={<RequirePermission code={page.permission}>{page.element}</RequirePermission>}
            />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </>
  );
}
