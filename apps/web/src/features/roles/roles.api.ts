import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import type { Id, Page, PermissionItem, Role, RoleInput } from '../../api/types';

export const roleKeys = {
  all: ['roles'] as const,
  list: () => [...roleKeys.all, 'list'] as const,
  permissions: () => ['permissions'] as const,
};

/** The role list; accepts both a bare array and a paged body. */
export function useRoles(enabled = true) {
  return useQuery({
    queryKey: roleKeys.list(),
    queryFn: async () => {
      const body = await api.get<Role[] | Page<Role>>('/roles', { pageSize: 100 });
      return Array.isArray(body) ? body : body.items;
    },
    enabled,
  });
}

export function usePermissionCatalog() {
  return useQuery({
    queryKey: roleKeys.permissions(),
    queryFn: async () => (await api.get<{ items: PermissionItem[] }>('/permissions')).items,
    staleTime: Infinity,
  });
}

export function useSaveRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      version,
      input,
    }: {
      id?: Id;
      version?: number;
      input: RoleInput | Omit<RoleInput, 'code'>;
    }) =>
      id === undefined
        ? api.post<Role>('/roles', input)
        : api.patch<Role>(`/roles/${id}`, { ...input, version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roleKeys.all }),
  });
}

export function useDeleteRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: Id) => api.delete(`/roles/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roleKeys.all }),
  });
}
