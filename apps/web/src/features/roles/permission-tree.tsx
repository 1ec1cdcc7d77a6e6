import { useMemo } from 'react';
import type { Key } from 'react';
import { Alert, Empty, Spin, Tag, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import type { PermissionItem } from '../../api/types';
import { ALL_PERMISSIONS } from '../../lib/permissions';
import { QueryErrorAlert } from '../../components/query-error';
import { usePermissionCatalog } from './roles.api';

const GROUP_PREFIX = 'group:';

function buildTree(items: PermissionItem[]): TreeDataNode[] {
  const groups = new Map<string, PermissionItem[]>();
  for (const item of items) {
    const list = groups.get(item.group) ?? [];
    list.push(item);
    groups.set(item.group, list);
  }
  return [...groups.entries()].map(([group, members]) => ({
    key: `${GROUP_PREFIX}${group}`,
    title: group,
    // Catalogue order keeps each entity's menu permission next to its buttons.
    children: members.map((item) => ({
      key: item.code,
      title: (
        <span>
          {item.name}
          <Tag
            bordered={false}
            className="tz-perm-tag"
            color={item.type === 'menu' ? 'blue' : undefined}
          >
            {item.type === 'menu' ? '菜单' : '按钮'}
          </Tag>
          <span className="tz-perm-code">{item.code}</span>
        </span>
      ),
    })),
  }));
}

interface PermissionTreeProps {
  value?: string[];
  onChange?: (value: string[]) => void;
  disabled?: boolean;
}

/** Grouped checkbox tree of permission codes, used as a form control. */
export function PermissionTree({ value = [], onChange, disabled }: PermissionTreeProps) {
  const { data, isPending, error, refetch } = usePermissionCatalog();
  const treeData = useMemo(() => buildTree(data ?? []), [data]);
  const known = useMemo(() => new Set((data ?? []).map((item) => item.code)), [data]);

  if (value.includes(ALL_PERMISSIONS)) {
    return <Alert type="info" showIcon message="该角色拥有全部权限（*:*:*），无需逐项勾选。" />;
  }
  if (error) return <QueryErrorAlert error={error} onRetry={() => void refetch()} />;
  if (isPending) return <Spin />;
  if (treeData.length === 0) return <Empty description="暂无可分配的权限" />;

  const onCheck = (checked: Key[] | { checked: Key[] }) => {
    const keys = Array.isArray(checked) ? checked : checked.checked;
    const codes = keys.map(String).filter((key) => !key.startsWith(GROUP_PREFIX));
    // Keep codes the catalogue does not list (e.g. wildcards) rather than silently dropping them.
    const unknown = value.filter((code) => !known.has(code));
    onChange?.([...new Set([...unknown, ...codes])]);
  };

  return (
    <div className="tz-perm-tree" data-testid="permission-tree">
      <Tree
        checkable
        selectable={false}
        disabled={disabled}
        defaultExpandAll
        treeData={treeData}
        checkedKeys={value.filter((code) => known.has(code))}
        onCheck={onCheck}
        height={360}
      />
    </div>
  );
}
