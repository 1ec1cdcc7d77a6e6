import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import type { Page } from '../../api/types';
import { downloadFile, postForm } from '../../api/file-transfer';
import type {
  CheckFileResult,
  CheckOptions,
  CheckResult,
  Finding,
  TermEntry,
  TermList,
  TermListVersion,
} from './proofread.types';

export const proofreadKeys = {
  lists: ['proofread', 'term-lists'] as const,
  versions: (id: number) => ['proofread', 'term-lists', id, 'versions'] as const,
  entries: (id: number, versionId: number | undefined, page: number, keyword: string) =>
    ['proofread', 'term-lists', id, 'entries', versionId ?? 'current', page, keyword] as const,
};

export function checkText(text: string, options: CheckOptions): Promise<CheckResult> {
  return api.post<CheckResult>('/proofread/check', { text, ...options });
}

export function checkFile(file: File, options: CheckOptions): Promise<CheckFileResult> {
  return postForm<CheckFileResult>('/api/proofread/check-file', file, {
    date: options.date,
    kind: options.kind,
    termListIds: options.termListIds?.join(','),
  });
}

export function exportFindings(input: {
  title?: string;
  date?: string | null;
  findings: Finding[];
}): Promise<void> {
  return downloadFile('/api/proofread/export', '校对结果.xlsx', input);
}

/** The text laid out as an official document (.docx); the server reads title, headings, date. */
export function exportOfficialDocx(input: { text: string; title?: string }): Promise<void> {
  return downloadFile('/api/proofread/export-docx', `${input.title || '公文'}.docx`, input);
}

export function useTermLists(enabled = true) {
  return useQuery({
    queryKey: proofreadKeys.lists,
    queryFn: async () => (await api.get<{ items: TermList[] }>('/proofread/term-lists')).items,
    enabled,
  });
}

export function useTermListVersions(id: number | null) {
  return useQuery({
    queryKey: proofreadKeys.versions(id ?? 0),
    queryFn: async () =>
      (await api.get<{ items: TermListVersion[] }>(`/proofread/term-lists/${id}/versions`)).items,
    enabled: id !== null,
  });
}

export function useTermEntries(
  id: number | null,
  versionId: number | undefined,
  page: number,
  keyword: string,
) {
  return useQuery({
    queryKey: proofreadKeys.entries(id ?? 0, versionId, page, keyword),
    queryFn: () =>
      api.get<Page<TermEntry>>(`/proofread/term-lists/${id}/entries`, {
        versionId,
        page,
        pageSize: 20,
        keyword,
      }),
    enabled: id !== null,
    placeholderData: keepPreviousData,
  });
}

function useInvalidateLists() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['proofread'] });
}

export function useSaveTermList() {
  const invalidate = useInvalidateLists();
  return useMutation({
    mutationFn: (input: {
      id?: number;
      version?: number;
      name: string;
      remark?: string;
      unitId?: number;
    }) =>
      input.id === undefined
        ? api.post<TermList>('/proofread/term-lists', {
            name: input.name,
            remark: input.remark,
            unitId: input.unitId,
          })
        : api.patch<TermList>(`/proofread/term-lists/${input.id}`, {
            name: input.name,
            remark: input.remark,
            version: input.version,
          }),
    onSuccess: invalidate,
  });
}

export function useDeleteTermList() {
  const invalidate = useInvalidateLists();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/proofread/term-lists/${id}`),
    onSuccess: invalidate,
  });
}

export function useUploadTermList() {
  const invalidate = useInvalidateLists();
  return useMutation({
    mutationFn: ({ id, file }: { id: number; file: File }) =>
      postForm<TermListVersion>(`/api/proofread/term-lists/${id}/versions`, file),
    onSuccess: invalidate,
  });
}

export function useRollbackTermList() {
  const invalidate = useInvalidateLists();
  return useMutation({
    mutationFn: ({ id, versionId }: { id: number; versionId: number }) =>
      api.post<TermListVersion>(`/proofread/term-lists/${id}/versions/${versionId}/rollback`),
    onSuccess: invalidate,
  });
}

export function downloadTermList(list: TermList, versionId?: number): Promise<void> {
  const query = versionId ? `?versionId=${versionId}` : '';
  return downloadFile(`/api/proofread/term-lists/${list.id}/export${query}`, `${list.name}.xlsx`);
}

export function downloadTemplate(format: 'xlsx' | 'tsv'): Promise<void> {
  return downloadFile(`/api/proofread/term-template?format=${format}`, `词表模板.${format}`);
}
