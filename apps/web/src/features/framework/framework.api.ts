import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import type { Id } from '../../api/types';
import type {
  Framework,
  FrameworkArea,
  FrameworkSummary,
  Requirement,
  RequirementInput,
} from './framework.types';

export const frameworkKeys = {
  all: ['frameworks'] as const,
  list: () => [...frameworkKeys.all, 'list'] as const,
  year: (year: number) => [...frameworkKeys.all, 'year', year] as const,
};

/** Framework edits change what compliance counts: refresh status and the dashboard too. */
async function invalidate(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: frameworkKeys.all }),
    queryClient.invalidateQueries({ queryKey: ['compliance'] }),
    queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
  ]);
}

export function useFrameworks() {
  return useQuery({
    queryKey: frameworkKeys.list(),
    queryFn: () => api.get<FrameworkSummary[]>('/frameworks'),
  });
}

/** The framework of a year (the server creates it from the previous year or the default). */
export function useFrameworkOfYear(year: number) {
  return useQuery({
    queryKey: frameworkKeys.year(year),
    queryFn: () => api.get<Framework>(`/frameworks/year/${year}`),
  });
}

export function useCreateFramework() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { year: number; name?: string; copyFromId?: Id }) =>
      api.post<Framework>('/frameworks', input),
    onSuccess: () => invalidate(queryClient),
  });
}

export function useRenameFramework() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, name }: { id: Id; version: number; name: string }) =>
      api.patch<Framework>(`/frameworks/${id}`, { version, name }),
    onSuccess: () => invalidate(queryClient),
  });
}

export function useSaveArea() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      frameworkId,
      area,
      input,
    }: {
      frameworkId: Id;
      area?: FrameworkArea;
      input: { name: string; sortOrder?: number };
    }) =>
      area
        ? api.patch<FrameworkArea>(`/frameworks/areas/${area.id}`, {
            ...input,
            version: area.version,
          })
        : api.post<FrameworkArea>(`/frameworks/${frameworkId}/areas`, input),
    onSuccess: () => invalidate(queryClient),
  });
}

export function useDeleteArea() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: Id) => api.delete(`/frameworks/areas/${id}`),
    onSuccess: () => invalidate(queryClient),
  });
}

export function useSaveRequirement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      frameworkId,
      requirement,
      input,
    }: {
      frameworkId: Id;
      requirement?: Requirement;
      input: RequirementInput;
    }) => {
      if (!requirement)
        return api.post<Requirement>(`/frameworks/${frameworkId}/requirements`, input);
      // The code is the requirement's stable identity; it is not editable.
      const { code: _code, ...rest } = input;
      return api.patch<Requirement>(`/frameworks/requirements/${requirement.id}`, {
        ...rest,
        version: requirement.version,
      });
    },
    onSuccess: () => invalidate(queryClient),
  });
}

export function useDeleteRequirement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: Id) => api.delete(`/frameworks/requirements/${id}`),
    onSuccess: () => invalidate(queryClient),
  });
}
