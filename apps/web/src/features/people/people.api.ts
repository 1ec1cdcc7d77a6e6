import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import type { Id, Page, Person, PersonInput } from '../../api/types';
import { unitKeys } from '../units/units.api';

export interface PeopleQuery {
  page?: number;
  pageSize?: number;
  sort?: string;
  keyword?: string;
  unitId?: Id;
  includeSubunits?: boolean;
}

export const peopleKeys = {
  all: ['people'] as const,
  list: (query: PeopleQuery) => [...peopleKeys.all, 'list', query] as const,
};

export function usePeople(query: PeopleQuery, enabled = true) {
  return useQuery({
    queryKey: peopleKeys.list(query),
    queryFn: () => api.get<Page<Person>>('/people', { ...query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSavePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, input }: { id?: Id; version?: number; input: PersonInput }) =>
      id === undefined
        ? api.post<Person>('/people', input)
        : api.patch<Person>(`/people/${id}`, { ...input, version }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: peopleKeys.all });
      // People counts shown on units and the dashboard change too.
      await queryClient.invalidateQueries({ queryKey: unitKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}

export function useDeletePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: Id) => api.delete(`/people/${id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: peopleKeys.all });
      await queryClient.invalidateQueries({ queryKey: unitKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}
