import { useState } from 'react';
import { App } from 'antd';
import type { Id, Unit } from '../../api/types';
import { useApiErrorHandler } from '../../lib/use-api-error';
import { UnitFormModal } from './unit-form-modal';
import type { UnitFormTarget } from './unit-form-modal';
import { useDeleteUnit } from './units.api';

/** Create / edit / delete of units, shared by the tree page and the unit detail page. */
export function useUnitActions(options: { onSaved?: (unit: Unit) => void } = {}) {
  const { modal, message } = App.useApp();
  const handleError = useApiErrorHandler();
  const deleteUnit = useDeleteUnit();
  const [target, setTarget] = useState<UnitFormTarget | null>(null);

  const openCreate = (parentId: Id | null) => setTarget({ mode: 'create', parentId });
  const openEdit = (unit: Unit) => setTarget({ mode: 'edit', unit });

  const confirmDelete = (unit: Unit, onDeleted?: () => void) => {
    modal.confirm({
      title: `确定删除单位“${unit.name}”吗？`,
      content:
        unit.childCount > 0 || unit.peopleCount > 0
          ? `该单位下还有 ${unit.childCount} 个下级单位、${unit.peopleCount} 名人员，须先移除后才能删除。`
          : '删除后该单位不再显示，已有的历史记录仍予保留。',
      okText: '删除',
      okButtonProps: { danger: true, 'data-testid': 'unit-delete-confirm' },
      cancelText: '取消',
      onOk: async () => {
        try {
          await deleteUnit.mutateAsync(unit.id);
          message.success('单位已删除');
          onDeleted?.();
        } catch (error) {
          handleError(error);
        }
      },
    });
  };

  const formModal = (
    <UnitFormModal target={target} onClose={() => setTarget(null)} onSaved={options.onSaved} />
  );

  return { openCreate, openEdit, confirmDelete, formModal };
}
