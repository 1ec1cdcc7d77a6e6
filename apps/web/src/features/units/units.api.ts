import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import type { Id, Page, Unit, UnitInput, UnitNode, UnitType } from '../../api/types';

export interface UnitListQuery {
  page?: number;
  pageSize?: number;
  sort?: string;
  keyword?: string;
  type?: UnitType;
  parentId?: Id;
}

export const unitKeys = {
  all: ['units'] as const,
  tree: () => [...unitKeys.all, 'tree'] as const,
  list: (query: UnitListQuery) => [...unitKeys.all, 'list', query] as const,
  detail: (id: Id) => [...unitKeys.all, 'detail', id] as const,
};

/** The units the user can see, as a forest. Also the source of every unit picker. */
export function useUnitTree(enabled = true) {
  return useQuery({
    queryKey: unitKeys.tree(),
    queryFn: () => api.get<UnitNode[]>('/units/tree'),
    enabled,
  });
}

export function useUnitList(query: UnitListQuery, enabled = true) {
  return useQuery({
    queryKey: unitKeys.list(query),
    queryFn: () => api.get<Page<Unit>>('/units', { ...query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useUnit(id: Id | undefined) {
  return useQuery({
    queryKey: unitKeys.detail(id ?? 0),
    queryFn: () => api.get<Unit>(`/units/${id}`),
    enabled: id !== undefined,
  });
}

export function useSaveUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, input }: { id?: Id; version?: number; input: UnitInput }) =>
      id === undefined
        ? api.post<Unit>('/units', input)
        : api.patch<Unit>(`/units/${id}`, { ...input, version }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: unitKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}

export function useDeleteUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: Id) => api.delete(`/units/${id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: unitKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}
