import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import type { Id, Page } from '../../api/types';
import type {
  DiffLine,
  FigureRecords,
  ProofreadResult,
  ReceivedReports,
  Report,
  ReportDraft,
  ReportStatus,
  ReportSummary,
  ReportTemplate,
  TemplatePreview,
  VersionSummary,
} from './reports.types';

export interface ReportListQuery {
  page?: number;
  pageSize?: number;
  kind?: string;
  status?: ReportStatus;
  period?: string;
  unitId?: Id;
}

export interface CreateReportInput {
  unitId: Id;
  kind: string;
  period?: string;
  from?: string;
  to?: string;
  topicArea?: string;
  problems?: string[];
  plans?: string[];
}

export const reportKeys = {
  all: ['reports'] as const,
  list: (q: ReportListQuery) => [...reportKeys.all, 'list', q] as const,
  detail: (id: Id) => [...reportKeys.all, 'detail', id] as const,
  versions: (id: Id) => [...reportKeys.all, 'versions', id] as const,
  received: (period: string) => [...reportKeys.all, 'received', period] as const,
  templates: () => [...reportKeys.all, 'templates'] as const,
};

export function useReportList(query: ReportListQuery) {
  return useQuery({
    queryKey: reportKeys.list(query),
    queryFn: () => api.get<Page<ReportSummary>>('/reports', { ...query }),
    placeholderData: keepPreviousData,
  });
}

export function useReport(id: Id) {
  return useQuery({
    queryKey: reportKeys.detail(id),
    queryFn: () => api.get<Report>(`/reports/${id}`),
  });
}

export function useCreateReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateReportInput) => api.post<Report>('/reports', input),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

export function useSaveReport(id: Id) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      version,
      draft,
      note,
    }: {
      version: number;
      draft: ReportDraft;
      note?: string;
    }) => api.patch<Report>(`/reports/${id}`, { version, ...draft, note }),
    onSuccess: (report) => {
      queryClient.setQueryData(reportKeys.detail(id), report);
      void queryClient.invalidateQueries({ queryKey: reportKeys.versions(id) });
      void queryClient.invalidateQueries({ queryKey: [...reportKeys.all, 'list'] });
    },
  });
}

export function proofreadDraft(id: Id, draft: ReportDraft | undefined): Promise<ProofreadResult> {
  return api.post<ProofreadResult>(`/reports/${id}/proofread`, draft ?? {});
}

export function useReportTransition(id: Id) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      version: number;
      action: 'review' | 'return' | 'reopen' | 'submit';
      reason?: string;
    }) =>
      input.action === 'submit'
        ? api.post<Report>(`/reports/${id}/submit`, { version: input.version })
        : api.post<Report>(`/reports/${id}/status`, input),
    onSuccess: (report) => {
      queryClient.setQueryData(reportKeys.detail(id), report);
      void queryClient.invalidateQueries({ queryKey: reportKeys.all });
    },
  });
}

export function useDeleteReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: Id) => api.delete(`/reports/${id}`),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

export function useVersions(id: Id, enabled: boolean) {
  return useQuery({
    queryKey: reportKeys.versions(id),
    queryFn: () => api.get<VersionSummary[]>(`/reports/${id}/versions`),
    enabled,
  });
}

export function useDiff(id: Id, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: [...reportKeys.versions(id), 'diff', from, to],
    queryFn: () => api.get<{ lines: DiffLine[] }>(`/reports/${id}/diff`, { from, to }),
    enabled: from !== undefined && to !== undefined && from !== to,
  });
}

export function usePreview(id: Id, version: number) {
  return useQuery({
    queryKey: [...reportKeys.detail(id), 'preview', version],
    queryFn: () => api.get<{ html: string }>(`/reports/${id}/preview`),
  });
}

export function useFigureRecords(id: Id, key: string | null, page: number) {
  return useQuery({
    queryKey: [...reportKeys.detail(id), 'figure', key, page],
    queryFn: () =>
      api.get<FigureRecords>(`/reports/${id}/figures/${encodeURIComponent(key ?? '')}/records`, {
        page,
        pageSize: 20,
      }),
    enabled: key !== null,
  });
}

export function useReceived(period: string, unitId?: Id) {
  return useQuery({
    queryKey: [...reportKeys.received(period), unitId],
    queryFn: () => api.get<ReceivedReports>('/reports/received', { period, unitId }),
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: reportKeys.templates(),
    queryFn: () => api.get<ReportTemplate[]>('/report-templates'),
  });
}

export function useSaveTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, body, version }: { kind: string; body: string; version: number | null }) =>
      api.put<ReportTemplate>(`/report-templates/${kind}`, { body, version }),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: reportKeys.templates() }),
  });
}

export function useResetTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (kind: string) => api.delete<ReportTemplate>(`/report-templates/${kind}`),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: reportKeys.templates() }),
  });
}

export function previewTemplate(input: {
  kind: string;
  body: string;
  unitId?: Id;
  period?: string;
}): Promise<TemplatePreview> {
  return api.post<TemplatePreview>('/report-templates/preview', input);
}

export function exportUrl(id: Id, format: 'docx' | 'html' | 'md' | 'json'): string {
  return `/api/reports/${id}/export?format=${format}`;
}
