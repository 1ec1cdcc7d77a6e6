import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Form, Input, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { PASSWORD_POLICY_HINT, passwordPolicyRule } from '../../lib/password-policy';
import { useApiErrorHandler } from '../../lib/use-api-error';
import { changePassword, fetchCurrentUser, logout, ME_QUERY_KEY } from './auth.api';
import { AuthShell } from './auth-shell';
import type { LoginLocationState } from './session-watcher';
import { useAuth } from './use-auth';

interface ChangePasswordValues {
  oldPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordPage() {
  const { user } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<ChangePasswordValues>();
  const [submitting, setSubmitting] = useState(false);
  const forced = user.mustChangePassword;

  const onFinish = async (values: ChangePasswordValues) => {
    setSubmitting(true);
    try {
      await changePassword({ oldPassword: values.oldPassword, newPassword: values.newPassword });
      message.success('密码修改成功');
      const fresh = await fetchCurrentUser();
      queryClient.setQueryData(ME_QUERY_KEY, fresh);
      if (!fresh) {
        const state: LoginLocationState = { notice: '密码已修改，请使用新密码登录' };
        navigate('/login', { replace: true, state });
        return;
      }
      navigate('/dashboard', { replace: true });
    } catch (error) {
      handleError(error, form);
    } finally {
      setSubmitting(false);
    }
  };

  const signOut = async () => {
    try {
      await logout();
    } finally {
      queryClient.setQueryData(ME_QUERY_KEY, null);
      navigate('/login', { replace: true });
    }
  };

  return (
    <AuthShell>
      <Typography.Title level={3} style={{ marginBottom: 4 }}>
        修改密码
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
        当前账号：{user.displayName}（{user.username}）
      </Typography.Paragraph>
      {forced ? (
        <Alert
          type="warning"
          showIcon
          message="为保障账号安全，首次登录须修改初始密码后方可使用系统。"
          style={{ marginBottom: 16 }}
          data-testid="password-change-required"
        />
      ) : null}
      <Form<ChangePasswordValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void onFinish(values)}
        data-testid="change-password-form"
      >
        <Form.Item
          name="oldPassword"
          label="原密码"
          rules={[{ required: true, message: '请输入原密码' }]}
        >
          <Input.Password autoComplete="current-password" data-testid="password-old" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          rules={[
            { required: true, message: '请输入新密码' },
            passwordPolicyRule(),
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value && value === getFieldValue('oldPassword')
                  ? Promise.reject(new Error('新密码不能与原密码相同'))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password
            autoComplete="new-password"
            placeholder={PASSWORD_POLICY_HINT}
            data-testid="password-new"
          />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Button
            type="primary"
            htmlType="submit"
            loading={submitting}
            data-testid="password-submit"
          >
            确认修改
          </Button>
          {forced ? (
            <Button type="link" onClick={() => void signOut()}>
              退出登录
            </Button>
          ) : (
            <Button onClick={() => navigate(-1)}>返回</Button>
          )}
        </Space>
      </Form>
    </AuthShell>
  );
}
