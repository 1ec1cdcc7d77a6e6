import { Alert, Form, Input } from 'antd';
import { FormModal } from '../../components/form-modal';
import type { User } from '../../api/types';
import { PASSWORD_POLICY_HINT, passwordPolicyRule } from '../../lib/password-policy';
import { useResetPassword } from './users.api';

interface ResetValues {
  password: string;
  confirmPassword: string;
}

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const reset = useResetPassword();
  return (
    <FormModal<ResetValues>
      title={user ? `重置密码：${user.displayName}（${user.username}）` : '重置密码'}
      open={user !== null}
      onClose={onClose}
      onSubmit={async (values) => {
        if (user) await reset.mutateAsync({ id: user.id, password: values.password });
      }}
      successMessage="密码已重置，用户下次登录须修改密码"
      testId="reset-password-form"
    >
      <Alert
        type="info"
        showIcon
        message="重置后请通过安全渠道告知用户新密码，用户登录后须立即修改。"
        style={{ marginBottom: 16 }}
      />
      <Form.Item
        name="password"
        label="新密码"
        rules={[{ required: true, message: '请输入新密码' }, passwordPolicyRule()]}
      >
        <Input.Password autoComplete="new-password" placeholder={PASSWORD_POLICY_HINT} />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label="确认密码"
        dependencies={['password']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('password')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
