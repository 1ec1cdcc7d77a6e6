import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import type { TreeSelectProps } from 'antd';
import type { Id, UnitNode } from '../../api/types';
import { walkUnits } from './unit-tree-utils';
import { useUnitTree } from './units.api';

interface TreeSelectNode {
  value: Id;
  title: string;
  disabled?: boolean;
  children: TreeSelectNode[];
}

function toTreeData(nodes: UnitNode[], disabledIds?: Set<Id>): TreeSelectNode[] {
  return nodes.map((node) => ({
    value: node.id,
    title: node.name,
    disabled: disabledIds?.has(node.id),
    children: toTreeData(node.children, disabledIds),
  }));
}

type UnitTreeSelectProps = Omit<TreeSelectProps<Id>, 'treeData'> & {
  /** Units that cannot be chosen, e.g. the unit itself and its subtree when picking a parent. */
  disabledIds?: Set<Id>;
};

/** Picks a unit from the user's visible unit tree, with search by name. */
export function UnitTreeSelect({ disabledIds, ...props }: UnitTreeSelectProps) {
  const { data, isPending } = useUnitTree();
  const treeData = useMemo(() => toTreeData(data ?? [], disabledIds), [data, disabledIds]);
  const unitCount = useMemo(() => {
    let count = 0;
    walkUnits(data ?? [], () => (count += 1));
    return count;
  }, [data]);
  return (
    <TreeSelect<Id>
      showSearch
      allowClear
      treeDefaultExpandAll={unitCount <= 200}
      treeNodeFilterProp="title"
      placeholder="请选择单位"
      loading={isPending}
      treeData={treeData}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200 }}
      notFoundContent="暂无单位"
      {...props}
    />
  );
}
