import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import type { Id } from '../../api/types';
import type {
  ComplianceItem,
  ComplianceQuery,
  ComplianceReport,
  ComplianceSubtreeReport,
  TodoResponse,
} from './compliance.types';

export const complianceKeys = {
  all: ['compliance'] as const,
  status: (query: ComplianceQuery) => [...complianceKeys.all, 'status', query] as const,
  todo: () => [...complianceKeys.all, 'todo'] as const,
  records: (unitId: Id, requirementId: Id, period: string) =>
    [...complianceKeys.all, 'records', unitId, requirementId, period] as const,
};

/**
 * A subtree's compact report as the per-unit items the views show. Untracked duties are
 * counted per unit, not listed: they say nothing unit-specific in a roll-up.
 */
export function decodeSubtree(report: ComplianceSubtreeReport): ComplianceReport {
  const { statusCodes, columns, units, ...rest } = report;
  return {
    ...rest,
    units: units.map(({ status, count, ...unit }) => {
      const items: ComplianceItem[] = [];
      columns.forEach((column, k) => {
        const decoded = statusCodes[status[k] ?? -1];
        if (!decoded || decoded === 'not_tracked') return;
        items.push({
          requirementId: column.requirementId,
          period: column.period,
          periodStart: column.periodStart,
          periodEnd: column.periodEnd,
          deadline: column.deadline,
          status: decoded,
          count: count[k] ?? 0,
          required: column.required,
          recordIds: [],
        });
      });
      return { ...unit, items };
    }),
  };
}

export function useCompliance(query: ComplianceQuery) {
  return useQuery({
    queryKey: complianceKeys.status(query),
    queryFn: async (): Promise<ComplianceReport> => {
      const report = await api.get<ComplianceReport | ComplianceSubtreeReport>('/compliance', {
        ...query,
      });
      return 'columns' in report ? decodeSubtree(report) : report;
    },
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
