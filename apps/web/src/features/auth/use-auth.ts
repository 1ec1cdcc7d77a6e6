import { useCallback } from 'react';
import type { CurrentUser } from '../../api/types';
import { hasPermission } from '../../lib/permissions';
import { useCurrentUserQuery } from './auth.api';

/**
 * The signed-in user inside the protected part of the app (RequireAuth guarantees one) and
 * a permission check for hiding menu entries and buttons.
 */
export function useAuth(): { user: CurrentUser; can: (code: string) => boolean } {
  const { data: user } = useCurrentUserQuery();
  const permissions = user?.permissions;
  const can = useCallback(
    (code: string) => (permissions ? hasPermission(permissions, code) : false),
    [permissions],
  );
  if (!user) throw new Error('useAuth must be used below RequireAuth');
  return { user, can };
}
