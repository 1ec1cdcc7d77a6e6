import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import type { Id, Responsibility, ResponsibilityInput } from '../../api/types';

export const responsibilityKeys = {
  all: ['responsibilities'] as const,
  list: (unitId: Id, year: number) => [...responsibilityKeys.all, unitId, year] as const,
};

export function useResponsibilities(unitId: Id | undefined, year: number) {
  return useQuery({
    queryKey: responsibilityKeys.list(unitId ?? 0, year),
    queryFn: () => api.get<{ items: Responsibility[] }>('/responsibilities', { unitId, year }),
    enabled: unitId !== undefined,
  });
}

type SaveInput =
  | { id?: undefined; input: ResponsibilityInput }
  | { id: Id; version: number; input: Pick<ResponsibilityInput, 'role' | 'areas'> };

export function useSaveResponsibility() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (save: SaveInput) =>
      save.id === undefined
        ? api.post<Responsibility>('/responsibilities', save.input)
        : api.patch<Responsibility>(`/responsibilities/${save.id}`, {
            ...save.input,
            version: save.version,
          }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: responsibilityKeys.all }),
  });
}

export function useDeleteResponsibility() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: Id) => api.delete(`/responsibilities/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: responsibilityKeys.all }),
  });
}
