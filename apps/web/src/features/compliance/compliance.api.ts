import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import type { Id } from '../../api/types';
import type {
  ComplianceItem,
  ComplianceQuery,
  ComplianceReport,
  TodoResponse,
} from './compliance.types';

export const complianceKeys = {
  all: ['compliance'] as const,
  status: (query: ComplianceQuery) => [...complianceKeys.all, 'status', query] as const,
  todo: () => [...complianceKeys.all, 'todo'] as const,
  records: (unitId: Id, requirementId: Id, period: string) =>
    [...complianceKeys.all, 'records', unitId, requirementId, period] as const,
};

export function useCompliance(query: ComplianceQuery) {
  return useQuery({
    queryKey: complianceKeys.status(query),
    queryFn: () => api.get<ComplianceReport>('/compliance', { ...query }),
    placeholderData: keepPreviousData,
  });
}

export function useTodo(enabled = true) {
  return useQuery({
    queryKey: complianceKeys.todo(),
    queryFn: () => api.get<TodoResponse>('/compliance/todo', { limit: 200 }),
    enabled,
  });
}

/**
 * The ids of the records a cell counts. A subtree's report lists none (it would be megabytes);
 * they are fetched for the clicked cell. A single unit's report already has them.
 */
export function useCellRecordIds(unitId: Id | undefined, item: ComplianceItem | undefined) {
  const fetchNeeded =
    unitId !== undefined && item !== undefined && item.count > 0 && item.recordIds.length === 0;
  const query = useQuery({
    queryKey: complianceKeys.records(unitId ?? 0, item?.requirementId ?? 0, item?.period ?? ''),
    queryFn: () =>
      api.get<ComplianceItem>('/compliance/records', {
        unitId,
        requirementId: item?.requirementId,
        period: item?.period,
      }),
    enabled: fetchNeeded,
  });
  return {
    ids: fetchNeeded ? (query.data?.recordIds ?? []) : (item?.recordIds ?? []),
    pending: fetchNeeded && query.isPending,
  };
}
