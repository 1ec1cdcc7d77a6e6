import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Button, Result, Spin } from 'antd';
import { isApiError } from '../../api/api-client';
import { sessionExpiredOnLoad, useCurrentUserQuery } from './auth.api';
import { SESSION_EXPIRED_NOTICE } from './session-watcher';
import type { LoginLocationState } from './session-watcher';
import { useAuth } from './use-auth';

export function FullPageSpin() {
  return (
    <div className="tz-full-center">
      <Spin size="large" tip="正在加载…">
        <div style={{ width: 120, height: 80 }} />
      </Spin>
    </div>
  );
}

interface RequireAuthProps {
  children: ReactNode;
  /** The change-password page itself must stay reachable while a change is required. */
  allowPasswordChangePending?: boolean;
}

/** Renders children only with a valid session; otherwise redirects to the login page. */
export function RequireAuth({ children, allowPasswordChangePending = false }: RequireAuthProps) {
  const location = useLocation();
  const { data: user, isPending, error, refetch } = useCurrentUserQuery();

  if (isPending) return <FullPageSpin />;
  if (error) {
    return (
      <div className="tz-full-center">
        <Result
          status="error"
          title="无法连接服务器"
          subTitle={isApiError(error) ? error.message : '请检查网络后重试'}
          extra={
            <Button type="primary" onClick={() => void refetch()}>
              重试
            </Button>
          }
        />
      </div>
    );
  }
  if (!user) {
    const state: LoginLocationState = {
      from: `${location.pathname}${location.search}`,
      notice: sessionExpiredOnLoad() ? SESSION_EXPIRED_NOTICE : undefined,
    };
    return <Navigate to="/login" replace state={state} />;
  }
  if (user.mustChangePassword && !allowPasswordChangePending) {
    return <Navigate to="/change-password" replace />;
  }
  return <>{children}</>;
}

/** Shows a 403 page instead of the content when the user lacks the permission. */
export function RequirePermission({ code, children }: { code: string; children: ReactNode }) {
  const { can } = useAuth();
  if (!can(code)) {
    return (
      <Result
        status="403"
        title="无访问权限"
        subTitle="您没有访问此页面的权限，如需开通请联系系统管理员。"
      />
    );
  }
  return <>{children}</>;
}
