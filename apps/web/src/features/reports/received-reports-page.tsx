import { useState } from 'react';
import { Alert, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { PageContainer } from '../../components/page-container';
import { QueryErrorAlert } from '../../components/query-error';
import { formatDate, formatDateTime } from '../../lib/format';
import { useReceived } from './reports.api';
import type { ReceivedUnit } from './reports.types';
import { defaultPeriod, recentPeriods } from './report-text';

const STATE_COLORS: Record<ReceivedUnit['state'], string> = {
  submitted: 'success',
  late: 'warning',
  overdue: 'error',
  pending: 'default',
};

/** 收到的报告: the reports subordinate units submitted for a period, and who has not. */
export function ReceivedReportsPage() {
  const [period, setPeriod] = useState(defaultPeriod());
  const { data, isFetching, error, refetch } = useReceived(period);
  return (
    <PageContainer
      title="收到的报告"
      breadcrumb={[{ title: '工作报告' }, { title: '收到的报告' }]}
      description="下级单位报送的报告；报送期限为上半年 7月15日、下半年及全年 次年1月15日。"
      extra={
        <Select
          value={period}
          onChange={setPeriod}
          options={recentPeriods()}
          style={{ width: 160 }}
          data-testid="received-period"
        />
      }
    >
      <QueryErrorAlert error={error} onRetry={() => void refetch()} />
      {data ? (
        <Space size={48} style={{ marginBottom: 16 }}>
          <Statistic title={`${data.unit.name}的下级单位`} value={data.counts.units} />
          <Statistic title="已报送" value={data.counts.submitted} />
          <Statistic
            title="逾期未报"
            value={data.counts.overdue}
            valueStyle={data.counts.overdue > 0 ? { color: '#cf1322' } : undefined}
          />
          <Statistic title="报送期限" value={data.deadline ? formatDate(data.deadline) : '—'} />
        </Space>
      ) : null}
      {data && data.counts.overdue > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={`截至${formatDate(data.asOf)}，${data.units
            .filter((u) => u.state === 'overdue')
            .map((u) => u.unitName)
            .join('、')}逾期未报送${data.periodLabel}报告。`}
        />
      ) : null}
      <Table<ReceivedUnit>
        rowKey="unitId"
        loading={isFetching}
        dataSource={data?.units ?? []}
        pagination={false}
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 240 },
          {
            title: '报送情况',
            dataIndex: 'state',
            width: 120,
            render: (state: ReceivedUnit['state'], row) => (
              <Tag color={STATE_COLORS[state]}>{row.stateLabel}</Tag>
            ),
          },
          {
            title: '报告',
            dataIndex: 'reports',
            render: (_: unknown, row) =>
              row.reports.length === 0 ? (
                <Typography.Text type="secondary">未收到</Typography.Text>
              ) : (
                <Space direction="vertical" size={2}>
                  {row.reports.map((r) => (
                    <span key={r.id} data-testid="received-report">
                      <Link to={`/reports/${r.id}`}>{r.title}</Link>
                      <Typography.Text type="secondary">
                        {' '}
                        · {r.kindLabel} · 报送于{formatDateTime(r.submittedAt)}
                      </Typography.Text>
                    </span>
                  ))}
                </Space>
              ),
          },
        ]}
      />
    </PageContainer>
  );
}
