import { useMemo } from 'react';
import { Form, Input, Select } from 'antd';
import { FormModal } from '../../components/form-modal';
import type { DataScope, Role, RoleInput } from '../../api/types';
import { DATA_SCOPE_LABELS } from '../../lib/labels';
import { PermissionTree } from './permission-tree';
import { useSaveRole } from './roles.api';

export type RoleFormTarget = { mode: 'create' } | { mode: 'edit'; role: Role };

const DATA_SCOPE_HINTS: Record<DataScope, string> = {
  all: '可查看和管理全部单位的数据',
  unit_and_below: '可查看和管理本单位及全部下级单位的数据',
  unit: '仅可查看和管理本单位的数据',
  self: '仅可查看和管理本人创建的数据',
};

export function RoleFormModal({
  target,
  onClose,
}: {
  target: RoleFormTarget | null;
  onClose: () => void;
}) {
  const save = useSaveRole();
  const editing = target?.mode === 'edit' ? target.role : null;

  const initialValues = useMemo<Partial<RoleInput>>(
    () =>
      editing
        ? {
            name: editing.name,
            code: editing.code,
            dataScope: editing.dataScope,
            permissions: editing.permissions,
            remark: editing.remark ?? '',
          }
        : { dataScope: 'unit', permissions: [] },
    [editing],
  );

  const submit = async (values: RoleInput) => {
    const input: RoleInput = {
      name: values.name.trim(),
      code: values.code.trim(),
      dataScope: values.dataScope,
      permissions: values.permissions ?? [],
      remark: values.remark?.trim() ?? '',
    };
    if (editing) {
      // The code identifies the role and cannot change after creation.
      const { code: _code, ...changes } = input;
      await save.mutateAsync({ id: editing.id, version: editing.version, input: changes });
    } else {
      await save.mutateAsync({ input });
    }
  };

  return (
    <FormModal<RoleInput>
      title={editing ? `编辑角色：${editing.name}` : '新增角色'}
      open={target !== null}
      onClose={onClose}
      onSubmit={submit}
      initialValues={initialValues}
      width={720}
      testId="role-form"
    >
      <Form.Item
        name="name"
        label="角色名称"
        rules={[
          { required: true, whitespace: true, message: '请输入角色名称' },
          { max: 50, message: '角色名称不能超过 50 个字' },
        ]}
      >
        <Input placeholder="如：支部宣传委员" maxLength={50} />
      </Form.Item>
      <Form.Item
        name="code"
        label="角色编码"
        extra={
          editing ? '角色编码创建后不可修改' : '小写字母开头，由 2～32 位小写字母、数字或下划线组成'
        }
        rules={[
          { required: true, message: '请输入角色编码' },
          {
            pattern: /^[a-z][a-z0-9_]{1,31}$/,
            message: '角色编码须以小写字母开头，由 2～32 位小写字母、数字或下划线组成',
          },
        ]}
      >
        <Input placeholder="如：branch_publicity" disabled={editing !== null} maxLength={32} />
      </Form.Item>
      <Form.Item
        name="dataScope"
        label="数据范围"
        rules={[{ required: true, message: '请选择数据范围' }]}
        extra={
          <Form.Item noStyle shouldUpdate={(prev, next) => prev.dataScope !== next.dataScope}>
            {({ getFieldValue }) => {
              const scope = getFieldValue('dataScope') as DataScope | undefined;
              return scope ? DATA_SCOPE_HINTS[scope] : null;
            }}
          </Form.Item>
        }
      >
        <Select
          options={(Object.keys(DATA_SCOPE_LABELS) as DataScope[]).map((scope) => ({
            value: scope,
            label: DATA_SCOPE_LABELS[scope],
          }))}
        />
      </Form.Item>
      <Form.Item name="permissions" label="功能权限">
        <PermissionTree />
      </Form.Item>
      <Form.Item
        name="remark"
        label="备注"
        rules={[{ max: 500, message: '备注不能超过 500 个字' }]}
      >
        <Input.TextArea rows={2} maxLength={500} placeholder="选填" />
      </Form.Item>
    </FormModal>
  );
}
