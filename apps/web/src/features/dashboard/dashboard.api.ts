import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import type { DashboardSummary } from '../../api/types';

export const dashboardKeys = {
  all: ['dashboard'] as const,
  summary: () => [...dashboardKeys.all, 'summary'] as const,
};

export function useDashboardSummary(enabled = true) {
  return useQuery({
    queryKey: dashboardKeys.summary(),
    queryFn: () => api.get<DashboardSummary>('/dashboard/summary'),
    enabled,
  });
}
