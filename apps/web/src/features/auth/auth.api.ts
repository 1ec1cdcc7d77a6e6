import { useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../../api/api-client';
import type { CurrentUser } from '../../api/types';

export const ME_QUERY_KEY = ['auth', 'me'] as const;

let expiredOnLoad = false;

/** Whether the session found on page load had timed out (for the login page's notice). */
export function sessionExpiredOnLoad(): boolean {
  return expiredOnLoad;
}

export async function fetchCurrentUser(): Promise<CurrentUser | null> {
  try {
    return await api.get<CurrentUser>('/auth/me', undefined, { silentSessionErrors: true });
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      expiredOnLoad = error.code === 'SESSION_EXPIRED';
      return null;
    }
    throw error;
  }
}

/** The signed-in user, or null when there is no valid session. */
export function useCurrentUserQuery() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchCurrentUser, staleTime: Infinity });
}

export interface LoginInput {
  username: string;
  password: string;
}

export async function login(input: LoginInput): Promise<{ user: CurrentUser }> {
  const result = await api.post<{ user: CurrentUser }>('/auth/login', input, {
    silentSessionErrors: true,
  });
  expiredOnLoad = false;
  return result;
}

export function logout(): Promise<void> {
  return api.post<void>('/auth/logout', {}, { silentSessionErrors: true });
}

export function changePassword(input: { oldPassword: string; newPassword: string }) {
  return api.post<void>('/auth/password', input);
}
