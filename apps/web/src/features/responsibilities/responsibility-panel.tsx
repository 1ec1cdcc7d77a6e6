import { useState } from 'react';
import { App, Button, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { RESPONSIBILITY_ROLES } from '../../api/types';
import type { Id, Responsibility, ResponsibilityRole } from '../../api/types';
import { QueryErrorAlert } from '../../components/query-error';
import { PERM } from '../../lib/permissions';
import { useApiErrorHandler } from '../../lib/use-api-error';
import { useAuth } from '../auth/use-auth';
import { useDeleteResponsibility, useResponsibilities } from './responsibilities.api';
import { ResponsibilityFormModal } from './responsibility-form-modal';
import type { ResponsibilityFormTarget } from './responsibility-form-modal';

const ROLE_COLORS: Record<ResponsibilityRole, string> = {
  第一责任人: 'red',
  直接责任人: 'orange',
  一岗双责: 'blue',
};

function roleRank(role: ResponsibilityRole): number {
  return RESPONSIBILITY_ROLES.indexOf(role);
}

/** The responsibility assignments of one unit for one year. */
export function ResponsibilityPanel({ unitId, year }: { unitId: Id; year: number }) {
  const { can } = useAuth();
  const { modal, message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { data, isFetching, error, refetch } = useResponsibilities(unitId, year);
  const remove = useDeleteResponsibility();
  const [target, setTarget] = useState<ResponsibilityFormTarget | null>(null);

  const items = [...(data?.items ?? [])].sort(
    (a, b) => roleRank(a.role) - roleRank(b.role) || a.personName.localeCompare(b.personName, 'zh'),
  );
  const hasFirst = items.some((item) => item.role === '第一责任人');

  const confirmDelete = (item: Responsibility) =>
    modal.confirm({
      title: `确定删除“${item.personName}”的责任分工吗？`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await remove.mutateAsync(item.id);
          message.success('责任分工已删除');
        } catch (err) {
          handleError(err);
        }
      },
    });

  const columns: TableColumnsType<Responsibility> = [
    { title: '姓名', dataIndex: 'personName', key: 'personName', width: 120 },
    { title: '职务', dataIndex: 'post', key: 'post', width: 180, ellipsis: true },
    {
      title: '责任类型',
      dataIndex: 'role',
      key: 'role',
      width: 120,
      render: (role: ResponsibilityRole) => (
        <Tag color={ROLE_COLORS[role]} bordered={false}>
          {role}
        </Tag>
      ),
    },
    {
      title: '分管领域',
      dataIndex: 'areas',
      key: 'areas',
      render: (areas: string[], item) =>
        item.role === '第一责任人' ? (
          <Typography.Text type="secondary">全面负责</Typography.Text>
        ) : areas.length === 0 ? (
          '—'
        ) : (
          <Space size={[4, 4]} wrap>
            {areas.map((area) => (
              <Tag key={area}>{area}</Tag>
            ))}
          </Space>
        ),
    },
  ];
  if (can(PERM.respEdit) || can(PERM.respRemove)) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_, item) => (
        <Space size={0}>
          {can(PERM.respEdit) ? (
            <Button
              type="link"
              size="small"
              onClick={() => setTarget({ mode: 'edit', responsibility: item })}
            >
              编辑
            </Button>
          ) : null}
          {can(PERM.respRemove) ? (
            <Button type="link" size="small" danger onClick={() => confirmDelete(item)}>
              删除
            </Button>
          ) : null}
        </Space>
      ),
    });
  }

  return (
    <div data-testid="responsibility-panel">
      <div className="tz-table-toolbar">
        <Space>
          <Typography.Text strong>{year} 年度责任分工</Typography.Text>
          {data && !hasFirst ? (
            <Tag color="warning" bordered={false}>
              尚未明确第一责任人
            </Tag>
          ) : null}
        </Space>
        {can(PERM.respAdd) ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setTarget({ mode: 'create', unitId, year })}
            data-testid="responsibility-create"
          >
            新增分工
          </Button>
        ) : null}
      </div>
      {error ? <QueryErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      <Table<Responsibility>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={isFetching}
        pagination={false}
        locale={{ emptyText: error ? '数据加载失败' : `${year} 年度尚未明确责任分工` }}
      />
      <ResponsibilityFormModal target={target} onClose={() => setTarget(null)} />
    </div>
  );
}
