import type { ReactElement } from 'react';
import type { RouteObject } from 'react-router';
import { ErrorPage } from './error-page';
import { AddendumPage } from './features/addendum/addendum-page';
import { AuditPage } from './features/audit/audit-page';
import { CaseloadPage } from './features/caseload/caseload-page';
import { ChildPage } from './features/caseload/child-page';
import { ConflictPage } from './features/conflicts/conflict-page';
import { ConflictsPage } from './features/conflicts/conflicts-page';
import { DashboardPage } from './features/dashboard/dashboard-page';
import { DraftsPage } from './features/drafts/drafts-page';
import { DirectWorkPage } from './features/direct-work/direct-work-page';
import { ObservationPage } from './features/observation/observation-page';
import { SettingsPage } from './features/settings/settings-page';
import { ReviewPage } from './features/sign-off/review-page';
import { SignOffPage } from './features/sign-off/sign-off-page';
import { ReviewedRecordRoute } from './features/sign-off/signed-off-record';
import { SignInPage } from './features/sign-in/sign-in-page';
import { SyncPage } from './features/sync-status/sync-page';
import { NewVisitPage } from './features/visit/new-visit-page';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';

const reviewed = (form: ReactElement) => <ReviewedRecordRoute>{form}</ReviewedRecordRoute>;

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      {
        errorElement: <ErrorPage />,
        children: [
          { index: true, element: <CaseloadPage /> },
          { path: 'children/:childId', element: <ChildPage /> },
          // Each form's /new and /:recordId share one element tree, so the form stays mounted
          // when a new record gets its address; a signed-off record shows read only.
          { path: 'visits/new', element: reviewed(<NewVisitPage />) },
          { path: 'visits/:recordId', element: reviewed(<NewVisitPage />) },
          { path: 'direct-work/new', element: reviewed(<DirectWorkPage />) },
          { path: 'direct-work/:recordId', element: reviewed(<DirectWorkPage />) },
          { path: 'observations/new', element: reviewed(<ObservationPage />) },
          { path: 'observations/:recordId', element: reviewed(<ObservationPage />) },
          { path: 'addenda/new/:parentId', element: reviewed(<AddendumPage />) },
          { path: 'addenda/:recordId', element: reviewed(<AddendumPage />) },
          { path: 'sign-off', element: <SignOffPage /> },
          { path: 'sign-off/:recordId', element: <ReviewPage /> },
          { path: 'settings', element: <SettingsPage /> },
          { path: 'drafts', element: <DraftsPage /> },
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'sync', element: <SyncPage /> },
          { path: 'conflicts', element: <ConflictsPage /> },
          { path: 'conflicts/:recordId', element: <ConflictPage /> },
          { path: 'dashboard', element: <DashboardPage /> },
          { path: 'audit', element: <AuditPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
