import { Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { QueryErrorAlert } from '../../components/query-error';
import { formatDate } from '../../lib/format';
import { periodLabel } from '../ledger/period';
import { useTodo } from './compliance.api';
import type { TodoItem } from './compliance.types';
import { StatusTag } from './status-tag';

export function daysLeftText(daysLeft: number): string {
  if (daysLeft < 0) return `已逾期 ${-daysLeft} 天`;
  if (daysLeft === 0) return '今天截止';
  return `还剩 ${daysLeft} 天`;
}

/** 待办: requirements in the user's scope that are due soon or overdue and not yet met. */
export function TodoTable() {
  const { data, isFetching, error, refetch } = useTodo();
  return (
    <div data-testid="compliance-todo">
      {error ? <QueryErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {data ? (
        <Typography.Paragraph type="secondary">
          截至 {formatDate(data.asOf)}，共 {data.total} 项待办
          {data.total > data.items.length ? `（列出前 ${data.items.length} 项）` : ''}。
        </Typography.Paragraph>
      ) : null}
      <Table<TodoItem>
        rowKey={(item) => `${item.unitId}-${item.requirementId}-${item.period}`}
        loading={isFetching}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 项` }}
        locale={{ emptyText: error ? '数据加载失败' : '没有临期或逾期的要求，继续保持' }}
        columns={[
          {
            title: '状态',
            dataIndex: 'status',
            key: 'status',
            width: 90,
            render: (_, item) => <StatusTag status={item.status} />,
          },
          { title: '要求', dataIndex: 'requirementTitle', key: 'requirementTitle' },
          { title: '领域', dataIndex: 'areaName', key: 'areaName', width: 100 },
          { title: '单位', dataIndex: 'unitName', key: 'unitName', width: 200, ellipsis: true },
          {
            title: '期间',
            dataIndex: 'period',
            key: 'period',
            width: 130,
            render: (value: string) => periodLabel(value),
          },
          {
            title: '完成',
            key: 'count',
            width: 80,
            render: (_, item) => `${item.count} / ${item.required}`,
          },
          {
            title: '截止',
            key: 'deadline',
            width: 200,
            render: (_, item) => (
              <>
                {formatDate(item.deadline)}
                <Typography.Text
                  type={item.daysLeft < 0 ? 'danger' : 'warning'}
                  style={{ marginLeft: 8 }}
                >
                  {daysLeftText(item.daysLeft)}
                </Typography.Text>
              </>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 90,
            render: (_, item) => (
              <Link
                to={`/compliance?unitId=${item.unitId}&period=${item.period}&includeSubunits=false`}
              >
                查看
              </Link>
            ),
          },
        ]}
      />
    </div>
  );
}
