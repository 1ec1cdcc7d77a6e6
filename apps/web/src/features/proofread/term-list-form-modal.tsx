import { useMemo } from 'react';
import { Form, Input } from 'antd';
import { FormModal } from '../../components/form-modal';
import { PERM } from '../../lib/permissions';
import { useAuth } from '../auth/use-auth';
import { UnitTreeSelect } from '../units/unit-tree-select';
import { useSaveTermList } from './proofread.api';
import type { TermList } from './proofread.types';

export type TermListFormTarget = { mode: 'create' } | { mode: 'edit'; list: TermList };

interface TermListFormValues {
  name: string;
  remark?: string;
  unitId?: number;
}

/** 新建词表 / 重命名词表. */
export function TermListFormModal({
  target,
  onClose,
}: {
  target: TermListFormTarget | null;
  onClose: () => void;
}) {
  const { user, can } = useAuth();
  const save = useSaveTermList();
  const editing = target?.mode === 'edit' ? target.list : null;
  const initialValues = useMemo<Partial<TermListFormValues>>(
    () =>
      editing
        ? { name: editing.name, remark: editing.remark }
        : { unitId: user.unitId ?? undefined, remark: '' },
    [editing, user.unitId],
  );

  return (
    <FormModal<TermListFormValues>
      title={editing ? `修改词表：${editing.name}` : '新建词表'}
      open={target !== null}
      onClose={onClose}
      initialValues={initialValues}
      successMessage={editing ? '词表已修改' : '词表已创建，请上传词条'}
      testId="term-list-form"
      onSubmit={(values) =>
        save.mutateAsync(
          editing
            ? {
                id: editing.id,
                version: editing.version,
                name: values.name,
                remark: values.remark ?? '',
              }
            : { name: values.name, remark: values.remark ?? '', unitId: values.unitId },
        )
      }
    >
      {!editing && can(PERM.unitList) ? (
        <Form.Item
          name="unitId"
          label="所属单位"
          rules={[{ required: true, message: '请选择所属单位' }]}
        >
          <UnitTreeSelect placeholder="请选择所属单位" />
        </Form.Item>
      ) : null}
      <Form.Item
        name="name"
        label="词表名称"
        rules={[
          { required: true, whitespace: true, message: '请输入词表名称' },
          { max: 60, message: '词表名称不能超过 60 个字符' },
        ]}
      >
        <Input placeholder="例如：宣传稿件规范用语" maxLength={60} />
      </Form.Item>
      <Form.Item
        name="remark"
        label="备注"
        rules={[{ max: 500, message: '备注不能超过 500 个字符' }]}
      >
        <Input.TextArea rows={3} maxLength={500} placeholder="用途、来源等（选填）" />
      </Form.Item>
    </FormModal>
  );
}
