import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { onSessionError } from '../../api/api-client';
import type { CurrentUser } from '../../api/types';
import { ME_QUERY_KEY } from './auth.api';

export const SESSION_EXPIRED_NOTICE = '会话已超时，请重新登录';

export interface LoginLocationState {
  notice?: string;
  from?: string;
}

/** Reacts to session errors from any request: back to login, or to the forced password change. */
export function SessionWatcher() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const locationRef = useRef(location);
  locationRef.current = location;

  useEffect(() => {
    onSessionError((error) => {
      if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
        queryClient.setQueryData<CurrentUser | null>(ME_QUERY_KEY, (user) =>
          user ? { ...user, mustChangePassword: true } : user,
        );
        navigate('/change-password', { replace: true });
        return;
      }
      const current = locationRef.current;
      if (current.pathname === '/login') return;
      queryClient.setQueryData(ME_QUERY_KEY, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      const state: LoginLocationState = {
        notice: error.code === 'SESSION_EXPIRED' ? SESSION_EXPIRED_NOTICE : undefined,
        from: `${current.pathname}${current.search}`,
      };
      navigate('/login', { replace: true, state });
    });
    return () => onSessionError(null);
  }, [navigate, queryClient]);

  return null;
}
