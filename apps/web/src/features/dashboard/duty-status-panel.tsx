import { Badge, Card, Empty, List, Skeleton, Space, Tabs, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { QueryErrorAlert } from '../../components/query-error';
import { formatDate } from '../../lib/format';
import type { TodoItem } from '../compliance/compliance.types';
import { StatusTag, STATUS_HEX, STATUS_LABELS } from '../compliance/status-tag';
import { daysLeftText } from '../compliance/todo-table';
import { periodLabel } from '../ledger/period';
import { useDashboardOverview } from './dashboard-overview.api';

function TodoList({ items, empty, testId }: { items: TodoItem[]; empty: string; testId: string }) {
  if (items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  }
  return (
    <List<TodoItem>
      size="small"
      dataSource={items}
      data-testid={testId}
      renderItem={(item) => (
        <List.Item
          extra={
            <Typography.Text type={item.daysLeft < 0 ? 'danger' : 'warning'}>
              {daysLeftText(item.daysLeft)}
            </Typography.Text>
          }
        >
          <List.Item.Meta
            title={
              <Link
                to={`/compliance?unitId=${item.unitId}&period=${item.period}&includeSubunits=false`}
              >
                <StatusTag status={item.status} />
                {item.requirementTitle}
              </Link>
            }
            description={`${item.unitName} · ${periodLabel(item.period)} · 已记录 ${item.count}/${item.required} 次 · 截止 ${formatDate(item.deadline)}`}
          />
        </List.Item>
      )}
    />
  );
}

/** 责任落实: this period's status counts, the duties due soon and those missed this year. */
export function DutyStatusPanel() {
  const { data, isPending, error, refetch } = useDashboardOverview();
  const current = data?.compliance.current;
  return (
    <Card
      title="责任落实"
      variant="borderless"
      className="tz-fill-card"
      extra={<Link to="/compliance">查看落实情况</Link>}
      data-testid="dashboard-duties"
    >
      {error ? <QueryErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {data && current ? (
        <>
          <Space size="large" wrap style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary">
              本期（{periodLabel(data.quarter.key)}）
            </Typography.Text>
            {(['met', 'due_soon', 'missed', 'pending'] as const).map((status) => (
              <Badge
                key={status}
                color={STATUS_HEX[status]}
                text={`${STATUS_LABELS[status]} ${current[status]}`}
              />
            ))}
          </Space>
          <Tabs
            size="small"
            defaultActiveKey={
              data.compliance.dueSoon.length === 0 && data.compliance.missed.length > 0
                ? 'missed'
                : 'due'
            }
            items={[
              {
                key: 'due',
                label: `即将到期（${data.compliance.dueSoon.length}）`,
                children: (
                  <TodoList
                    items={data.compliance.dueSoon}
                    empty="近期没有即将到期的要求"
                    testId="dashboard-due-soon"
                  />
                ),
              },
              {
                key: 'missed',
                label: `已逾期未完成（${data.compliance.missed.length}）`,
                children: (
                  <TodoList
                    items={data.compliance.missed}
                    empty={`${data.year}年没有逾期未完成的要求`}
                    testId="dashboard-missed"
                  />
                ),
              },
            ]}
          />
        </>
      ) : null}
    </Card>
  );
}
