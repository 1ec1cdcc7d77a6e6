import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import type { QueryParams } from '../../api/api-client';
import type { LoginLog, OperationLog, Page } from '../../api/types';

export function useLoginLogs(query: QueryParams) {
  return useQuery({
    queryKey: ['logs', 'login', query],
    queryFn: () => api.get<Page<LoginLog>>('/logs/login', query),
    placeholderData: keepPreviousData,
  });
}

export function useOperationLogs(query: QueryParams) {
  return useQuery({
    queryKey: ['logs', 'operations', query],
    queryFn: () => api.get<Page<OperationLog>>('/logs/operations', query),
    placeholderData: keepPreviousData,
  });
}
