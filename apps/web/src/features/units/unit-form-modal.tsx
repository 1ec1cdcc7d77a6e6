import { useMemo } from 'react';
import { Form, Input, InputNumber, Select } from 'antd';
import { FormModal } from '../../components/form-modal';
import { UNIT_TYPES } from '../../api/types';
import type { Id, Unit, UnitInput, UnitType } from '../../api/types';
import { findUnit, subtreeIds } from './unit-tree-utils';
import { UnitTreeSelect } from './unit-tree-select';
import { useSaveUnit, useUnitTree } from './units.api';

export type UnitFormTarget = { mode: 'create'; parentId: Id | null } | { mode: 'edit'; unit: Unit };

interface UnitFormValues {
  parentId?: Id | null;
  name: string;
  type: UnitType;
  sortOrder?: number | null;
  remark?: string;
}

function defaultChildType(parentType: UnitType | undefined): UnitType {
  switch (parentType) {
    case '党委':
    case '党工委':
    case '党组':
      return '党总支';
    case '党总支':
      return '党支部';
    case '党支部':
    case '其他':
      return '党支部';
    case undefined:
      return '党委';
  }
}

interface UnitFormModalProps {
  target: UnitFormTarget | null;
  onClose: () => void;
  onSaved?: (unit: Unit) => void;
}

export function UnitFormModal({ target, onClose, onSaved }: UnitFormModalProps) {
  const { data: tree } = useUnitTree();
  const saveUnit = useSaveUnit();
  const editing = target?.mode === 'edit' ? target.unit : null;

  const disabledIds = useMemo(() => {
    if (!editing || !tree) return undefined;
    const node = findUnit(tree, editing.id);
    return node ? subtreeIds(node) : new Set<Id>([editing.id]);
  }, [editing, tree]);

  const initialValues = useMemo<Partial<UnitFormValues>>(() => {
    if (!target) return {};
    if (target.mode === 'edit') {
      const { unit } = target;
      return {
        parentId: unit.parentId,
        name: unit.name,
        type: unit.type,
        sortOrder: unit.sortOrder,
        remark: unit.remark ?? '',
      };
    }
    const parent = target.parentId !== null && tree ? findUnit(tree, target.parentId) : undefined;
    return {
      parentId: target.parentId,
      type: defaultChildType(parent?.type),
      sortOrder: (parent?.children.length ?? tree?.length ?? 0) + 1,
    };
  }, [target, tree]);

  const submit = async (values: UnitFormValues) => {
    const input: UnitInput = {
      parentId: values.parentId ?? undefined,
      name: values.name.trim(),
      type: values.type,
      sortOrder: values.sortOrder ?? undefined,
      remark: values.remark?.trim() ?? '',
    };
    const saved = await saveUnit.mutateAsync(
      editing ? { id: editing.id, version: editing.version, input } : { input },
    );
    onSaved?.(saved);
  };

  return (
    <FormModal<UnitFormValues>
      title={editing ? `编辑单位：${editing.name}` : '新增单位'}
      open={target !== null}
      onClose={onClose}
      onSubmit={submit}
      initialValues={initialValues}
      successMessage={editing ? '单位信息已更新' : '单位已创建'}
      testId="unit-form"
    >
      {editing && editing.parentId === null ? (
        <Form.Item label="上级单位">（顶级单位）</Form.Item>
      ) : (
        <Form.Item
          name="parentId"
          label="上级单位"
          rules={[{ required: true, message: '请选择上级单位' }]}
        >
          <UnitTreeSelect
            allowClear={false}
            disabledIds={disabledIds}
            placeholder="请选择上级单位"
            data-testid="unit-form-parent"
          />
        </Form.Item>
      )}
      <Form.Item
        name="name"
        label="单位名称"
        rules={[
          { required: true, whitespace: true, message: '请输入单位名称' },
          { max: 100, message: '单位名称不能超过 100 个字' },
        ]}
      >
        <Input placeholder="如：第一党支部" maxLength={100} data-testid="unit-form-name" />
      </Form.Item>
      <Form.Item
        name="type"
        label="组织类型"
        rules={[{ required: true, message: '请选择组织类型' }]}
      >
        <Select
          options={UNIT_TYPES.map((type) => ({ value: type, label: type }))}
          placeholder="请选择组织类型"
          data-testid="unit-form-type"
        />
      </Form.Item>
      <Form.Item name="sortOrder" label="显示顺序" extra="数字越小越靠前">
        <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="remark"
        label="备注"
        rules={[{ max: 500, message: '备注不能超过 500 个字' }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount placeholder="选填" />
      </Form.Item>
    </FormModal>
  );
}
