import { Link } from 'react-router-dom';
import { Button, Descriptions, Empty, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import type { Id, Unit, UnitNode } from '../../api/types';
import { QueryErrorResult } from '../../components/query-error';
import { formatDate, formatNumber } from '../../lib/format';
import { PERM } from '../../lib/permissions';
import { useAuth } from '../auth/use-auth';
import { PeopleTable } from '../people/people-table';
import { findUnit } from './unit-tree-utils';
import { useUnit, useUnitTree } from './units.api';

interface UnitDetailPanelProps {
  unitId: Id;
  onCreateChild: (parentId: Id) => void;
  onEdit: (unit: Unit) => void;
  onDelete: (unit: Unit) => void;
  onSelectUnit: (id: Id) => void;
}

/** Right-hand panel of the unit page: the selected unit, its sub-units and its people. */
export function UnitDetailPanel({
  unitId,
  onCreateChild,
  onEdit,
  onDelete,
  onSelectUnit,
}: UnitDetailPanelProps) {
  const { can } = useAuth();
  const { data: unit, isPending, error, refetch } = useUnit(unitId);
  const { data: tree } = useUnitTree();
  const node = tree ? findUnit(tree, unitId) : undefined;

  if (error) return <QueryErrorResult error={error} onRetry={() => void refetch()} />;
  if (isPending || !unit) return <Skeleton active paragraph={{ rows: 8 }} />;

  const children: UnitNode[] = node?.children ?? [];

  return (
    <div data-testid="unit-detail-panel">
      <div className="tz-panel-header">
        <Space size={8} align="center">
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="unit-detail-name">
            {unit.name}
          </Typography.Title>
          <Tag bordered={false} color="red">
            {unit.type}
          </Tag>
        </Space>
        <Space wrap>
          {can(PERM.unitAdd) ? (
            <Button
              icon={<PlusOutlined />}
              onClick={() => onCreateChild(unit.id)}
              data-testid="unit-create-child"
            >
              新增下级
            </Button>
          ) : null}
          {can(PERM.unitEdit) ? (
            <Button icon={<EditOutlined />} onClick={() => onEdit(unit)} data-testid="unit-edit">
              编辑
            </Button>
          ) : null}
          {can(PERM.unitRemove) ? (
            <Button
              danger
              icon={<DeleteOutlined />}
              onClick={() => onDelete(unit)}
              data-testid="unit-delete"
            >
              删除
            </Button>
          ) : null}
          <Link to={`/org/units/${unit.id}`} data-testid="unit-open-detail">
            <Button type="link">
              单位详情 <RightOutlined />
            </Button>
          </Link>
        </Space>
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        bordered
        items={[
          { key: 'parent', label: '上级单位', children: unit.parentName ?? '（顶级单位）' },
          { key: 'type', label: '组织类型', children: unit.type },
          { key: 'sort', label: '显示顺序', children: unit.sortOrder },
          { key: 'children', label: '下级单位', children: `${formatNumber(unit.childCount)} 个` },
          { key: 'people', label: '人员', children: `${formatNumber(unit.peopleCount)} 人` },
          { key: 'updated', label: '更新时间', children: formatDate(unit.updatedAt) },
          { key: 'remark', label: '备注', span: 'filled', children: unit.remark || '—' },
        ]}
      />
      <Tabs
        style={{ marginTop: 16 }}
        defaultActiveKey={children.length === 0 && can(PERM.personList) ? 'people' : 'children'}
        items={[
          {
            key: 'children',
            label: `下级单位（${children.length}）`,
            children:
              children.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无下级单位" />
              ) : (
                <Table<UnitNode>
                  rowKey="id"
                  size="small"
                  pagination={children.length > 10 ? { pageSize: 10 } : false}
                  dataSource={children}
                  columns={[
                    { title: '单位名称', dataIndex: 'name', key: 'name' },
                    { title: '组织类型', dataIndex: 'type', key: 'type', width: 120 },
                    {
                      title: '下级单位',
                      key: 'childCount',
                      width: 100,
                      render: (_, child) => child.children.length,
                    },
                    {
                      title: '操作',
                      key: 'actions',
                      width: 90,
                      render: (_, child) => (
                        <Button type="link" size="small" onClick={() => onSelectUnit(child.id)}>
                          查看
                        </Button>
                      ),
                    },
                  ]}
                />
              ),
          },
          ...(can(PERM.personList)
            ? [
                {
                  key: 'people',
                  label: `人员（${unit.peopleCount}）`,
                  children: <PeopleTable fixedUnitId={unit.id} compact />,
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
