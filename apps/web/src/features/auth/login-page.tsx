import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/api-client';
import { login, ME_QUERY_KEY, useCurrentUserQuery } from './auth.api';
import type { LoginInput } from './auth.api';
import type { LoginLocationState } from './session-watcher';
import { AuthShell } from './auth-shell';

interface LoginFailure {
  type: 'error' | 'warning';
  message: string;
}

function describeFailure(error: unknown): LoginFailure {
  if (!isApiError(error)) return { type: 'error', message: '登录失败，请稍后再试' };
  switch (error.code) {
    case 'ACCOUNT_LOCKED':
    case 'RATE_LIMITED':
      return { type: 'warning', message: error.message };
    default:
      return { type: 'error', message: error.message };
  }
}

export function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const state = (location.state ?? {}) as LoginLocationState;
  const { data: currentUser } = useCurrentUserQuery();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<LoginFailure | null>(null);

  if (currentUser && !submitting) {
    return <Navigate to={currentUser.mustChangePassword ? '/change-password' : '/'} replace />;
  }

  const onFinish = async (values: LoginInput) => {
    setSubmitting(true);
    setFailure(null);
    try {
      const { user } = await login({ username: values.username.trim(), password: values.password });
      queryClient.setQueryData(ME_QUERY_KEY, user);
      const target = user.mustChangePassword
        ? '/change-password'
        : state.from && state.from !== '/login'
          ? state.from
          : '/dashboard';
      // Stay in the submitting state: resetting it would render the "already signed in"
      // redirect below before the (transition-scheduled) navigation to the target lands.
      navigate(target, { replace: true });
    } catch (error) {
      setFailure(describeFailure(error));
      setSubmitting(false);
    }
  };

  return (
    <AuthShell>
      <Typography.Title level={3} style={{ marginBottom: 4 }}>
        账号登录
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
        请使用单位分配的账号登录
      </Typography.Paragraph>
      {state.notice && !failure ? (
        <Alert
          type="info"
          showIcon
          message={state.notice}
          style={{ marginBottom: 16 }}
          data-testid="login-notice"
        />
      ) : null}
      {failure ? (
        <Alert
          type={failure.type}
          showIcon
          message={failure.message}
          style={{ marginBottom: 16 }}
          data-testid="login-error"
        />
      ) : null}
      <Form<LoginInput>
        layout="vertical"
        size="large"
        onFinish={(values) => void onFinish(values)}
        requiredMark={false}
        data-testid="login-form"
      >
        <Form.Item
          name="username"
          label="用户名"
          rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
        >
          <Input
            prefix={<UserOutlined />}
            placeholder="请输入用户名"
            autoComplete="username"
            autoFocus
            data-testid="login-username"
          />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password
            prefix={<LockOutlined />}
            placeholder="请输入密码"
            autoComplete="current-password"
            data-testid="login-password"
          />
        </Form.Item>
        <Form.Item style={{ marginBottom: 8 }}>
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={submitting}
            data-testid="login-submit"
          >
            登 录
          </Button>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
        连续输错密码 5 次，账号将被锁定 15 分钟。忘记密码请联系本单位系统管理员重置。
      </Typography.Paragraph>
    </AuthShell>
  );
}
