import type { ReactNode } from 'react';
import { PERM } from '../../lib/permissions';
import { DutyStatusPanel } from './duty-status-panel';
import { MissedUnitsPanel, RecentRecordsPanel } from './ledger-panels';
import { RecordsChart } from './records-chart';
import { UnitTypeChart } from './unit-type-chart';
import { UnitTypeTable } from './unit-type-table';

export interface DashboardWidget {
  key: string;
  /** Grid width out of 24 on wide screens. */
  span: number;
  /** Shown only to users holding this permission. */
  permission?: string;
  render: () => ReactNode;
}

/**
 * The dashboard's panels below the headline counts. Modules add theirs here (duty status,
 * monthly activity charts, recent records …); the page lays them out in order.
 */
export const DASHBOARD_WIDGETS: DashboardWidget[] = [
  { key: 'duties', span: 14, permission: PERM.dashboardView, render: () => <DutyStatusPanel /> },
  {
    key: 'missed-units',
    span: 10,
    permission: PERM.dashboardView,
    render: () => <MissedUnitsPanel />,
  },
  {
    key: 'records-chart',
    span: 14,
    permission: PERM.dashboardView,
    render: () => <RecordsChart />,
  },
  {
    key: 'recent-records',
    span: 10,
    permission: PERM.dashboardView,
    render: () => <RecentRecordsPanel />,
  },
  { key: 'unit-types', span: 14, permission: PERM.unitList, render: () => <UnitTypeChart /> },
  { key: 'unit-type-table', span: 10, permission: PERM.unitList, render: () => <UnitTypeTable /> },
];
