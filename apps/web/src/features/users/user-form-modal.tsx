import { useMemo } from 'react';
import { Form, Input, Radio, Select } from 'antd';
import { FormModal } from '../../components/form-modal';
import type { Id, User, UserStatus } from '../../api/types';
import { PASSWORD_POLICY_HINT, passwordPolicyRule } from '../../lib/password-policy';
import { USER_STATUS_LABELS } from '../../lib/labels';
import { UnitTreeSelect } from '../units/unit-tree-select';
import { useRoles } from '../roles/roles.api';
import { useCreateUser, useUpdateUser } from './users.api';

export type UserFormTarget = { mode: 'create' } | { mode: 'edit'; user: User };

interface UserFormValues {
  username: string;
  displayName: string;
  unitId: Id;
  roleIds: Id[];
  status?: UserStatus;
  password?: string;
  confirmPassword?: string;
}

export function UserFormModal({
  target,
  onClose,
}: {
  target: UserFormTarget | null;
  onClose: () => void;
}) {
  const { data: roles, isPending: rolesPending } = useRoles(target !== null);
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const editing = target?.mode === 'edit' ? target.user : null;

  const initialValues = useMemo<Partial<UserFormValues>>(
    () =>
      editing
        ? {
            username: editing.username,
            displayName: editing.displayName,
            unitId: editing.unitId ?? undefined,
            roleIds: editing.roleIds,
            status: editing.status,
          }
        : { roleIds: [] },
    [editing],
  );

  const submit = async (values: UserFormValues) => {
    if (editing) {
      await updateUser.mutateAsync({
        id: editing.id,
        version: editing.version,
        input: {
          displayName: values.displayName.trim(),
          unitId: values.unitId,
          roleIds: values.roleIds,
          status: values.status,
        },
      });
    } else {
      await createUser.mutateAsync({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        unitId: values.unitId,
        roleIds: values.roleIds,
        password: values.password ?? '',
      });
    }
  };

  return (
    <FormModal<UserFormValues>
      title={editing ? `编辑用户：${editing.displayName}` : '新增用户'}
      open={target !== null}
      onClose={onClose}
      onSubmit={submit}
      initialValues={initialValues}
      successMessage={editing ? '用户信息已更新' : '用户已创建，首次登录须修改密码'}
      testId="user-form"
    >
      <Form.Item
        name="username"
        label="用户名"
        extra={editing ? '用户名创建后不可修改' : '3～32 位字母、数字、下划线、点或连字符'}
        rules={[
          { required: true, message: '请输入用户名' },
          {
            pattern: /^[A-Za-z0-9_.-]{3,32}$/,
            message: '用户名须为 3～32 位字母、数字、下划线、点或连字符',
          },
        ]}
      >
        <Input disabled={editing !== null} autoComplete="off" placeholder="用于登录" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label="姓名"
        rules={[
          { required: true, whitespace: true, message: '请输入姓名' },
          { max: 50, message: '姓名不能超过 50 个字' },
        ]}
      >
        <Input placeholder="显示在系统中的姓名" maxLength={50} />
      </Form.Item>
      <Form.Item
        name="unitId"
        label="所属单位"
        rules={[{ required: true, message: '请选择所属单位' }]}
      >
        <UnitTreeSelect allowClear={false} />
      </Form.Item>
      <Form.Item
        name="roleIds"
        label="角色"
        rules={[{ required: true, message: '请至少选择一个角色' }]}
      >
        <Select
          mode="multiple"
          loading={rolesPending}
          placeholder="请选择角色"
          optionFilterProp="label"
          options={(roles ?? []).map((role) => ({ value: role.id, label: role.name }))}
        />
      </Form.Item>
      {editing ? (
        <Form.Item name="status" label="状态">
          <Radio.Group
            options={(['active', 'disabled'] as const).map((status) => ({
              value: status,
              label: USER_STATUS_LABELS[status],
            }))}
          />
        </Form.Item>
      ) : (
        <>
          <Form.Item
            name="password"
            label="初始密码"
            rules={[{ required: true, message: '请输入初始密码' }, passwordPolicyRule()]}
          >
            <Input.Password autoComplete="new-password" placeholder={PASSWORD_POLICY_HINT} />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label="确认密码"
            dependencies={['password']}
            rules={[
              { required: true, message: '请再次输入初始密码' },
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
        </>
      )}
    </FormModal>
  );
}
