import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  Button,
  Card,
  Descriptions,
  Empty,
  Result,
  Select,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
} from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { UnitNode } from '../../api/types';
import { PageContainer } from '../../components/page-container';
import type { Crumb } from '../../components/page-container';
import { QueryErrorResult } from '../../components/query-error';
import { formatDateTime, formatNumber } from '../../lib/format';
import { PERM } from '../../lib/permissions';
import { useAuth } from '../auth/use-auth';
import { PeopleTable } from '../people/people-table';
import { yearOptions } from '../../lib/years';
import { ResponsibilityPanel } from '../responsibilities/responsibility-panel';
import { findUnitPath } from './unit-tree-utils';
import { useUnit, useUnitTree } from './units.api';
import { useUnitActions } from './use-unit-actions';

/** /org/units/:id — one unit with its sub-units, people and responsibility assignments. */
export function UnitDetailPage() {
  const { id } = useParams();
  const unitId = Number(id);
  const navigate = useNavigate();
  const { can } = useAuth();
  const {
    data: unit,
    isPending,
    error,
    refetch,
  } = useUnit(Number.isInteger(unitId) ? unitId : undefined);
  const { data: tree } = useUnitTree();
  const [year, setYear] = useState(new Date().getFullYear());
  const actions = useUnitActions();

  const path = tree ? findUnitPath(tree, unitId) : [];
  const children: UnitNode[] = path.at(-1)?.children ?? [];
  const breadcrumb: Crumb[] = [
    { title: '组织机构' },
    { title: '单位管理', path: '/org/units' },
    ...path.slice(0, -1).map((node) => ({ title: node.name, path: `/org/units/${node.id}` })),
    { title: unit?.name ?? '单位详情' },
  ];

  if (!Number.isInteger(unitId) || unitId <= 0) {
    return (
      <PageContainer title="单位详情" breadcrumb={breadcrumb}>
        <Card variant="borderless">
          <Result status="404" title="单位不存在" subTitle="请从单位管理页面选择单位。" />
        </Card>
      </PageContainer>
    );
  }
  if (error) {
    return (
      <PageContainer title="单位详情" breadcrumb={breadcrumb}>
        <Card variant="borderless">
          <QueryErrorResult error={error} onRetry={() => void refetch()} />
        </Card>
      </PageContainer>
    );
  }
  if (isPending || !unit) {
    return (
      <PageContainer title="单位详情" breadcrumb={breadcrumb}>
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      </PageContainer>
    );
  }

  return (
    <PageContainer
      title={
        <Space>
          <span data-testid="unit-page-name">{unit.name}</span>
          <Tag color="red" bordered={false}>
            {unit.type}
          </Tag>
        </Space>
      }
      breadcrumb={breadcrumb}
      extra={
        <>
          {can(PERM.unitAdd) ? (
            <Button icon={<PlusOutlined />} onClick={() => actions.openCreate(unit.id)}>
              新增下级
            </Button>
          ) : null}
          {can(PERM.unitEdit) ? (
            <Button icon={<EditOutlined />} onClick={() => actions.openEdit(unit)}>
              编辑
            </Button>
          ) : null}
          {can(PERM.unitRemove) ? (
            <Button
              danger
              icon={<DeleteOutlined />}
              onClick={() =>
                actions.confirmDelete(unit, () =>
                  navigate(unit.parentId ? `/org/units/${unit.parentId}` : '/org/units'),
                )
              }
            >
              删除
            </Button>
          ) : null}
        </>
      }
    >
      <Card variant="borderless">
        <Descriptions
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: 'parent',
              label: '上级单位',
              children: unit.parentId ? (
                <Link to={`/org/units/${unit.parentId}`}>{unit.parentName}</Link>
              ) : (
                '（顶级单位）'
              ),
            },
            { key: 'type', label: '组织类型', children: unit.type },
            { key: 'sort', label: '显示顺序', children: unit.sortOrder },
            { key: 'children', label: '下级单位', children: `${formatNumber(unit.childCount)} 个` },
            { key: 'people', label: '人员', children: `${formatNumber(unit.peopleCount)} 人` },
            { key: 'created', label: '创建时间', children: formatDateTime(unit.createdAt) },
            { key: 'updated', label: '更新时间', children: formatDateTime(unit.updatedAt) },
            { key: 'remark', label: '备注', span: 'filled', children: unit.remark || '—' },
          ]}
        />
      </Card>
      <Card variant="borderless">
        <Tabs
          items={[
            ...(can(PERM.personList)
              ? [
                  {
                    key: 'people',
                    label: '人员',
                    children: <PeopleTable fixedUnitId={unit.id} compact />,
                  },
                ]
              : []),
            ...(can(PERM.respList)
              ? [
                  {
                    key: 'responsibilities',
                    label: '责任分工',
                    children: (
                      <>
                        <Space style={{ marginBottom: 12 }}>
                          年度
                          <Select
                            value={year}
                            onChange={setYear}
                            options={yearOptions()}
                            style={{ width: 120 }}
                          />
                        </Space>
                        <ResponsibilityPanel unitId={unit.id} year={year} />
                      </>
                    ),
                  },
                ]
              : []),
            {
              key: 'children',
              label: `下级单位（${children.length}）`,
              children:
                children.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无下级单位" />
                ) : (
                  <Table<UnitNode>
                    rowKey="id"
                    size="middle"
                    dataSource={children}
                    pagination={children.length > 20 ? { pageSize: 20 } : false}
                    columns={[
                      {
                        title: '单位名称',
                        dataIndex: 'name',
                        key: 'name',
                        render: (name: string, child) => (
                          <Link to={`/org/units/${child.id}`}>{name}</Link>
                        ),
                      },
                      { title: '组织类型', dataIndex: 'type', key: 'type', width: 140 },
                      {
                        title: '下级单位',
                        key: 'childCount',
                        width: 120,
                        render: (_, child) => `${child.children.length} 个`,
                      },
                    ]}
                  />
                ),
            },
          ]}
        />
      </Card>
      {actions.formModal}
    </PageContainer>
  );
}
