import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import type { Id } from '../../api/types';
import type { StatusCounts, TodoItem } from '../compliance/compliance.types';
import { dashboardKeys } from './dashboard.api';

/** `GET /api/dashboard/overview` (apps/server/src/modules/dashboard/dashboard.schema.ts). */
export interface DashboardOverview {
  asOf: string;
  year: number;
  quarter: { key: string; start: string; end: string };
  compliance: {
    current: StatusCounts;
    yearToDate: StatusCounts;
    dueSoon: TodoItem[];
    missed: TodoItem[];
    topMissedUnits: { unitId: Id; unitName: string; missed: number }[];
  };
  records: {
    total: number;
    byType: { type: string; count: number }[];
    byMonth: { month: string; type: string; count: number }[];
    recent: {
      id: Id;
      unitId: Id;
      unitName: string;
      type: string;
      subtype: string;
      date: string;
      title: string;
    }[];
  };
}

/** One request feeds every ledger and compliance panel of the dashboard. */
export function useDashboardOverview() {
  return useQuery({
    queryKey: [...dashboardKeys.all, 'overview'] as const,
    queryFn: () => api.get<DashboardOverview>('/dashboard/overview'),
  });
}
