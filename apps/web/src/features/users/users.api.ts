import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import type { Id, Page, User, UserCreateInput, UserStatus } from '../../api/types';

export interface UserListQuery {
  page?: number;
  pageSize?: number;
  sort?: string;
  keyword?: string;
  unitId?: Id;
  status?: UserStatus;
}

export interface UserUpdateInput {
  displayName?: string;
  unitId?: Id;
  roleIds?: Id[];
  status?: UserStatus;
}

export const userKeys = {
  all: ['users'] as const,
  list: (query: UserListQuery) => [...userKeys.all, 'list', query] as const,
};

export function useUsers(query: UserListQuery) {
  return useQuery({
    queryKey: userKeys.list(query),
    queryFn: () => api.get<Page<User>>('/users', { ...query }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: userKeys.all });
    await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
  };
}

export function useCreateUser() {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: UserCreateInput) => api.post<User>('/users', input),
    onSuccess,
  });
}

export function useUpdateUser() {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, version, input }: { id: Id; version: number; input: UserUpdateInput }) =>
      api.patch<User>(`/users/${id}`, { ...input, version }),
    onSuccess,
  });
}

export function useDeleteUser() {
  const onSuccess = useInvalidateUsers();
  return useMutation({ mutationFn: (id: Id) => api.delete(`/users/${id}`), onSuccess });
}

export function useResetPassword() {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, password }: { id: Id; password: string }) =>
      api.post<void>(`/users/${id}/reset-password`, { password }),
    onSuccess,
  });
}
