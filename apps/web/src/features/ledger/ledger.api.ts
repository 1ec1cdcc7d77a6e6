import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../../api/api-client';
import type { Id, Page } from '../../api/types';
import { postForm } from '../../api/file-transfer';
import type {
  Activity,
  ActivityInput,
  ActivityListItem,
  ActivityQuery,
  ActivityType,
  Evidence,
  HistoryEntry,
  ImportResult,
  LedgerVocabulary,
} from './ledger.types';

export const ledgerKeys = {
  all: ['ledger'] as const,
  list: (query: ActivityQuery) => [...ledgerKeys.all, 'list', query] as const,
  detail: (id: Id) => [...ledgerKeys.all, 'detail', id] as const,
  history: (id: Id) => [...ledgerKeys.all, 'history', id] as const,
  vocabulary: () => [...ledgerKeys.all, 'vocabulary'] as const,
};

/** Records feed compliance status and the dashboard: refresh those too after any write. */
async function invalidateLedger(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ledgerKeys.all }),
    queryClient.invalidateQueries({ queryKey: ['compliance'] }),
    queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
  ]);
}

export function useActivities(query: ActivityQuery, enabled = true) {
  return useQuery({
    queryKey: ledgerKeys.list(query),
    queryFn: () => api.get<Page<ActivityListItem>>('/activities', { ...query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useActivity(id: Id | undefined) {
  return useQuery({
    queryKey: ledgerKeys.detail(id ?? 0),
    queryFn: () => api.get<Activity>(`/activities/${id}`),
    enabled: id !== undefined,
  });
}

export function useActivityHistory(id: Id) {
  return useQuery({
    queryKey: ledgerKeys.history(id),
    queryFn: () => api.get<{ items: HistoryEntry[] }>(`/activities/${id}/history`),
  });
}

export function useLedgerVocabulary() {
  return useQuery({
    queryKey: ledgerKeys.vocabulary(),
    queryFn: () => api.get<LedgerVocabulary>('/ledger/vocabulary'),
    staleTime: Infinity,
  });
}

export function useSaveActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, input }: { id?: Id; version?: number; input: ActivityInput }) =>
      id === undefined
        ? api.post<Activity>('/activities', input)
        : api.patch<Activity>(`/activities/${id}`, { ...input, version }),
    onSuccess: () => invalidateLedger(queryClient),
  });
}

export function useDeleteActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: Id; version?: number }) =>
      api.delete(`/activities/${id}${version ? `?version=${version}` : ''}`),
    onSuccess: () => invalidateLedger(queryClient),
  });
}

export function useRestoreActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: Id) => api.post<Activity>(`/activities/${id}/restore`),
    onSuccess: () => invalidateLedger(queryClient),
  });
}

export function useUploadEvidence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ activityId, file }: { activityId: Id; file: File }) =>
      postForm<Evidence>(apiUrl(`/activities/${activityId}/evidence`), file),
    onSuccess: () => invalidateLedger(queryClient),
  });
}

export function useDeleteEvidence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: Id) => api.delete(`/evidence/${id}`),
    onSuccess: () => invalidateLedger(queryClient),
  });
}

export function useImportExcel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, type }: { file: File; type?: ActivityType }) =>
      postForm<ImportResult>(apiUrl('/activities/import/excel', { type }), file),
    onSuccess: () => invalidateLedger(queryClient),
  });
}

/** Where an evidence file is served (as an attachment; images also work as <img> sources). */
export function evidenceUrl(id: Id): string {
  return `/api/evidence/${id}`;
}
